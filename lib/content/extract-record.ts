import type { ExtractedRecord } from '../platforms/record';
import { genericMedia, genericRecord } from './generic-record';

export interface Extraction {
  record: ExtractedRecord;
  /** Media to fetch and keep byte-exact: the record's post media and avatar, else OpenGraph. */
  media: Array<{ url: string; type: 'image' | 'video' }>;
}

/** Runs the extractor for the page; never throws (a failure is a generic record with a warning). */
export function extractRecord(doc: Document, url: URL): Extraction {
  const record = genericRecord(doc, url);
  const media = [...(record.post?.media ?? [])];
  if (record.account?.avatarUrl) media.push({ url: record.account.avatarUrl, type: 'image' });
  return { record, media: media.length ? media : genericMedia(doc, url) };
}
