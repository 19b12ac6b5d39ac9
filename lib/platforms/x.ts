import { RecordBuilder } from './builder';
import { canonicalUrl, meta, titleOf, visibleText } from './dom';
import type { Extractor } from './extractor';
import { routeOfUrl, urlFallback } from './url-fallback';
import { classifyDocument, classifyText } from './notices';
import type { AccountRecord, ExtractedRecord, NoticeRecord } from './record';
import { cleanText } from './text';
import { focalTweet, readDomPost, readDomProfile, X_DOM } from './x-dom';
import { readXJson } from './x-json';
import { legacyTweet, readLegacyPost, readLegacyProfile, X_LEGACY_PROFILE } from './x-legacy';
import { readMetaPost, statusIdFromMeta } from './x-meta';
import { isXHost, xTarget } from './x-shared';
import { outermost } from './dom-path';

/**
 * X (Twitter): a post (with its quoted post as `repostOf`), a profile, and the states monitors
 * need to prove — suspended, withheld in named countries, "this post is unavailable", the login
 * wall and the twitter.com → x.com migration interstitial. Strategies, in order of trust: the
 * rendered DOM, JSON-LD, the legacy server-rendered markup, og:/al: meta, the URL, and for saved
 * API responses the JSON itself (see x-json.ts). Selectors live in x-dom.ts, x-legacy.ts, x-meta.ts.
 */
const INFO = { name: 'x', version: '1.0.0' };

/** Last seen on embed_x_migrate_interstitial_pepephone_2024.html (2024-06). */
const MIGRATE = 'meta[http-equiv="refresh"][content*="/x/migrate"]';

const STATE_OF: Partial<Record<NoticeRecord['type'], AccountRecord['state']>> = {
  suspended: 'suspended',
  private: 'private',
  withheld: 'restricted',
};

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('x', INFO, url);
  const target = xTarget(url);
  const base = { canonicalUrl: canonical(doc), title: titleOf(doc) };

  if (doc.querySelector(MIGRATE)) {
    b.warn(
      'page: twitter.com → x.com migration interstitial (meta refresh to /x/migrate); it holds no post',
    );
    return b.finish({ ...base, kind: 'page', post: null });
  }
  if (!target.statusId && doc.querySelector(X_LEGACY_PROFILE.card)) {
    return b.finish({ ...base, kind: 'account', account: readLegacyProfile(b, doc, target) });
  }
  const legacy = legacyTweet(doc, target);
  if (legacy) return b.finish({ ...base, kind: 'post', post: readLegacyPost(b, legacy, target) });

  const article = focalTweet(doc, target);
  if (article && (target.statusId || !doc.querySelector(X_DOM.profileName))) {
    const post = readDomPost(b, article, target);
    // A withheld, deleted or unavailable post renders as an article holding only X's notice.
    const tombstone =
      post.text || post.media.length
        ? null
        : (classifyText(cleanText(visibleText(article))) ?? blockNotice(doc));
    if (tombstone) {
      b.note('notice', 'dom');
      return b.finish({ ...base, kind: 'notice', post, notice: tombstone });
    }
    return b.finish({ ...base, kind: 'post', post });
  }
  const isProfile =
    doc.querySelector(X_DOM.profileName) ||
    doc.querySelector('script[type="application/ld+json"]')?.textContent?.includes('ProfilePage');
  if (isProfile) {
    // The logged-out bottom bar ("Don't miss what's happening") is on every page: only X's own
    // notice block counts on a profile.
    const notice = blockNotice(doc);
    const account = readDomProfile(b, doc, target);
    if (notice) {
      account.state = STATE_OF[notice.type] ?? 'unknown';
      b.note('notice', 'dom');
      return b.finish({ ...base, kind: 'notice', account, notice });
    }
    return b.finish({ ...base, kind: 'account', account });
  }
  const notice = blockNotice(doc) ?? classifyDocument(doc);
  if (notice) {
    b.note('notice', 'dom');
    return b.finish({ ...base, kind: 'notice', notice });
  }
  if (statusIdFromMeta(doc) || (target.statusId && meta(doc, 'og:description'))) {
    return b.finish({ ...base, kind: 'post', post: readMetaPost(b, doc, target) });
  }
  const fallback = urlFallback(b, doc, routeOfUrl('x', url));
  if (fallback) return b.finish(fallback);
  b.warn('page: no post, profile or known notice found');
  return b.finish({ ...base, kind: 'page' });
}

/** X's own notice block ("emptyState"), classified with the shared phrase tables. */
function blockNotice(doc: Document): NoticeRecord | null {
  for (const block of Array.from(doc.querySelectorAll(X_DOM.emptyState))) {
    const notice = classifyText(cleanText(visibleText(block)));
    if (notice) return notice;
  }
  return null;
}

function canonical(doc: Document): string | null {
  const value = canonicalUrl(doc);
  return value && /^https?:\/\//.test(value) ? value : null;
}

function extractJson(data: unknown, url: URL): ExtractedRecord {
  const b = new RecordBuilder('x', INFO, url);
  const result = readXJson(b, data);
  if (!result) {
    b.warn(
      'json: not an X response this extractor knows (GraphQL user/tweet, oEmbed, API v1.1/v2)',
    );
    return b.finish({ kind: 'page', canonicalUrl: null });
  }
  if (result.kind === 'notice') {
    return b.finish({
      kind: 'notice',
      canonicalUrl: null,
      notice: result.notice,
      ...(result.account ? { account: result.account } : {}),
    });
  }
  if (result.kind === 'account') {
    const handle = result.account.handle;
    return b.finish({
      kind: 'account',
      canonicalUrl: handle ? `https://x.com/${handle}` : null,
      account: result.account,
    });
  }
  return b.finish({
    kind: result.notice ? 'notice' : 'post',
    canonicalUrl: result.canonical,
    post: result.post,
    ...(result.notice ? { notice: result.notice } : {}),
  });
}

/** A post in a timeline, search result or thread: its own article (a quote stays inside it). */
function postAt(element: Element): Element | null {
  return outermost(element, X_DOM.tweet);
}

function extractPost(article: Element, doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('x', INFO, url);
  const link = Array.from(article.querySelectorAll('a[href*="/status/"]')).find((a) =>
    a.querySelector('time'),
  );
  const href = link?.getAttribute('href') ?? null;
  const permalink = href ? new URL(href, 'https://x.com/').href : null;
  const post = readDomPost(b, article, permalink ? xTarget(new URL(permalink)) : xTarget(url));
  return b.finish({
    kind: 'post',
    canonicalUrl: canonical(doc),
    title: titleOf(doc),
    post,
    target: { via: 'pointer', path: '', permalink },
  });
}

export const xExtractor: Extractor = {
  platform: 'x',
  version: INFO.version,
  matches: (url) => isXHost(url.hostname),
  extract,
  extractJson,
  postAt,
  extractPost,
};
