import { emptyAccount, emptyPost, type RecordBuilder } from './builder';
import { asArray, asNumber, asString, dig, parseCount, parseDate } from './dom';
import type { AccountRecord, NoticeRecord, PostRecord } from './record';
import { classifyText } from './notices';
import { snowflakeTime } from './snowflake';
import { readOembed, readV1, readV2 } from './x-api';
import {
  obj,
  twitterDate,
  fillEntities,
  withheldNotice,
  type Obj,
  type XJsonResult,
} from './x-json-shared';

/**
 * X's JSON: what x.com's own pages load (GraphQL `UserByScreenName`, `TweetResultByRestId`), the
 * public oEmbed endpoint, and API v1.1 / v2 responses as research tools save them (twarc). Ids are
 * read from string fields (`rest_id`, `id_str`, v2 `id`) only: a JSON number above 2^53 has already
 * been rounded by JSON.parse and is never used. Shapes last seen: twscrape mocked-data (2025),
 * twarc-csv test-data (2021-05), publish.twitter.com oembed (2024-06).
 */

/** Which reader understands `data`, by shape. */
export function readXJson(b: RecordBuilder, data: unknown): XJsonResult | null {
  const root = obj(data);
  if (!root) return null;
  const user = obj(dig(root, 'data', 'user', 'result'));
  if (user) return readGraphqlUser(b, user);
  const tweet = obj(dig(root, 'data', 'tweetResult', 'result'));
  if (tweet) return readGraphqlTweet(b, tweet);
  if (typeof root.html === 'string' && /twitter-tweet/.test(root.html)) return readOembed(b, root);
  if (root.data !== undefined || root.errors !== undefined) return readV2(b, root);
  if (typeof root.id_str === 'string') return readV1(b, root);
  return null;
}

const UNAVAILABLE_REASONS: Record<string, NoticeRecord['type']> = {
  Suspended: 'suspended',
  Protected: 'private',
  Withheld: 'withheld',
  NotFound: 'not_found',
  Deleted: 'removed',
  NsfwLoggedOut: 'age_restricted',
  NsfwViewerIsUnderage: 'age_restricted',
  Unavailable: 'unavailable',
};

const STATE_OF: Partial<Record<NoticeRecord['type'], AccountRecord['state']>> = {
  suspended: 'suspended',
  private: 'private',
  withheld: 'restricted',
  removed: 'deleted',
};

function unavailableNotice(reason: string | null, message: string | null): NoticeRecord {
  const type =
    (reason && UNAVAILABLE_REASONS[reason]) || classifyText(message)?.type || 'unavailable';
  return { type, message: message ?? reason ?? type, language: message ? 'en' : null };
}

function readGraphqlUser(b: RecordBuilder, user: Obj): XJsonResult {
  const typename = asString(user.__typename);
  if (typename === 'UserUnavailable') {
    const notice = unavailableNotice(asString(user.reason), asString(user.message));
    const account = emptyAccount();
    account.state = STATE_OF[notice.type] ?? 'unknown';
    b.note('notice', 'api-json');
    b.note('account.state', 'api-json');
    return { kind: 'notice', notice, account };
  }
  const legacy = obj(user.legacy);
  const account = emptyAccount();
  const first = (...values: unknown[]) => values.find((v) => v != null && v !== '');
  account.handle = b.pick('account.handle', [
    ['api-json', () => asString(first(dig(user, 'core', 'screen_name'), legacy?.screen_name))],
  ]);
  account.name = b.pick('account.name', [
    ['api-json', () => asString(first(dig(user, 'core', 'name'), legacy?.name))],
  ]);
  account.id = b.pick('account.id', [['api-json', () => asString(user.rest_id)]]);
  account.bio = b.pick(
    'account.bio',
    [
      [
        'api-json',
        () => asString(first(dig(user, 'profile_bio', 'description'), legacy?.description)),
      ],
    ],
    true,
  );
  account.avatarUrl = b.pick('account.avatarUrl', [
    [
      'api-json',
      () => asString(first(dig(user, 'avatar', 'image_url'), legacy?.profile_image_url_https)),
    ],
  ]);
  const count =
    (...values: unknown[]) =>
    () =>
      asNumber(first(...values));
  account.followers = b.pick('account.followers', [
    ['api-json', count(dig(user, 'relationship_counts', 'followers'), legacy?.followers_count)],
  ]);
  account.following = b.pick('account.following', [
    ['api-json', count(dig(user, 'relationship_counts', 'following'), legacy?.friends_count)],
  ]);
  account.posts = b.pick('account.posts', [
    ['api-json', count(dig(user, 'tweet_counts', 'tweets'), legacy?.statuses_count)],
  ]);
  const verified = [user.is_blue_verified, dig(user, 'verification', 'verified'), legacy?.verified];
  if (verified.some((v) => typeof v === 'boolean')) {
    account.verified = verified.some((v) => v === true);
    b.note('account.verified', 'api-json');
  }
  const isProtected = first(dig(user, 'privacy', 'protected'), legacy?.protected);
  if (typeof isProtected === 'boolean') {
    account.private = isProtected;
    b.note('account.private', 'api-json');
  }
  account.state = account.private ? 'private' : 'active';
  return { kind: 'account', account, notice: null };
}

function readGraphqlTweet(b: RecordBuilder, result: Obj): XJsonResult {
  const typename = asString(result.__typename);
  const tweet = typename === 'TweetWithVisibilityResults' ? (obj(result.tweet) ?? result) : result;
  if (typename === 'TweetTombstone' || typename === 'TweetUnavailable') {
    const text = asString(dig(result, 'tombstone', 'text', 'text'));
    const notice = unavailableNotice(asString(result.reason), text);
    b.note('notice', 'api-json');
    return { kind: 'notice', notice, account: null };
  }
  const legacy = obj(tweet.legacy) ?? {};
  const user = obj(dig(tweet, 'core', 'user_results', 'result')) ?? {};
  const post = emptyPost();
  post.id = b.pick('post.id', [
    ['api-json', () => asString(tweet.rest_id) ?? asString(legacy.id_str)],
  ]);
  post.author.handle = b.pick('post.author.handle', [
    [
      'api-json',
      () =>
        asString(dig(user, 'core', 'screen_name')) ?? asString(dig(user, 'legacy', 'screen_name')),
    ],
  ]);
  post.author.name = b.pick('post.author.name', [
    [
      'api-json',
      () => asString(dig(user, 'core', 'name')) ?? asString(dig(user, 'legacy', 'name')),
    ],
  ]);
  post.author.id = b.pick('post.author.id', [['api-json', () => asString(user.rest_id)]]);
  post.publishedAt = b.pick('post.publishedAt', [
    ['api-json', () => parseDate(twitterDate(asString(legacy.created_at)))],
    ['derived', () => snowflakeTime(post.id)],
  ]);
  post.text = b.pick('post.text', [
    [
      'api-json',
      () =>
        asString(dig(tweet, 'note_tweet', 'note_tweet_results', 'result', 'text')) ??
        asString(legacy.full_text),
    ],
  ]);
  post.counts = {
    likes: asNumber(legacy.favorite_count),
    comments: asNumber(legacy.reply_count),
    shares: asNumber(legacy.retweet_count),
    views: parseCount(asString(dig(tweet, 'views', 'count'))),
  };
  b.note('post.counts', 'api-json');
  fillEntities(post);
  const quoted = obj(dig(tweet, 'quoted_status_result', 'result'));
  if (quoted) {
    post.repostOf = quotedOf(quoted);
    b.note('post.repostOf', 'api-json');
  }
  const countries = asArray(legacy.withheld_in_countries).filter(
    (c): c is string => typeof c === 'string',
  );
  const notice = countries.length ? withheldNotice(countries) : null;
  return {
    kind: 'post',
    post,
    notice,
    canonical: post.id ? `https://x.com/${post.author.handle ?? 'i/web'}/status/${post.id}` : null,
  };
}

/** The quoted post of a GraphQL tweet (`quoted_status_result`), as far as the payload carries it. */
function quotedOf(result: Obj): NonNullable<PostRecord['repostOf']> {
  const tweet =
    asString(result.__typename) === 'TweetWithVisibilityResults'
      ? (obj(result.tweet) ?? result)
      : result;
  const legacy = obj(tweet.legacy) ?? {};
  const user = obj(dig(tweet, 'core', 'user_results', 'result')) ?? {};
  const id = asString(tweet.rest_id) ?? asString(legacy.id_str);
  const handle =
    asString(dig(user, 'core', 'screen_name')) ?? asString(dig(user, 'legacy', 'screen_name'));
  return {
    id,
    url: id ? `https://x.com/${handle ?? 'i/web'}/status/${id}` : null,
    author: {
      handle,
      name: asString(dig(user, 'core', 'name')) ?? asString(dig(user, 'legacy', 'name')),
      id: asString(user.rest_id),
    },
    text: asString(legacy.full_text),
    publishedAt: parseDate(twitterDate(asString(legacy.created_at))) ?? snowflakeTime(id),
  };
}
