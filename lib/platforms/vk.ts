import { emptyAccount, emptyPost, RecordBuilder } from './builder';
import { canonicalUrl, fromUnix, meta, metaRaw, parseCount, titleOf, visibleText } from './dom';
import type { Extractor } from './extractor';
import { classifyDocument, classifyText } from './notices';
import type { AccountRecord, ExtractedRecord, NoticeRecord, PostRecord } from './record';
import { richText } from './rich-text';
import { cleanMultiline, cleanText, hashtagsOf, linksOf, mentionsOf, unique } from './text';
import { VK } from './vk-selectors';
import { readVkJson } from './vk-json';

/**
 * VK: a wall post (vk.com/wall-123_456), a person's or community's page, and the page states —
 * deleted, blocked, private, blocked in a country. Strategies: the rendered DOM (vk-selectors.ts),
 * og: meta, the URL; for saved API responses, wall.getById / users.get JSON (vk-json.ts).
 */
const INFO = { name: 'vk', version: '1.0.0' };

interface Route {
  postRef: string | null;
  handle: string | null;
  ownerId: string | null;
}

function route(url: URL): Route {
  const wall = /wall(-?\d+_\d+)/.exec(url.pathname + url.search);
  const first = url.pathname.split('/').filter(Boolean)[0] ?? null;
  const owner = /^(id|club|public|event)(\d+)$/.exec(first ?? '');
  return {
    postRef: wall?.[1] ?? null,
    handle: first && !wall && /^[\w.]{2,}$/.test(first) ? first : null,
    ownerId: owner ? (owner[1] === 'id' ? owner[2]! : `-${owner[2]}`) : null,
  };
}

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
  const hasProfile = doc.querySelector(VK.profileName) || meta(doc, 'og:title');
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

function ownerOf(href: string | null): { handle: string | null; id: string | null } {
  const path =
    (href ?? '')
      .replace(/^https?:\/\/(m\.)?vk\.com/, '')
      .split(/[/?#]/)
      .filter(Boolean)[0] ?? null;
  const numeric = /^(id|club|public|event)(\d+)$/.exec(path ?? '');
  return {
    handle: path,
    id: numeric ? (numeric[1] === 'id' ? numeric[2]! : `-${numeric[2]}`) : null,
  };
}

function countOf(block: Element, selector: string): number | null {
  const el = block.querySelector(selector);
  if (!el) return null;
  // `data-count` carries the exact number; the label may be rounded ("4,2K").
  const exact = el.getAttribute('data-count') ?? el.getAttribute('title');
  return (
    parseCount(exact) ??
    parseCount(cleanText(el.querySelector(VK.count)?.textContent ?? el.textContent))
  );
}

function readPost(b: RecordBuilder, block: Element, r: Route): PostRecord {
  const post = emptyPost();
  const quote = block.querySelector(VK.copyHistory);
  const mine = (el: Element) => !quote || !quote.contains(el);
  const authorLink = Array.from(block.querySelectorAll(VK.author)).find(mine) ?? null;
  const owner = ownerOf(authorLink?.getAttribute('href') ?? null);
  const ref = block.getAttribute('data-post-id') ?? /post(-?\d+_\d+)/.exec(block.id)?.[1] ?? null;
  post.id = b.pick('post.id', [
    ['dom', () => ref],
    ['url', () => r.postRef],
  ]);
  post.author.handle = b.pick('post.author.handle', [['dom', () => owner.handle]]);
  post.author.name = b.pick('post.author.name', [
    ['dom', () => cleanText(authorLink?.textContent)],
  ]);
  post.author.id = b.pick('post.author.id', [
    ['dom', () => authorLink?.getAttribute('data-from-id') ?? owner.id],
    ['derived', () => (post.id ? post.id.split('_')[0] : null)],
  ]);
  const date = Array.from(block.querySelectorAll(VK.date)).find(mine) ?? null;
  post.publishedAt = b.pick('post.publishedAt', [
    ['dom', () => fromUnix(date?.getAttribute('time'))],
    ['dom', () => fromUnix(date?.getAttribute('data-time'))],
  ]);
  if (!post.publishedAt)
    post.publishedText = cleanText(date?.getAttribute('abs_time') ?? date?.textContent);
  const textEl = Array.from(block.querySelectorAll(VK.text)).find(mine) ?? null;
  post.text = b.pick('post.text', [['dom', () => richText(textEl, { collapse: true })]], true);
  post.counts.likes = b.pick('post.counts.likes', [['dom', () => countOf(block, VK.like)]]);
  post.counts.comments = b.pick('post.counts.comments', [
    ['dom', () => countOf(block, VK.comment)],
  ]);
  post.counts.shares = b.pick('post.counts.shares', [['dom', () => countOf(block, VK.share)]]);
  post.counts.views = b.pick('post.counts.views', [['dom', () => countOf(block, VK.views)]], true);
  post.media = [
    ...Array.from(block.querySelectorAll(VK.photo))
      .filter(mine)
      .map((el) => ({ type: 'image' as const, url: imageUrl(el) ?? '' })),
    ...Array.from(block.querySelectorAll(VK.video))
      .filter(mine)
      .map((el) => ({
        type: 'video' as const,
        url: el.getAttribute('src') ?? el.getAttribute('href') ?? '',
      })),
  ].filter((m) => m.url);
  if (post.media.length) b.note('post.media', 'dom');
  post.hashtags = hashtagsOf(post.text);
  post.mentions = unique([
    ...mentionsOf(post.text),
    ...(textEl ? Array.from(textEl.querySelectorAll('a.mention, a[mention_id]')) : []).map((a) =>
      (a.getAttribute('href') ?? '').replace(/^\//, ''),
    ),
  ]).filter(Boolean);
  post.links = unique([
    ...(textEl
      ? Array.from(textEl.querySelectorAll('a[href^="/away.php"], a[href^="http"]'))
      : []
    ).map(awayTarget),
    ...linksOf(post.text),
  ]).filter((l): l is string => Boolean(l));
  if (quote) post.repostOf = readCopy(quote);
  return post;
}

/** VK wraps outbound links as /away.php?to=<url>; the target is what the post links to. */
function awayTarget(a: Element): string | null {
  const href = a.getAttribute('href') ?? '';
  if (href.startsWith('/away.php')) return new URL(href, 'https://vk.com').searchParams.get('to');
  return /^https?:\/\//.test(href) && !/^https?:\/\/(m\.)?vk\.com\//.test(href) ? href : null;
}

function imageUrl(el: Element): string | null {
  if (el.tagName.toUpperCase() === 'IMG') return el.getAttribute('src');
  return (
    /url\((['"]?)(.*?)\1\)/.exec(el.getAttribute('style') ?? '')?.[2] ??
    el.querySelector('img')?.getAttribute('src') ??
    null
  );
}

function readCopy(quote: Element): NonNullable<PostRecord['repostOf']> {
  const authorLink = quote.querySelector(VK.copyAuthor);
  const owner = ownerOf(authorLink?.getAttribute('href') ?? null);
  const link = quote.querySelector('a[href*="/wall"]')?.getAttribute('href') ?? null;
  const ref = /wall(-?\d+_\d+)/.exec(link ?? '')?.[1] ?? null;
  const date = quote.querySelector(VK.date);
  return {
    id: ref,
    url: ref ? `https://vk.com/wall${ref}` : null,
    author: {
      handle: owner.handle,
      name: cleanText(authorLink?.textContent),
      id: authorLink?.getAttribute('data-from-id') ?? owner.id,
    },
    text: richText(quote.querySelector(VK.text), { collapse: true }),
    publishedAt: fromUnix(date?.getAttribute('time')),
  };
}

function postFromUrl(b: RecordBuilder, r: Route): PostRecord {
  const post = emptyPost();
  post.id = b.pick('post.id', [['url', () => r.postRef]]);
  post.author.id = b.pick('post.author.id', [['derived', () => r.postRef?.split('_')[0]]], true);
  return post;
}

function readMetaPost(b: RecordBuilder, doc: Document, r: Route): PostRecord {
  const post = postFromUrl(b, r);
  post.author.name = b.pick('post.author.name', [['meta', () => meta(doc, 'og:title')]]);
  post.text = b.pick('post.text', [['meta', () => cleanMultiline(metaRaw(doc, 'og:description'))]]);
  const image = meta(doc, 'og:image');
  if (image) post.media = [{ type: 'image', url: image }];
  b.warn('post: no post block on the page; read from meta tags');
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return post;
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
    ['meta', () => meta(doc, 'og:title')],
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
  account.followers = b.pick('account.followers', [['dom', () => counter(FOLLOWER_WORDS)]]);
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

export const vkExtractor: Extractor = {
  platform: 'vk',
  version: INFO.version,
  matches: (url) => /(^|\.)(vk\.com|vk\.ru|vkontakte\.ru)$/i.test(url.hostname),
  extract,
  extractJson,
};
