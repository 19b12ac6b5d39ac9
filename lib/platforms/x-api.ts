import { emptyPost, type RecordBuilder } from './builder';
import { asArray, asNumber, asString, dig, parseDate } from './dom';
import { classifyText } from './notices';
import { htmlFragmentText } from './rich-text';
import { snowflakeTime } from './snowflake';
import {
  fillEntities,
  obj,
  twitterDate,
  withheldNotice,
  type Obj,
  type XJsonResult,
} from './x-json-shared';

/**
 * X's public JSON outside the web app: the oEmbed endpoint (publish.twitter.com, 2024-06) and API
 * v2 / v1.1 responses as research tools save them (twarc-csv test data, 2021-05).
 */

export function readOembed(b: RecordBuilder, root: Obj): XJsonResult {
  const html = asString(root.html) ?? '';
  const canonical = asString(root.url);
  const post = emptyPost();
  const statusMatch = /\/([^/]+)\/status(?:es)?\/(\d+)/.exec(canonical ?? '');
  post.id = b.pick('post.id', [['api-json', () => statusMatch?.[2]]]);
  post.author.handle = b.pick('post.author.handle', [
    [
      'api-json',
      () => /(?:twitter|x)\.com\/(\w{1,15})\/?$/.exec(asString(root.author_url) ?? '')?.[1],
    ],
    ['api-json', () => statusMatch?.[1]],
  ]);
  post.author.name = b.pick('post.author.name', [['api-json', () => asString(root.author_name)]]);
  b.pick('post.author.id', [], true);
  const paragraph = /<p[^>]*>([\s\S]*?)<\/p>/i.exec(html)?.[1] ?? null;
  post.text = b.pick('post.text', [
    ['api-json', () => (paragraph ? htmlFragmentText(paragraph) : null)],
  ]);
  // The blockquote dates the post by calendar day only; the id carries the instant.
  post.publishedAt = b.pick('post.publishedAt', [['derived', () => snowflakeTime(post.id)]]);
  b.warn('post.counts: oEmbed carries no counts');
  fillEntities(post);
  return { kind: 'post', post, notice: null, canonical };
}

/** API v2 `{data, includes, errors}` (twarc) — one tweet, or a user lookup. */
export function readV2(b: RecordBuilder, root: Obj): XJsonResult | null {
  const data = Array.isArray(root.data) ? obj(root.data[0]) : obj(root.data);
  if (!data) {
    const error = obj(asArray(root.errors)[0]);
    const message = asString(error?.detail) ?? asString(error?.message) ?? asString(error?.title);
    if (!message) return null;
    const notice = classifyText(message) ?? {
      type: 'unavailable' as const,
      message,
      language: 'en',
    };
    b.note('notice', 'api-json');
    return { kind: 'notice', notice, account: null };
  }
  if (typeof data.text !== 'string') return null;
  const users = asArray(dig(root, 'includes', 'users')).map(obj);
  const author = users.find((u) => u && u.id === data.author_id) ?? null;
  const post = emptyPost();
  post.id = b.pick('post.id', [['api-json', () => asString(data.id)]]);
  post.author.handle = b.pick('post.author.handle', [
    ['api-json', () => asString(author?.username)],
  ]);
  post.author.name = b.pick('post.author.name', [['api-json', () => asString(author?.name)]]);
  post.author.id = b.pick('post.author.id', [['api-json', () => asString(data.author_id)]]);
  post.publishedAt = b.pick('post.publishedAt', [
    ['api-json', () => parseDate(asString(data.created_at))],
    ['derived', () => snowflakeTime(post.id)],
  ]);
  post.text = b.pick('post.text', [['api-json', () => asString(data.text)]]);
  const metrics = obj(data.public_metrics);
  post.counts = {
    likes: asNumber(metrics?.like_count),
    comments: asNumber(metrics?.reply_count),
    shares: asNumber(metrics?.retweet_count),
    views: asNumber(metrics?.impression_count),
  };
  b.note('post.counts', 'api-json');
  fillEntities(post);
  const countries = asArray(dig(data, 'withheld', 'country_codes')).filter(
    (c): c is string => typeof c === 'string',
  );
  const notice = countries.length ? withheldNotice(countries) : null;
  if (notice) b.note('notice', 'api-json');
  const canonical = post.id
    ? `https://x.com/${post.author.handle ?? 'i/web'}/status/${post.id}`
    : null;
  return { kind: notice ? 'post' : 'post', post, notice, canonical };
}

/** API v1.1 status object (`id_str`, `user`, `withheld_in_countries`). */
export function readV1(b: RecordBuilder, root: Obj): XJsonResult {
  const user = obj(root.user);
  const post = emptyPost();
  post.id = b.pick('post.id', [['api-json', () => asString(root.id_str)]]);
  post.author.handle = b.pick('post.author.handle', [
    ['api-json', () => asString(user?.screen_name)],
  ]);
  post.author.name = b.pick('post.author.name', [['api-json', () => asString(user?.name)]]);
  post.author.id = b.pick('post.author.id', [['api-json', () => asString(user?.id_str)]]);
  post.publishedAt = b.pick('post.publishedAt', [
    ['api-json', () => parseDate(twitterDate(asString(root.created_at)))],
    ['derived', () => snowflakeTime(post.id)],
  ]);
  post.text = b.pick('post.text', [
    ['api-json', () => asString(root.full_text) ?? asString(root.text)],
  ]);
  post.counts = {
    likes: asNumber(root.favorite_count),
    comments: asNumber(root.reply_count),
    shares: asNumber(root.retweet_count),
    views: null,
  };
  fillEntities(post);
  const countries = asArray(root.withheld_in_countries).filter(
    (c): c is string => typeof c === 'string',
  );
  const notice = countries.length ? withheldNotice(countries) : null;
  const canonical = post.id
    ? `https://x.com/${post.author.handle ?? 'i/web'}/status/${post.id}`
    : null;
  return { kind: 'post', post, notice, canonical };
}
