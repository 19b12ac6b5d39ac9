import { emptyAccount, type RecordBuilder } from './builder';
import { asArray, asString, dig, meta, parseCount, titleOf } from './dom';
import type { ExtractedRecord } from './record';
import { cleanMultiline } from './text';
import { alertNotice, canonicalOf, handleOf, obj, ytText } from './youtube-data';

/**
 * A YouTube channel page from ytInitialData: metadata.channelMetadataRenderer, the header
 * (c4TabbedHeaderRenderer until 2024, pageHeaderViewModel since) and alerts (terminated, not
 * found). Last seen on metascraper_youtube_channel_ONE_Media.html (2024-01).
 */

const SUBSCRIBER_WORDS = /subscriber|подписчик|жазылушы|suscriptor|abonn|abonnent/i;
const VIDEO_WORDS = /video|видео|бейне|vídeo/i;

export function readChannel(
  b: RecordBuilder,
  doc: Document,
  data: Record<string, unknown>,
  url: URL,
  lang: string | null,
): ExtractedRecord {
  const account = emptyAccount();
  const metadata = obj(dig(data, 'metadata', 'channelMetadataRenderer'));
  const c4 = obj(dig(data, 'header', 'c4TabbedHeaderRenderer'));
  const parts = headerParts(data);
  const notice = alertNotice(data, lang);
  const subscribers =
    ytText(c4?.subscriberCountText) ?? parts.find((p) => SUBSCRIBER_WORDS.test(p)) ?? null;
  const videos = ytText(c4?.videosCountText) ?? parts.find((p) => VIDEO_WORDS.test(p)) ?? null;

  account.handle = b.pick('account.handle', [
    ['embedded-json', () => ytText(c4?.channelHandleText)?.replace(/^@/, '')],
    ['embedded-json', () => parts.find((p) => p.startsWith('@'))?.slice(1)],
    ['embedded-json', () => handleOf(asString(asArray(metadata?.ownerUrls)[0]))],
    ['url', () => handleOf(url.pathname)],
  ]);
  account.name = b.pick('account.name', [
    ['embedded-json', () => asString(metadata?.title) ?? asString(c4?.title)],
    ['meta', () => meta(doc, 'og:title')],
  ]);
  account.id = b.pick('account.id', [
    ['embedded-json', () => asString(metadata?.externalId) ?? asString(c4?.channelId)],
    ['url', () => /\/channel\/(UC[\w-]{22})/.exec(url.pathname)?.[1]],
  ]);
  account.bio = b.pick(
    'account.bio',
    [['embedded-json', () => cleanMultiline(asString(metadata?.description))]],
    true,
  );
  account.avatarUrl = b.pick('account.avatarUrl', [
    [
      'embedded-json',
      () => asString(dig(asArray(dig(metadata, 'avatar', 'thumbnails'))[0], 'url')),
    ],
    ['meta', () => meta(doc, 'og:image')],
  ]);
  account.followers = b.pick(
    'account.followers',
    [['embedded-json', () => parseCount(subscribers)]],
    Boolean(notice),
  );
  if (subscribers && /[^\d\s.,]/.test(subscribers.replace(SUBSCRIBER_WORDS, ''))) {
    b.warn(`account.followers: shown rounded ("${subscribers}")`);
  }
  account.posts = b.pick('account.posts', [['embedded-json', () => parseCount(videos)]], true);
  if (videos && /[KMkmКМ]|тыс|млн|мың/.test(videos))
    b.warn(`account.posts: shown rounded ("${videos}")`);
  if (c4) {
    account.verified = asArray(c4.badges).some((badge) =>
      /VERIFIED/.test(asString(dig(badge, 'metadataBadgeRenderer', 'style')) ?? ''),
    );
    b.note('account.verified', 'embedded-json');
  }
  account.state = notice?.type === 'suspended' ? 'suspended' : notice ? 'unknown' : 'active';
  const canonicalUrl = canonicalOf(
    doc,
    asString(dig(data, 'microformat', 'microformatDataRenderer', 'urlCanonical')),
  );
  const title = account.name ?? titleOf(doc);
  if (notice) {
    b.note('notice', 'embedded-json');
    return b.finish({ kind: 'notice', canonicalUrl, title, account, notice });
  }
  return b.finish({ kind: 'account', canonicalUrl, title, account });
}

/** 2024+ channel header (pageHeaderViewModel): its metadata rows as plain strings. */
function headerParts(data: Record<string, unknown>): string[] {
  const rows = asArray(
    dig(
      data,
      'header',
      'pageHeaderRenderer',
      'content',
      'pageHeaderViewModel',
      'metadata',
      'contentMetadataViewModel',
      'metadataRows',
    ),
  );
  return rows
    .flatMap((row) => asArray(dig(row, 'metadataParts')))
    .map((part) => ytText(dig(part, 'text')))
    .filter((t): t is string => Boolean(t));
}
