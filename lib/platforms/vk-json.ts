import { emptyAccount, emptyPost, type RecordBuilder } from './builder';
import { asArray, asNumber, asString, dig, fromUnix } from './dom';
import type { AccountRecord, ExtractedRecord, NoticeRecord, PostRecord } from './record';
import { hashtagsOf, linksOf, mentionsOf } from './text';

/**
 * VK API responses as saved by research tools: wall.getById (`response` as an array, or
 * `{items, profiles, groups}` with extended=1), users.get and `{error}`. VK ids are 32-bit or
 * small 64-bit integers well below 2^53, so JSON numbers are exact here; they are still written
 * out as strings in the record. Shapes from the VK API documentation (5.131); hand-made fixtures.
 */

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;

type Body = Pick<ExtractedRecord, 'kind'> &
  Partial<Pick<ExtractedRecord, 'post' | 'account' | 'notice'>>;

/** Error codes VK documents for pages and posts a viewer may not see. */
const ERRORS: Record<number, NoticeRecord['type']> = {
  15: 'private',
  18: 'removed',
  30: 'private',
  113: 'not_found',
};

const idText = (value: unknown): string | null =>
  typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : asString(value);

export function readVkJson(b: RecordBuilder, data: unknown): Body | null {
  const root = obj(data);
  const error = obj(root?.error);
  if (error) {
    const code = asNumber(error.error_code);
    const message = asString(error.error_msg) ?? `error_code ${code}`;
    b.note('notice', 'api-json');
    return {
      kind: 'notice',
      notice: { type: (code && ERRORS[code]) || 'unavailable', message, language: 'en' },
    };
  }
  const response = root?.response;
  const items = Array.isArray(response) ? response : asArray(dig(response, 'items'));
  const first = obj(items[0]);
  if (!first) return null;
  if ('first_name' in first || 'deactivated' in first) return readUser(b, first);
  if ('owner_id' in first && ('text' in first || 'date' in first)) {
    return { kind: 'post', post: readPost(b, first, obj(response)) };
  }
  return null;
}

function readPost(b: RecordBuilder, item: Obj, extended: Obj | null): PostRecord {
  const post = emptyPost();
  const owner = idText(item.owner_id);
  const from = idText(item.from_id) ?? owner;
  post.id = b.pick('post.id', [
    ['api-json', () => (owner && item.id != null ? `${owner}_${idText(item.id)}` : null)],
  ]);
  post.author.id = b.pick('post.author.id', [['api-json', () => from]]);
  const profile = authorOf(extended, from);
  post.author.handle = b.pick(
    'post.author.handle',
    [['api-json', () => asString(profile?.screen_name)]],
    true,
  );
  post.author.name = b.pick(
    'post.author.name',
    [
      [
        'api-json',
        () =>
          asString(profile?.name) ??
          [asString(profile?.first_name), asString(profile?.last_name)].filter(Boolean).join(' '),
      ],
    ],
    true,
  );
  post.publishedAt = b.pick('post.publishedAt', [
    ['api-json', () => fromUnix(asNumber(item.date))],
  ]);
  post.text = b.pick('post.text', [['api-json', () => asString(item.text)]], true);
  post.counts = {
    likes: asNumber(dig(item, 'likes', 'count')),
    comments: asNumber(dig(item, 'comments', 'count')),
    shares: asNumber(dig(item, 'reposts', 'count')),
    views: asNumber(dig(item, 'views', 'count')),
  };
  b.note('post.counts', 'api-json');
  post.media = asArray(item.attachments).flatMap((a): PostRecord['media'] => {
    const sizes = asArray(dig(a, 'photo', 'sizes'));
    const largest = asString(dig(sizes[sizes.length - 1], 'url'));
    return dig(a, 'type') === 'photo' && largest ? [{ type: 'image', url: largest }] : [];
  });
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  const copy = obj(asArray(item.copy_history)[0]);
  if (copy) {
    const copyOwner = idText(copy.owner_id);
    post.repostOf = {
      id: copyOwner ? `${copyOwner}_${idText(copy.id)}` : null,
      url: copyOwner ? `https://vk.com/wall${copyOwner}_${idText(copy.id)}` : null,
      author: { handle: null, name: null, id: idText(copy.from_id) ?? copyOwner },
      text: asString(copy.text),
      publishedAt: fromUnix(asNumber(copy.date)),
    };
  }
  return post;
}

/** The author among `profiles` (users, positive id) or `groups` (negative id) of an extended response. */
function authorOf(extended: Obj | null, id: string | null): Obj | null {
  if (!extended || !id) return null;
  const list = id.startsWith('-') ? asArray(extended.groups) : asArray(extended.profiles);
  const bare = id.replace(/^-/, '');
  return obj(list.find((p) => idText(dig(p, 'id')) === bare)) ?? null;
}

const DEACTIVATED: Record<string, AccountRecord['state']> = {
  banned: 'suspended',
  deleted: 'deleted',
};

function readUser(b: RecordBuilder, user: Obj): Body {
  const account = emptyAccount();
  account.id = b.pick('account.id', [['api-json', () => idText(user.id)]]);
  account.handle = b.pick('account.handle', [['api-json', () => asString(user.screen_name)]], true);
  account.name = b.pick('account.name', [
    [
      'api-json',
      () => [asString(user.first_name), asString(user.last_name)].filter(Boolean).join(' '),
    ],
  ]);
  account.bio = asString(user.status);
  account.avatarUrl = asString(user.photo_max_orig) ?? asString(user.photo_max) ?? null;
  account.followers = asNumber(user.followers_count);
  if (typeof user.verified === 'number') account.verified = user.verified === 1;
  if (typeof user.is_closed === 'boolean') account.private = user.is_closed;
  const deactivated = asString(user.deactivated);
  account.state = deactivated
    ? (DEACTIVATED[deactivated] ?? 'unknown')
    : account.private
      ? 'private'
      : 'active';
  if (deactivated) {
    b.note('notice', 'api-json');
    return {
      kind: 'notice',
      account,
      notice: {
        type: deactivated === 'banned' ? 'suspended' : 'removed',
        message: `deactivated: ${deactivated}`,
        language: null,
      },
    };
  }
  return { kind: 'account', account };
}
