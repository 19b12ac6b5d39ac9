import { emptyPost, type RecordBuilder } from './builder';
import { meta, metaRaw, titleOf } from './dom';
import type { PostRecord } from './record';
import { snowflakeTime } from './snowflake';
import { cleanMultiline, hashtagsOf, linksOf, mentionsOf } from './text';
import { parseXTitle, xTarget, type XTarget } from './x-shared';

/**
 * What a plain HTTP fetch of a status gets: og:/al: tags only, no post DOM. Last seen on
 * metascraper_x_realDonaldTrump_1222907250383245320_og-only.html (2025-12).
 */
export const X_META = {
  url: 'og:url',
  title: 'og:title',
  text: 'og:description',
  appUrl: 'al:ios:url',
} as const;

export function statusIdFromMeta(doc: Document): string | null {
  const app = /status\?(?:status_)?id=(\d+)/.exec(meta(doc, X_META.appUrl) ?? '')?.[1];
  if (app) return app;
  const og = meta(doc, X_META.url);
  return og ? xTarget(new URL(og, 'https://x.com')).statusId : null;
}

export function readMetaPost(b: RecordBuilder, doc: Document, target: XTarget): PostRecord {
  const post = emptyPost();
  const og = meta(doc, X_META.url);
  const ogTarget = og ? xTarget(new URL(og, 'https://x.com')) : { statusId: null, handle: null };
  const title = parseXTitle(meta(doc, X_META.title) ?? titleOf(doc));
  post.id = b.pick('post.id', [
    ['meta', () => statusIdFromMeta(doc)],
    ['url', () => target.statusId],
  ]);
  post.author.handle = b.pick('post.author.handle', [
    ['meta', () => title.handle ?? ogTarget.handle],
    ['url', () => target.handle],
  ]);
  post.author.name = b.pick('post.author.name', [['meta', () => title.name]]);
  b.pick('post.author.id', [], true);
  post.publishedAt = b.pick('post.publishedAt', [['derived', () => snowflakeTime(post.id)]]);
  // Legacy pages wrap the text in typographic quotes: “…”.
  post.text = b.pick('post.text', [
    [
      'meta',
      () => cleanMultiline(metaRaw(doc, X_META.text)?.replace(/^\u201c([\s\S]*)\u201d$/, '$1')),
    ],
  ]);
  b.warn('post.counts: not in meta tags (page saved without the rendered post)');
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return post;
}
