import { profileCountsIn } from './instagram-meta';
import { nameFromTitle } from './url-fallback';
import { emptyAccount, emptyPost, RecordBuilder } from './builder';
import { asNumber, asString, dig, meta, parseCount, parseDate, titleOf } from './dom';
import type { AccountRecord, ExtractedRecord, PostRecord } from './record';
import { htmlFragmentText } from './rich-text';
import { hashtagsOf, linksOf, mentionsOf } from './text';

/** TikTok without page state: JSON-LD and meta for videos and profiles, and oEmbed JSON. */

export interface Route {
  handle: string | null;
  itemId: string | null;
}

export function postFromLd(
  b: RecordBuilder,
  doc: Document,
  video: Record<string, unknown> | null,
  r: Route,
): PostRecord {
  const post = emptyPost();
  const creator = video ? (video.creator ?? video.author) : null;
  post.id = b.pick('post.id', [['url', () => r.itemId]]);
  post.author.handle = b.pick('post.author.handle', [
    ['json-ld', () => asString(dig(creator, 'alternateName'))],
    ['url', () => r.handle],
  ]);
  post.author.name = b.pick('post.author.name', [
    ['json-ld', () => asString(dig(creator, 'name'))],
  ]);
  post.publishedAt = b.pick('post.publishedAt', [
    ['json-ld', () => parseDate(asString(video?.uploadDate))],
  ]);
  post.text = b.pick('post.text', [
    ['json-ld', () => asString(video?.description)],
    ['meta', () => meta(doc, 'og:description')],
  ]);
  const stats = Array.isArray(video?.interactionStatistic) ? video.interactionStatistic : [];
  const stat = (kind: RegExp) => {
    const found = stats.find((s) => kind.test(JSON.stringify(dig(s, 'interactionType') ?? '')));
    return parseCount(
      asString(dig(found, 'userInteractionCount')) ?? asNumber(dig(found, 'userInteractionCount')),
    );
  };
  post.counts.likes = b.pick('post.counts.likes', [['json-ld', () => stat(/Like/)]]);
  post.counts.comments = b.pick('post.counts.comments', [['json-ld', () => stat(/Comment/)]]);
  post.counts.shares = b.pick('post.counts.shares', [['json-ld', () => stat(/Share/)]]);
  post.counts.views = b.pick('post.counts.views', [['json-ld', () => stat(/Watch/)]]);
  const media = asString(video?.contentUrl) ?? meta(doc, 'og:video');
  if (media) post.media = [{ type: 'video', url: media }];
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return post;
}

export function accountFromLd(
  b: RecordBuilder,
  doc: Document,
  page: Record<string, unknown> | null,
  r: Route,
): AccountRecord {
  const account = emptyAccount();
  const person = dig(page, 'mainEntity');
  const stats = Array.isArray(dig(person, 'interactionStatistic'))
    ? (dig(person, 'interactionStatistic') as unknown[])
    : [];
  const stat = (kind: RegExp) =>
    asNumber(
      dig(
        stats.find((s) => kind.test(JSON.stringify(dig(s, 'interactionType') ?? ''))),
        'userInteractionCount',
      ),
    );
  account.handle = b.pick('account.handle', [
    ['json-ld', () => asString(dig(person, 'alternateName'))],
    ['url', () => r.handle],
  ]);
  account.name = b.pick('account.name', [
    ['json-ld', () => asString(dig(person, 'name'))],
    // Unknown layouts: "Name (@handle) | TikTok".
    ['meta', () => nameFromTitle(meta(doc, 'og:title') ?? titleOf(doc), r.handle)],
  ]);
  account.bio = b.pick(
    'account.bio',
    [['json-ld', () => asString(dig(person, 'description'))]],
    true,
  );
  account.avatarUrl = b.pick('account.avatarUrl', [['meta', () => meta(doc, 'og:image')]]);
  const described = profileCountsIn(meta(doc, 'og:description') ?? meta(doc, 'description'));
  account.followers = b.pick('account.followers', [
    ['json-ld', () => stat(/Follow/)],
    ['meta', () => described.followers],
  ]);
  account.state = 'unknown';
  return account;
}

export type Obj = Record<string, unknown>;

/** oEmbed: the id is the string `embed_product_id` (or the blockquote's data-video-id). */
export function readOembed(b: RecordBuilder, root: Obj): ExtractedRecord {
  const html = asString(root.html) ?? '';
  const cite = /cite="([^"]+)"/.exec(html)?.[1] ?? null;
  const post = emptyPost();
  post.id = b.pick('post.id', [
    ['api-json', () => asString(root.embed_product_id)],
    ['api-json', () => /data-video-id="(\d+)"/.exec(html)?.[1]],
  ]);
  post.author.handle = b.pick('post.author.handle', [
    ['api-json', () => asString(root.author_unique_id)],
    ['api-json', () => /@([\w.-]+)/.exec(asString(root.author_url) ?? '')?.[1]],
  ]);
  post.author.name = b.pick('post.author.name', [['api-json', () => asString(root.author_name)]]);
  b.pick('post.author.id', [], true);
  post.text = b.pick('post.text', [
    ['api-json', () => asString(root.title)],
    ['api-json', () => htmlFragmentText(/<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '')],
  ]);
  b.pick('post.publishedAt', []);
  const thumbnail = asString(root.thumbnail_url);
  if (thumbnail) {
    post.media = [{ type: 'image', url: thumbnail }];
    b.note('post.media', 'api-json');
  }
  b.warn('post.counts: oEmbed carries no counts');
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return b.finish({ kind: 'post', canonicalUrl: cite, post });
}
