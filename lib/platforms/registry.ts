import { messageOf, RecordBuilder } from './builder';
import { routeOfUrl, urlFallback } from './url-fallback';
import { cssPath } from './dom-path';
import type { Extractor } from './extractor';
import { genericExtractor } from './generic';
import { facebookExtractor } from './facebook';
import { instagramExtractor } from './instagram';
import { classifyDocument } from './notices';
import type { ExtractedRecord } from './record';
import { telegramExtractor } from './telegram';
import { tiktokExtractor } from './tiktok';
import { vkExtractor } from './vk';
import { webmailExtractor } from './webmail';
import { xExtractor } from './x';
import { youtubeExtractor } from './youtube';

/**
 * The platform extractors, tried in order; the first whose `matches(url)` is true runs.
 * To add a platform: import its extractor and add one line here (see docs/architecture-platforms.md).
 */
export const extractors: Extractor[] = [
  instagramExtractor,
  facebookExtractor,
  webmailExtractor,
  xExtractor,
  telegramExtractor,
  tiktokExtractor,
  youtubeExtractor,
  vkExtractor,
];

/** The extractor for `url`, or the generic one. */
export function extractorFor(url: URL): Extractor {
  return extractors.find((e) => safeMatches(e, url)) ?? genericExtractor;
}

/**
 * Extracts a record from a page. Runs the matching extractor; where it found no content, looks for
 * a platform notice; never throws: a failing extractor yields the generic record plus a warning.
 */
export function extractDocument(doc: Document, url: URL): ExtractedRecord {
  const extractor = extractorFor(url);
  const record = runSafely(
    extractor,
    url,
    (e) => e.extract(doc, url),
    // A broken extractor still leaves the address: a post or profile URL keeps its kind.
    () => urlRecord(doc, url, extractor) ?? genericExtractor.extract(doc, url),
  );
  if (record.kind !== 'notice' && !record.notice && !hasContent(record)) {
    const notice = safeNotice(doc, record);
    if (notice) {
      record.kind = 'notice';
      record.notice = notice;
      record.sources = { ...record.sources, notice: 'dom' };
    } else if (extractor !== genericExtractor) {
      record.warnings.push('page: no content and no known notice found');
    }
  }
  return record;
}

/**
 * The post container around `element` on the page at `url` ("Capture this post"): what the
 * platform's extractor recognises as one feed item, or null.
 */
export function postContainerAt(url: URL, element: Element): Element | null {
  const extractor = extractorFor(url);
  try {
    return extractor.postAt?.(element) ?? null;
  } catch {
    return null;
  }
}

/**
 * The record of the one post the monitor chose on a page (a feed, a timeline, a channel): read
 * from that post's container only, with `target` saying where it is. When the platform sees no
 * post there, the whole page is extracted and a warning says so — never a wrong post.
 */
export function extractElement(doc: Document, url: URL, element: Element): ExtractedRecord {
  const extractor = extractorFor(url);
  const container = postContainerAt(url, element);
  const extractPost = extractor.extractPost?.bind(extractor);
  if (!container || !extractPost) {
    const record = extractDocument(doc, url);
    record.warnings.unshift(
      `target: no ${extractor.platform} post found around the chosen element; the whole page was read`,
    );
    return record;
  }
  const record = runSafely(
    extractor,
    url,
    () => extractPost(container, doc, url),
    () => genericExtractor.extract(doc, url),
  );
  record.target = {
    via: 'pointer',
    path: cssPath(container),
    permalink: record.target?.permalink ?? null,
  };
  return record;
}

/** Extracts a record from saved JSON (oEmbed, GraphQL, API responses) describing `url`. */
export function extractJson(data: unknown, url: URL): ExtractedRecord {
  const extractor = extractorFor(url);
  const run = extractor.extractJson?.bind(extractor);
  if (!run) {
    const record = runSafely(genericExtractor, url, (e) => e.extractJson!(data, url), null);
    // The site is still known from the URL even when only the generic reader understood the JSON.
    if (extractor !== genericExtractor) record.platform = extractor.platform;
    return record;
  }
  return runSafely(
    extractor,
    url,
    () => run(data, url),
    () => genericExtractor.extractJson!(data, url),
  );
}

function runSafely(
  extractor: Extractor,
  url: URL,
  run: (e: Extractor) => ExtractedRecord,
  fallback: (() => ExtractedRecord) | null,
): ExtractedRecord {
  try {
    return run(extractor);
  } catch (error) {
    const warning = `${extractor.platform} extractor ${extractor.version} failed: ${messageOf(error)}`;
    if (fallback && extractor !== genericExtractor) {
      try {
        const record = fallback();
        const instead =
          record.platform === 'generic'
            ? 'generic record instead'
            : 'record from the address and title instead';
        record.warnings.unshift(`${warning}; ${instead}`);
        return record;
      } catch (inner) {
        return emptyRecord(url, [warning, `generic extractor failed: ${messageOf(inner)}`]);
      }
    }
    return emptyRecord(url, [warning]);
  }
}

/** The record the URL and title alone give on `extractor`'s platform, or null. */
function urlRecord(doc: Document, url: URL, extractor: Extractor): ExtractedRecord | null {
  if (extractor === genericExtractor) return null;
  const b = new RecordBuilder(
    extractor.platform,
    { name: extractor.platform, version: extractor.version },
    url,
  );
  const body = urlFallback(b, doc, routeOfUrl(extractor.platform, url));
  return body ? b.finish(body) : null;
}

function safeMatches(extractor: Extractor, url: URL): boolean {
  try {
    return extractor.matches(url);
  } catch {
    return false;
  }
}

function safeNotice(doc: Document, record: ExtractedRecord): ExtractedRecord['notice'] {
  try {
    return classifyDocument(doc);
  } catch (error) {
    record.warnings.push(`notice classifier failed: ${messageOf(error)}`);
    return null;
  }
}

/** True when the record shows something of the page itself (a post, an account, sessions). */
export function hasContent(record: ExtractedRecord): boolean {
  const post = record.post;
  if (
    post &&
    (post.id || post.text || post.media.length || post.author.handle || post.author.name)
  ) {
    return true;
  }
  const account = record.account;
  if (account && (account.handle || account.name || account.id)) return true;
  if (record.security && record.security.length) return true;
  return record.platform === 'generic' && Boolean(record.text);
}

function emptyRecord(url: URL, warnings: string[]): ExtractedRecord {
  return {
    platform: 'generic',
    kind: 'page',
    url: url.href,
    canonicalUrl: null,
    warnings,
    sources: {},
    extractor: { name: genericExtractor.platform, version: genericExtractor.version },
  };
}
