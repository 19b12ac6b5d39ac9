import { emptyPost, RecordBuilder } from './builder';
import {
  asArray,
  asString,
  assignedJson,
  dig,
  jsonLd,
  meta,
  parseCount,
  parseDate,
  titleOf,
} from './dom';
import { countsFromLd } from './structured-counts';
import type { Extractor } from './extractor';
import { routeOfUrl, urlFallback } from './url-fallback';
import { classifyDocument, detectLanguage } from './notices';
import type { ExtractedRecord, NoticeRecord, PostRecord } from './record';
import { cleanMultiline, cleanText, hashtagsOf, linksOf, mentionsOf } from './text';
import { readChannel } from './youtube-channel';
import {
  canonicalOf,
  commentCountText,
  handleOf,
  likeCount,
  obj,
  playabilityNotice,
  ytText,
} from './youtube-data';

/**
 * YouTube: a video, a channel, and the states a video or channel can be in — removed,
 * terminated, private, age-restricted, geo-blocked, members-only (from playabilityStatus and
 * channel alerts) — plus the EU consent wall served instead of the page. Strategies: the
 * embedded player response and initial data (youtube-data.ts), microdata/og meta, the URL.
 */
const INFO = { name: 'youtube', version: '1.0.0' };

/** Last seen on embed_youtube_consent_interstitial_es_2021.html (2021-04). */
export const YT_CONSENT = {
  form: 'form[action*="consent.youtube.com"], form[action*="consent.google.com"]',
  refresh: 'meta[http-equiv="refresh"][content*="consent.youtube.com"]',
  heading: 'h1',
} as const;

function videoIdOf(url: URL): string | null {
  const v = url.searchParams.get('v');
  if (v && /^[\w-]{11}$/.test(v)) return v;
  const m = /^\/(?:shorts|embed|live|v)\/([\w-]{11})/.exec(url.pathname);
  if (m) return m[1]!;
  return url.hostname === 'youtu.be' ? (/^\/([\w-]{11})/.exec(url.pathname)?.[1] ?? null) : null;
}

function pageLanguage(doc: Document): string | null {
  const lang = doc.documentElement?.getAttribute('lang');
  return lang ? lang.split('-')[0]!.toLowerCase() : null;
}

function first(doc: Document, name: string, warnings: string[]): Record<string, unknown> | null {
  return obj(assignedJson(doc, name, warnings)[0]);
}

/** What the inline state describes when it is not the page at `url`, else null. */
function staleState(
  url: URL,
  videoId: string | null,
  player: Record<string, unknown> | null,
  data: Record<string, unknown> | null,
): string | null {
  const stateVideo =
    asString(dig(player, 'videoDetails', 'videoId')) ??
    asString(dig(data, 'currentVideoEndpoint', 'watchEndpoint', 'videoId'));
  if (videoId) return stateVideo && stateVideo !== videoId ? `video ${stateVideo}` : null;
  if (stateVideo) return `video ${stateVideo}`;
  const channel = obj(dig(data, 'metadata', 'channelMetadataRenderer'));
  if (!channel) return null;
  const id = /\/channel\/(UC[\w-]{22})/.exec(url.pathname)?.[1];
  const externalId = asString(channel.externalId);
  if (id && externalId && id !== externalId) return `channel ${externalId}`;
  const handle = handleOf(url.pathname.split('/').slice(0, 2).join('/'));
  const owner = handleOf(asString(asArray(channel.ownerUrls)[0]));
  if (handle && owner && handle.toLowerCase() !== owner.toLowerCase()) return `channel @${owner}`;
  return null;
}

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('youtube', INFO, url);
  const lang = pageLanguage(doc);
  if (
    url.hostname.startsWith('consent.') ||
    doc.querySelector(YT_CONSENT.form) ||
    doc.querySelector(YT_CONSENT.refresh)
  ) {
    return consentWall(b, doc, lang);
  }
  let player = first(doc, 'ytInitialPlayerResponse', b.warnings);
  let data = first(doc, 'ytInitialData', b.warnings);
  const videoId = videoIdOf(url);
  // YouTube navigates in-app without reloading: the inline state can describe the first page
  // opened in the tab, not the one on screen. Such state is never read as this page's.
  const stale = staleState(url, videoId, player, data);
  if (stale) {
    b.warn(
      `page state describes ${stale}, not this URL (left from in-app navigation): reload the page and capture again`,
    );
    player = null;
    data = null;
  }

  if (player || videoId) {
    // Without player data (older layouts, pages that failed to load) the words on the page are
    // all there is: "This video is unavailable." (2019) must not pass for a live video.
    const notice =
      playabilityNotice(player?.playabilityStatus, lang) ??
      (obj(player?.videoDetails) ? null : visibleNotice(doc, lang));
    const details = obj(player?.videoDetails);
    const post = details || !notice ? readVideo(b, doc, player, data, videoId) : null;
    const title = asString(details?.title) ?? meta(doc, 'og:title') ?? titleOf(doc);
    const canonicalUrl = canonicalOf(doc, null);
    if (notice) {
      b.note('notice', 'embedded-json');
      return b.finish({ kind: 'notice', canonicalUrl, title, notice, post });
    }
    return b.finish({ kind: 'post', canonicalUrl, title, post });
  }
  if (data && (obj(data.metadata) || obj(data.header) || asArray(data.alerts).length)) {
    return readChannel(b, doc, data, url, lang);
  }
  const notice = classifyDocument(doc);
  if (notice) {
    b.note('notice', 'dom');
    return b.finish({ kind: 'notice', canonicalUrl: null, title: titleOf(doc), notice });
  }
  const fallback = urlFallback(b, doc, routeOfUrl('youtube', url));
  if (fallback) return b.finish(fallback);
  b.warn('page: no video, channel or known notice found');
  return b.finish({ kind: 'page', canonicalUrl: canonicalOf(doc, null), title: titleOf(doc) });
}

/** A notice on the page itself; an `og:restrictions:age` marker makes a login wall an age gate. */
function visibleNotice(doc: Document, lang: string | null): NoticeRecord | null {
  const notice = classifyDocument(doc);
  const ageMarked = /18/.test(meta(doc, 'og:restrictions:age') ?? '');
  if (notice && ageMarked && notice.type === 'login_required')
    return { ...notice, type: 'age_restricted' };
  if (notice) return notice;
  return ageMarked
    ? { type: 'age_restricted', message: 'og:restrictions:age 18+', language: lang }
    : null;
}

/** consent.youtube.com ("Before you continue to YouTube"): its heading is the platform's message. */
function consentWall(b: RecordBuilder, doc: Document, lang: string | null): ExtractedRecord {
  const message =
    titleOf(doc) ??
    cleanText(doc.querySelector(YT_CONSENT.heading)?.textContent) ??
    'consent.youtube.com';
  const notice: NoticeRecord = {
    type: 'consent_wall',
    message,
    language: detectLanguage(message) ?? lang,
  };
  b.note('notice', 'dom');
  b.warn(
    'page: cookie-consent wall served instead of the requested page; nothing of that page is here',
  );
  return b.finish({
    kind: 'notice',
    canonicalUrl: null,
    title: titleOf(doc),
    notice,
    post: null,
    account: null,
  });
}

function readVideo(
  b: RecordBuilder,
  doc: Document,
  player: Record<string, unknown> | null,
  data: Record<string, unknown> | null,
  videoId: string | null,
): PostRecord {
  const post = emptyPost();
  const details = obj(player?.videoDetails);
  const micro = obj(dig(player, 'microformat', 'playerMicroformatRenderer'));
  const owner = findOwner(data);
  post.id = b.pick('post.id', [
    ['embedded-json', () => asString(details?.videoId)],
    ['meta', () => meta(doc, 'videoId')],
    ['url', () => videoId],
  ]);
  post.author.handle = b.pick(
    'post.author.handle',
    [
      ['embedded-json', () => handleOf(asString(micro?.ownerProfileUrl))],
      ['embedded-json', () => handleOf(owner)],
    ],
    true,
  );
  post.author.name = b.pick('post.author.name', [
    ['embedded-json', () => asString(micro?.ownerChannelName) ?? asString(details?.author)],
    [
      'meta',
      () =>
        cleanText(
          doc.querySelector('[itemprop="author"] [itemprop="name"]')?.getAttribute('content'),
        ),
    ],
  ]);
  post.author.id = b.pick('post.author.id', [
    ['embedded-json', () => asString(details?.channelId) ?? asString(micro?.externalChannelId)],
    ['meta', () => meta(doc, 'channelId')],
  ]);
  post.publishedAt = b.pick('post.publishedAt', [
    ['embedded-json', () => parseDate(asString(micro?.publishDate))],
    // A live stream's page gives its day only; the broadcast's start is the instant.
    [
      'embedded-json',
      () => parseDate(asString(dig(micro, 'liveBroadcastDetails', 'startTimestamp'))),
    ],
    ['meta', () => parseDate(meta(doc, 'datePublished'))],
  ]);
  if (!post.publishedAt) {
    post.publishedText = asString(micro?.publishDate) ?? meta(doc, 'datePublished');
  }
  post.text = b.pick(
    'post.text',
    [
      [
        'embedded-json',
        () => cleanMultiline(ytText(micro?.description) ?? asString(details?.shortDescription)),
      ],
      ['meta', () => meta(doc, 'og:description') ?? meta(doc, 'description')],
    ],
    true,
  );
  const thumbs = asArray(dig(micro, 'thumbnail', 'thumbnails'));
  const poster = asString(dig(thumbs[thumbs.length - 1], 'url')) ?? meta(doc, 'og:image');
  if (poster) {
    post.media = [{ type: 'image', url: poster }];
    b.note('post.media', 'embedded-json');
    b.warn('post.media: the poster image only; the stream URLs in the page are signed and expire');
  }
  post.counts.views = b.pick('post.counts.views', [
    ['embedded-json', () => parseCount(asString(details?.viewCount) ?? asString(micro?.viewCount))],
    ['meta', () => parseCount(meta(doc, 'interactionCount'))],
  ]);
  const ld = countsFromLd(jsonLd(doc, b.warnings));
  post.counts.likes = b.pick('post.counts.likes', [
    ['embedded-json', () => likeCount(data)],
    ['json-ld', () => ld?.likes],
  ]);
  const comments = commentCountText(data);
  post.counts.comments = b.pick('post.counts.comments', [
    ['embedded-json', () => parseCount(comments)],
    ['json-ld', () => ld?.comments],
  ]);
  if (comments && /[^\d\s.,]/.test(comments))
    b.warn(`post.counts.comments: shown rounded ("${comments}")`);
  b.pick('post.counts.shares', [], true);
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return post;
}

function findOwner(data: Record<string, unknown> | null): string | null {
  const contents = asArray(
    dig(data, 'contents', 'twoColumnWatchNextResults', 'results', 'results', 'contents'),
  );
  for (const item of contents) {
    const owner = dig(
      item,
      'videoSecondaryInfoRenderer',
      'owner',
      'videoOwnerRenderer',
      'navigationEndpoint',
      'browseEndpoint',
      'canonicalBaseUrl',
    );
    if (typeof owner === 'string') return owner;
  }
  return null;
}

export const youtubeExtractor: Extractor = {
  platform: 'youtube',
  version: INFO.version,
  matches: (url) => /(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/i.test(url.hostname),
  extract,
};
