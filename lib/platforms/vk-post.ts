import { emptyPost, type RecordBuilder } from './builder';
import { fromUnix, meta, metaRaw, parseCount } from './dom';
import type { PostRecord } from './record';
import { richText } from './rich-text';
import { cleanMultiline, cleanText, hashtagsOf, linksOf, mentionsOf, unique } from './text';
import { VK } from './vk-selectors';

/** A VK wall post from the rendered page (or, failing that, its meta tags), and VK URL routes. */

export interface Route {
  postRef: string | null;
  handle: string | null;
  ownerId: string | null;
}

export function route(url: URL): Route {
  const wall = /wall(-?\d+_\d+)/.exec(url.pathname + url.search);
  const first = url.pathname.split('/').filter(Boolean)[0] ?? null;
  const owner = /^(id|club|public|event)(\d+)$/.exec(first ?? '');
  return {
    postRef: wall?.[1] ?? null,
    handle: first && !wall && /^[\w.]{2,}$/.test(first) ? first : null,
    ownerId: owner ? (owner[1] === 'id' ? owner[2]! : `-${owner[2]}`) : null,
  };
}

export function ownerOf(href: string | null): { handle: string | null; id: string | null } {
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

export function countOf(block: Element, selector: string): number | null {
  const el = block.querySelector(selector);
  if (!el) return null;
  // `data-count` carries the exact number; the label may be rounded ("4,2K").
  const exact = el.getAttribute('data-count') ?? el.getAttribute('title');
  return (
    parseCount(exact) ??
    parseCount(cleanText(el.querySelector(VK.count)?.textContent ?? el.textContent))
  );
}

export function readPost(b: RecordBuilder, block: Element, r: Route): PostRecord {
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
  const viewsEl = block.querySelector(VK.views);
  const shown = cleanText(viewsEl?.textContent);
  if (
    shown &&
    /[KkКкMм]|тыс|млн|мың/.test(shown) &&
    !viewsEl?.getAttribute('data-count') &&
    !viewsEl?.getAttribute('title')
  ) {
    b.warn(`post.counts.views: shown rounded ("${shown}")`);
  }
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
export function awayTarget(a: Element): string | null {
  const href = a.getAttribute('href') ?? '';
  if (href.startsWith('/away.php')) return new URL(href, 'https://vk.com').searchParams.get('to');
  return /^https?:\/\//.test(href) && !/^https?:\/\/(m\.)?vk\.com\//.test(href) ? href : null;
}

export function imageUrl(el: Element): string | null {
  if (el.tagName.toUpperCase() === 'IMG') return el.getAttribute('src');
  return (
    /url\((['"]?)(.*?)\1\)/.exec(el.getAttribute('style') ?? '')?.[2] ??
    el.querySelector('img')?.getAttribute('src') ??
    null
  );
}

export function readCopy(quote: Element): NonNullable<PostRecord['repostOf']> {
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

export function postFromUrl(b: RecordBuilder, r: Route): PostRecord {
  const post = emptyPost();
  post.id = b.pick('post.id', [['url', () => r.postRef]]);
  post.author.id = b.pick('post.author.id', [['derived', () => r.postRef?.split('_')[0]]], true);
  return post;
}

export function readMetaPost(b: RecordBuilder, doc: Document, r: Route): PostRecord {
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
