import { emptyAccount, RecordBuilder } from './builder';
import { canonicalUrl, meta, parseCount, titleOf, visibleText } from './dom';
import type { Extractor } from './extractor';
import { classifyDocument, classifyText } from './notices';
import type { AccountRecord, ExtractedRecord, NoticeRecord } from './record';
import { cleanText } from './text';
import { nameFromTitle, routeOfUrl, urlFallback } from './url-fallback';
import { profileCountsIn } from './instagram-meta';
import { VK } from './vk-selectors';
import { outermost } from './dom-path';
import { postFromUrl, readMetaPost, readPost, route, type Route } from './vk-post';
import { readVkJson } from './vk-json';

/**
 * VK: a wall post (vk.com/wall-123_456), a person's or community's page, and the page states —
 * deleted, blocked, private, blocked in a country. Strategies: the rendered DOM (vk-selectors.ts),
 * og: meta, the URL; for saved API responses, wall.getById / users.get JSON (vk-json.ts).
 */
const INFO = { name: 'vk', version: '1.0.0' };

const STATE_OF: Partial<Record<NoticeRecord['type'], AccountRecord['state']>> = {
  suspended: 'suspended',
  removed: 'deleted',
  not_found: 'deleted',
  private: 'private',
  withheld: 'restricted',
};

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('vk', INFO, url);
  const r = route(url);
  const canonical = canonicalUrl(doc);
  const base = {
    canonicalUrl: canonical && /^https?:/.test(canonical) ? canonical : null,
    title: titleOf(doc),
  };
  const notice = pageNotice(doc);
  const block = postBlock(doc, r);

  if (r.postRef || block) {
    if (notice && !block) {
      b.note('notice', 'dom');
      return b.finish({ ...base, kind: 'notice', notice, post: postFromUrl(b, r) });
    }
    const post = block ? readPost(b, block, r) : readMetaPost(b, doc, r);
    return b.finish({
      ...base,
      kind: notice ? 'notice' : 'post',
      post,
      ...(notice ? { notice } : {}),
    });
  }
  const fromUrl = routeOfUrl('vk', url);
  const hasProfile =
    doc.querySelector(VK.profileName) ||
    meta(doc, 'og:title') ||
    (fromUrl?.kind === 'account' && nameFromTitle(titleOf(doc), fromUrl.handle));
  if (hasProfile) {
    const account = readProfile(b, doc, r);
    if (notice) {
      account.state = STATE_OF[notice.type] ?? 'unknown';
      b.note('notice', 'dom');
      return b.finish({ ...base, kind: 'notice', account, notice });
    }
    return b.finish({ ...base, kind: 'account', account });
  }
  if (notice) {
    b.note('notice', 'dom');
    return b.finish({ ...base, kind: 'notice', notice });
  }
  const fallback = urlFallback(b, doc, fromUrl);
  if (fallback) return b.finish(fallback);
  b.warn('page: no post, page or known notice found');
  return b.finish({ ...base, kind: 'page' });
}

/** VK writes page states in a few dedicated blocks; the phrase tables type them. */
function pageNotice(doc: Document): NoticeRecord | null {
  for (const el of Array.from(doc.querySelectorAll(VK.notice))) {
    const notice = classifyText(cleanText(visibleText(el)));
    if (notice) return notice;
  }
  return doc.querySelector(VK.post) || doc.querySelector(VK.profileName)
    ? null
    : classifyDocument(doc);
}

function postBlock(doc: Document, r: Route): Element | null {
  if (r.postRef) {
    const own = doc.querySelector(
      `[data-post-id="${r.postRef}"], #post${r.postRef}, #post-${r.postRef.replace(/^-/, '')}`,
    );
    if (own) return own;
  }
  return r.postRef ? doc.querySelector(VK.post) : null;
}

const FOLLOWER_WORDS = /подписчик|follower|участник|member|жазылушы|қатысушы/i;

const FRIEND_WORDS = /друз|friend|дос/i;

function readProfile(b: RecordBuilder, doc: Document, r: Route): AccountRecord {
  const account = emptyAccount();
  const counters = Array.from(doc.querySelectorAll(VK.counter)).map((c) => ({
    value: cleanText(c.querySelector(VK.counterValue)?.textContent),
    label: cleanText(c.querySelector(VK.counterLabel)?.textContent) ?? '',
  }));
  const counter = (words: RegExp) => parseCount(counters.find((c) => words.test(c.label))?.value);
  const root = doc.querySelector('[data-owner-id], #profile[data-id], #public[data-id]');
  account.handle = b.pick('account.handle', [['url', () => r.handle]]);
  account.name = b.pick('account.name', [
    ['dom', () => cleanText(doc.querySelector(VK.profileName)?.textContent)],
    ['meta', () => nameFromTitle(meta(doc, 'og:title'), r.handle)],
    ['dom', () => nameFromTitle(titleOf(doc), r.handle)],
  ]);
  account.id = b.pick('account.id', [
    ['dom', () => root?.getAttribute('data-owner-id') ?? root?.getAttribute('data-id')],
    ['url', () => r.ownerId],
  ]);
  account.bio = b.pick(
    'account.bio',
    [['dom', () => cleanText(doc.querySelector(VK.profileStatus)?.textContent)]],
    true,
  );
  account.avatarUrl = b.pick('account.avatarUrl', [
    ['dom', () => doc.querySelector(VK.avatar)?.getAttribute('src')],
    ['meta', () => meta(doc, 'og:image')],
  ]);
  account.followers = b.pick('account.followers', [
    ['dom', () => counter(FOLLOWER_WORDS)],
    // "…. 4 512 подписчиков. …" in the description of community pages.
    [
      'meta',
      () => profileCountsIn(meta(doc, 'description') ?? meta(doc, 'og:description')).followers,
    ],
  ]);
  account.following = b.pick('account.following', [['dom', () => counter(FRIEND_WORDS)]], true);
  const name = doc.querySelector(VK.profileName);
  if (name) {
    account.verified = Boolean(doc.querySelector(VK.verified));
    b.note('account.verified', 'dom');
  }
  account.state = 'active';
  return account;
}

function extractJson(data: unknown, url: URL): ExtractedRecord {
  const b = new RecordBuilder('vk', INFO, url);
  const result = readVkJson(b, data);
  if (!result) {
    b.warn('json: not a VK API response this extractor knows (wall.getById, users.get, error)');
    return b.finish({ kind: 'page', canonicalUrl: null });
  }
  return b.finish({ canonicalUrl: null, ...result });
}

/** A wall post in a feed, on a profile's or community's wall, or in search. */
function postAt(element: Element): Element | null {
  return outermost(element, VK.post);
}

function extractPost(block: Element, doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('vk', INFO, url);
  const ref = block.getAttribute('data-post-id') ?? /post(-?\d+_\d+)/.exec(block.id)?.[1] ?? null;
  const post = readPost(b, block, { postRef: ref, handle: null, ownerId: null });
  return b.finish({
    kind: 'post',
    canonicalUrl: null,
    title: titleOf(doc),
    post,
    target: { via: 'pointer', path: '', permalink: ref ? `https://vk.com/wall${ref}` : null },
  });
}

export const vkExtractor: Extractor = {
  platform: 'vk',
  version: INFO.version,
  matches: (url) => /(^|\.)(vk\.com|vk\.ru|vkontakte\.ru)$/i.test(url.hostname),
  extract,
  extractJson,
  postAt,
  extractPost,
};
