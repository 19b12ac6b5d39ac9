import type { Capture } from '../model/capture';
import { summarizeCapture, type CaptureSummary } from './capture-summary';
import { fold } from './normalize';

/**
 * Bumped whenever `listingOf` changes what it derives: listings of another version are
 * recomputed from their capture, so a stored listing is never trusted beyond its derivation.
 */
export const LISTING_VERSION = 2;

/**
 * What the captures list needs of one capture — its summary row and the folded text of its
 * record — and nothing else. Derived data: a sealed capture never changes, so its listing is
 * computed once, stored beside it, and recomputed from the capture whenever it is missing or of
 * an older version; it is never evidence and never exported.
 */
export interface CaptureListing extends CaptureSummary {
  v: number;
  /** Folded (see `fold`) searchable text of the record: URL, title, text, author, hashtags… */
  text: string;
}

function recordText(c: Capture): string[] {
  const r = c.record;
  return [
    c.url,
    c.metadata.title,
    r.title,
    r.text,
    r.post?.text,
    r.post?.author.name,
    r.post?.author.handle,
    r.post?.repostOf?.text,
    r.post?.repostOf?.author.name,
    r.post?.repostOf?.author.handle,
    ...(r.post?.hashtags ?? []),
    r.account?.name,
    r.account?.handle,
    r.account?.bio,
    r.notice?.message,
  ].filter((s): s is string => typeof s === 'string');
}

/** The listing of a capture (pure; the same in the worker, the page and Node). */
export function listingOf(capture: Capture): CaptureListing {
  return {
    ...summarizeCapture(capture),
    v: LISTING_VERSION,
    text: fold(recordText(capture).join('\n')),
  };
}
