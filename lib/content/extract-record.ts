import { extractDocument, extractElement } from '../platforms/registry';
import type { ExtractedRecord } from '../platforms/record';
import { ogMedia } from './og-media';

export interface Extraction {
  record: ExtractedRecord;
  /** Media to keep byte-exact: the post's media, the avatar, a feed's media; else OpenGraph's. */
  media: Array<{ url: string; type: 'image' | 'video' }>;
}

/**
 * Runs the platform extractor (the registry never throws: a failure is a generic record + warning).
 * With `chosen` (the element under the pointer), the record is the post around it.
 */
export function extractRecord(doc: Document, url: URL, chosen?: Element | null): Extraction {
  const record = chosen ? extractElement(doc, url, chosen) : extractDocument(doc, url);
  const media = [
    ...(record.post?.media ?? []),
    ...(record.account?.avatarUrl
      ? [{ url: record.account.avatarUrl, type: 'image' as const }]
      : []),
    ...(record.posts ?? []).flatMap((p) => p.media),
  ];
  // Extractors may report media as written in the page (relative); fetching needs absolute URLs.
  const absolute = media.flatMap((m) => {
    try {
      const href = new URL(m.url, url);
      return href.protocol === 'https:' || href.protocol === 'http:'
        ? [{ ...m, url: href.href }]
        : [];
    } catch {
      return [];
    }
  });
  return { record, media: absolute.length ? absolute : ogMedia(doc, url) };
}
