import { emptyAccount, emptyPost, type RecordBuilder } from './builder';
import {
  assignedJson,
  asString,
  canonicalUrl,
  cleanMultiline,
  fromUnix,
  jsonLd,
  jsonLdOfType,
  meta,
  parseCount,
  parseDate,
  text,
} from './dom';
import { findMedia, findStoryUser, pageStates } from './instagram-data';
import { mediaIdFromShortcode, type InstagramRoute } from './instagram-ids';
import { readPostMeta, readProfileMeta } from './instagram-meta';
import { IG_SELECTORS } from './instagram-selectors';
import { classifyDocument } from './notices';
import type { ExtractedRecord } from './record';
import { hashtagsOf, linksOf, mentionsOf } from './text';
import { dig } from './json-scan';

type PostRoute = Extract<InstagramRoute, { page: 'post' }>;
type StoryRoute = Extract<InstagramRoute, { page: 'story' }>;

export function extractInstagramPost(
  doc: Document,
  url: URL,
  b: RecordBuilder,
  route: PostRoute | null,
): ExtractedRecord {
  const shortcode = route?.shortcode ?? '';
  const data = findMedia(pageStates(doc, shortcode, b.warnings), shortcode);
  const m = readPostMeta(doc);
  const ld = jsonLdOfType(
    jsonLd(doc, b.warnings),
    'ImageObject',
    'VideoObject',
    'SocialMediaPosting',
  );
  const post = emptyPost();

  post.id = b.pick('post.id', [
    ['embedded-json', () => data?.id],
    ['meta', () => /media\?id=(\d+)/.exec(meta(doc, 'al:ios:url') ?? '')?.[1]],
    ['derived', () => mediaIdFromShortcode(shortcode)],
  ]);
  post.author.handle = b.pick('post.author.handle', [
    ['embedded-json', () => data?.ownerHandle],
    ['json-ld', () => asString(dig(ld, 'author', 'alternateName'))?.replace(/^@/, '')],
    ['meta', () => m.handle],
    ['dom', () => text(doc, IG_SELECTORS.profileHeader)],
  ]);
  post.author.name = b.pick('post.author.name', [
    ['embedded-json', () => data?.ownerName],
    ['meta', () => m.name],
  ]);
  post.author.id = b.pick('post.author.id', [
    ['embedded-json', () => data?.ownerId],
    ['meta', () => meta(doc, 'instapp:owner_user_id')],
  ]);
  post.publishedAt = b.pick('post.publishedAt', [
    ['embedded-json', () => fromUnix(data?.takenAt)],
    ['dom', () => parseDate(doc.querySelector(IG_SELECTORS.time)?.getAttribute('datetime'))],
    ['json-ld', () => parseDate(asString(ld?.uploadDate))],
  ]);
  if (!post.publishedAt) {
    post.publishedText = b.pick('post.publishedText', [['meta', () => m.dateText]], true);
  }
  post.text = b.pick(
    'post.text',
    [
      ['embedded-json', () => cleanMultiline(data?.caption)],
      ['json-ld', () => cleanMultiline(asString(ld?.caption) ?? asString(ld?.articleBody))],
      ['meta', () => m.caption],
      ['dom', () => cleanMultiline(doc.querySelector(IG_SELECTORS.caption)?.textContent)],
    ],
    // A reel or photo may have no caption at all; that is not a failure.
    true,
  );
  if (post.text && b.sources['post.text'] === 'meta' && m.captionTruncated) {
    b.warn('post.text: meta tags show only the start of the caption');
  }
  post.media =
    b.pick('post.media', [
      ['embedded-json', () => data?.media],
      ['meta', () => metaMedia(doc)],
    ]) ?? [];
  post.counts.likes = b.pick('post.counts.likes', [
    ['embedded-json', () => data?.likes],
    [
      'json-ld',
      () => parseCount(asString(dig(ld, 'interactionStatistic', 'userInteractionCount'))),
    ],
    ['meta', () => m.likes],
  ]);
  post.counts.comments = b.pick('post.counts.comments', [
    ['embedded-json', () => data?.comments],
    ['json-ld', () => parseCount(asString(ld?.commentCount))],
    ['meta', () => m.comments],
  ]);
  post.counts.views = b.pick('post.counts.views', [['embedded-json', () => data?.views]], true);
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);

  const found = Boolean(data || post.text || post.media.length || post.author.handle);
  const notice = found ? null : classifyDocument(doc);
  if (notice) b.note('notice', 'dom');
  return b.finish({
    kind: notice ? 'notice' : 'post',
    canonicalUrl: canonicalUrl(doc),
    title: meta(doc, 'og:title'),
    post,
    notice,
  });
}

function metaMedia(doc: Document): Array<{ type: 'image' | 'video'; url: string }> {
  const video = meta(doc, 'og:video:secure_url') ?? meta(doc, 'og:video');
  if (video) return [{ type: 'video', url: video }];
  const image = meta(doc, 'og:image');
  return image ? [{ type: 'image', url: image }] : [];
}

/**
 * A story page. Logged out, Instagram shows no story media: only the owner (2021: `StoriesPage`
 * state and "Log in to view this story"; 2024: og:title "Watch this story by … before it
 * disappears." and the owner's profile counts).
 */
export function extractInstagramStory(
  doc: Document,
  url: URL,
  b: RecordBuilder,
  route: StoryRoute | null,
): ExtractedRecord {
  const states = pageStates(doc, route?.handle ?? null, b.warnings);
  states.push(...assignedJson(doc, '__additionalData', b.warnings));
  const user = findStoryUser(states);
  const profile = readProfileMeta(doc);
  const post = emptyPost();
  post.id = b.pick('post.id', [['url', () => route?.storyId]], true);
  post.author.handle = b.pick('post.author.handle', [
    ['embedded-json', () => user?.handle],
    ['url', () => route?.handle],
  ]);
  post.author.id = b.pick('post.author.id', [['embedded-json', () => user?.id]], true);
  post.author.name = b.pick(
    'post.author.name',
    [
      ['meta', () => /story by (.+?) on Instagram/i.exec(meta(doc, 'og:title') ?? '')?.[1]],
      ['meta', () => profile.name],
    ],
    true,
  );
  b.warn(
    'post.media: story media is not in the page (Instagram shows stories only when logged in)',
  );

  const account = emptyAccount();
  account.handle = post.author.handle;
  account.id = post.author.id;
  account.name = post.author.name;
  account.followers = b.pick('account.followers', [['meta', () => profile.followers]], true);
  account.following = b.pick('account.following', [['meta', () => profile.following]], true);
  account.posts = b.pick('account.posts', [['meta', () => profile.posts]], true);
  account.avatarUrl = b.pick('account.avatarUrl', [['meta', () => meta(doc, 'og:image')]], true);
  const notice = classifyDocument(doc);
  if (notice) b.note('notice', 'dom');
  return b.finish({
    kind: notice ? 'notice' : 'post',
    canonicalUrl: canonicalUrl(doc),
    title: meta(doc, 'og:title'),
    post,
    account,
    notice,
  });
}
