import { emptyAccount, emptyPost, type RecordBuilder, type Source } from './builder';
import { asArray, asNumber, asString, dig, fromUnix, parseCount } from './dom';
import type { AccountRecord, NoticeRecord, PostRecord } from './record';
import { hashtagsOf, linksOf, mentionsOf } from './text';

/**
 * TikTok's page state, whichever generation the page is: `__UNIVERSAL_DATA_FOR_REHYDRATION__`
 * (2023–; `__DEFAULT_SCOPE__["webapp.video-detail" | "webapp.user-detail"]`), `SIGI_STATE`
 * (2021–2023; ItemModule / UserModule) and `__NEXT_DATA__` (2020–2021; props.pageProps). Ids are
 * strings in all of them; a numeric id would already be rounded and is never used.
 */

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;

export interface TikTokState {
  item: Obj | null;
  user: Obj | null;
  /** `stats` / `statsV2` of the user, kept apart in every generation. */
  userStats: Obj | null;
  userStatsV2: Obj | null;
  /** Non-zero when TikTok refused the item or user (10204 gone, 10222 private, …). */
  statusCode: number | null;
  statusMsg: string | null;
  source: Source;
}

export function stateFromUniversal(data: unknown): TikTokState | null {
  const scope = obj(dig(data, '__DEFAULT_SCOPE__'));
  if (!scope) return null;
  const video = obj(scope['webapp.video-detail']);
  const user = obj(scope['webapp.user-detail']);
  const detail = video ?? user;
  if (!detail) return null;
  return {
    item: obj(dig(video, 'itemInfo', 'itemStruct')),
    user: obj(dig(user, 'userInfo', 'user')),
    userStats: obj(dig(user, 'userInfo', 'stats')),
    userStatsV2: obj(dig(user, 'userInfo', 'statsV2')),
    statusCode: asNumber(detail.statusCode),
    statusMsg: asString(detail.statusMsg),
    source: 'embedded-json',
  };
}

/**
 * SIGI_STATE holds every video and user the page shows: on a profile, the profile's videos and
 * its owner. `handle` (from the URL) picks the owner among the users.
 */
export function stateFromSigi(data: unknown, handle: string | null = null): TikTokState | null {
  const root = obj(data);
  if (!root) return null;
  const items = obj(root.ItemModule);
  const item = items ? obj(Object.values(items)[0]) : null;
  const users = obj(dig(root, 'UserModule', 'users'));
  const stats = obj(dig(root, 'UserModule', 'stats'));
  const page = obj(root.VideoPage) ?? obj(root.UserPage);
  const everyone = users ? Object.values(users).map(obj) : [];
  const user =
    everyone.find((u) => handle && asString(u?.uniqueId)?.toLowerCase() === handle.toLowerCase()) ??
    everyone[0] ??
    null;
  if (!item && !user && !page) return null;
  return {
    item,
    // On a video page the users are the video's author and commenters; the video is the page.
    user: item && !handle ? null : user,
    userStats: stats ? obj(Object.values(stats)[0]) : null,
    userStatsV2: null,
    statusCode: asNumber(page?.statusCode),
    statusMsg: asString(page?.statusMsg),
    source: 'embedded-json',
  };
}

export function stateFromNext(data: unknown): TikTokState | null {
  const props = obj(dig(data, 'props', 'pageProps'));
  if (!props) return null;
  return {
    item: obj(dig(props, 'itemInfo', 'itemStruct')),
    user: obj(dig(props, 'userInfo', 'user')),
    userStats: obj(dig(props, 'userInfo', 'stats')),
    userStatsV2: null,
    statusCode: asNumber(props.statusCode),
    statusMsg: asString(props.statusMsg),
    source: 'embedded-json',
  };
}

/** Exact string counts (`statsV2`) first; the numeric `stats` are rounded for big numbers. */
function countOf(v2: Obj | null, v1: Obj | null, key: string): number | null {
  return parseCount(asString(v2?.[key])) ?? asNumber(v1?.[key]);
}

export function readItem(b: RecordBuilder, item: Obj, source: Source): PostRecord {
  const post = emptyPost();
  const author = obj(item.author);
  const stats = obj(item.stats);
  const statsV2 = obj(item.statsV2);
  post.id = b.pick('post.id', [[source, () => asString(item.id)]]);
  post.author.handle = b.pick('post.author.handle', [
    [source, () => asString(author?.uniqueId) ?? asString(item.author)],
  ]);
  post.author.name = b.pick('post.author.name', [
    [source, () => asString(author?.nickname) ?? asString(item.nickname)],
  ]);
  post.author.id = b.pick('post.author.id', [
    [source, () => asString(author?.id) ?? asString(item.authorId)],
  ]);
  post.publishedAt = b.pick('post.publishedAt', [
    [source, () => fromUnix(asString(item.createTime) ?? asNumber(item.createTime))],
  ]);
  post.text = b.pick('post.text', [[source, () => asString(item.desc)]], true);
  post.counts.likes = b.pick('post.counts.likes', [
    [source, () => countOf(statsV2, stats, 'diggCount')],
  ]);
  post.counts.comments = b.pick('post.counts.comments', [
    [source, () => countOf(statsV2, stats, 'commentCount')],
  ]);
  post.counts.shares = b.pick('post.counts.shares', [
    [source, () => countOf(statsV2, stats, 'shareCount')],
  ]);
  post.counts.views = b.pick('post.counts.views', [
    [source, () => countOf(statsV2, stats, 'playCount')],
  ]);
  post.media = mediaOf(item);
  if (post.media.length) b.note('post.media', source);
  else b.warn('post.media: no video or image address in the page state');
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return post;
}

/** The video stream (`playAddr`), or the images of a photo post (`imagePost`). */
function mediaOf(item: Obj): PostRecord['media'] {
  const images = asArray(dig(item, 'imagePost', 'images'))
    .map((image) => asString(asArray(dig(image, 'imageURL', 'urlList'))[0]))
    .filter((u): u is string => Boolean(u));
  if (images.length) return images.map((url) => ({ type: 'image', url }));
  const play =
    asString(dig(item, 'video', 'playAddr')) ?? asString(dig(item, 'video', 'downloadAddr'));
  return play ? [{ type: 'video', url: play }] : [];
}

export function readUser(b: RecordBuilder, state: TikTokState): AccountRecord {
  const account = emptyAccount();
  const user = state.user ?? {};
  const source = state.source;
  account.handle = b.pick('account.handle', [[source, () => asString(user.uniqueId)]]);
  account.name = b.pick('account.name', [[source, () => asString(user.nickname)]]);
  account.id = b.pick('account.id', [[source, () => asString(user.id)]]);
  account.bio = b.pick('account.bio', [[source, () => asString(user.signature)]], true);
  account.avatarUrl = b.pick('account.avatarUrl', [
    [
      source,
      () =>
        asString(user.avatarLarger) ?? asString(user.avatarMedium) ?? asString(user.avatarThumb),
    ],
  ]);
  const v2 = state.userStatsV2;
  const v1 = state.userStats;
  account.followers = b.pick('account.followers', [
    [source, () => countOf(v2, v1, 'followerCount')],
  ]);
  account.following = b.pick('account.following', [
    [source, () => countOf(v2, v1, 'followingCount')],
  ]);
  account.posts = b.pick('account.posts', [[source, () => countOf(v2, v1, 'videoCount')]]);
  if (typeof user.verified === 'boolean') {
    account.verified = user.verified;
    b.note('account.verified', source);
  }
  if (typeof user.privateAccount === 'boolean') {
    account.private = user.privateAccount;
    b.note('account.private', source);
  }
  account.state = account.private ? 'private' : 'active';
  return account;
}

/**
 * statusCode values TikTok's web app puts in the page state when it refuses an item or user, as
 * community tools document them (yt-dlp, gallery-dl): 10204 gone, 10216 under review / removed,
 * 10222 private (login required), 10231 region-locked; 10202 / 10221 for users.
 */
const STATUS_TYPES: Record<number, NoticeRecord['type']> = {
  10204: 'not_found',
  10216: 'removed',
  10222: 'private',
  10231: 'geo_blocked',
  10202: 'not_found',
  10221: 'suspended',
};

export function statusNotice(state: TikTokState): NoticeRecord | null {
  const code = state.statusCode;
  if (!code) return null;
  const type = STATUS_TYPES[code] ?? 'unavailable';
  return {
    type,
    message: `statusCode ${code}${state.statusMsg ? `: ${state.statusMsg}` : ''}`,
    language: null,
  };
}
