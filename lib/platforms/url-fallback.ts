import { emptyAccount, emptyPost, type RecordBuilder } from './builder';
import { asString, jsonLd, jsonLdOfType, meta, metaRaw, parseDate, titleOf } from './dom';
import { facebookRoute } from './facebook-ids';
import { instagramRoute, mediaIdFromShortcode } from './instagram-ids';
import { profileCountsIn } from './instagram-meta';
import type { Platform } from './record';
import { countsFromLd } from './structured-counts';
import { cleanMultiline, cleanText, hashtagsOf, linksOf, mentionsOf } from './text';
import { xTarget } from './x-shared';

/**
 * The last resort when a platform's markup is unknown (a new layout, a saved fragment, a page
 * that failed to render): what the address and the page's <title>/OpenGraph tags say. The URL
 * decides the kind — a post address gives a post, a profile address an account, never a bare
 * `page` — and names the post id and the handle; the title and og: tags give the name, the text
 * and the picture. Everything else stays null, and a warning says the record came from the
 * address and title only. See docs/architecture-platforms.md ("Only the URL and title").
 */

export interface UrlRoute {
  kind: 'post' | 'account';
  /** The post's id, or for an account its numeric id, when the address carries it. */
  id: string | null;
  handle: string | null;
}

const VK_RESERVED = new Set(
  'feed im friends groups search settings login join video videos audio audios music photos photo apps app docs doc market away.php wall al_feed.php notifications bookmarks fave support help dev about blog jobs terms privacy restore clips stories'.split(
    ' ',
  ),
);
const TG_RESERVED = new Set(['joinchat', 'addstickers', 'share', 'iv', 'login', 'proxy', 'socks']);

const ROUTES: Partial<Record<Platform, (url: URL) => UrlRoute | null>> = {
  vk: (url) => {
    const wall = /wall(-?\d+_\d+)/.exec(url.pathname + url.search);
    if (wall) return { kind: 'post', id: wall[1]!, handle: null };
    const first = url.pathname.split('/').filter(Boolean)[0] ?? '';
    const numeric = /^(id|club|public|event)(\d+)$/.exec(first);
    if (numeric) {
      const id = numeric[1] === 'id' ? numeric[2]! : `-${numeric[2]}`;
      return { kind: 'account', id, handle: first };
    }
    return /^[\w.]{2,}$/.test(first) && !VK_RESERVED.has(first.toLowerCase())
      ? { kind: 'account', id: null, handle: first }
      : null;
  },
  tiktok: (url) => {
    const m = /^\/@([\w.-]+)(?:\/(?:video|photo)\/(\d+))?/.exec(url.pathname);
    if (!m) return null;
    return m[2]
      ? { kind: 'post', id: m[2], handle: m[1]! }
      : { kind: 'account', id: null, handle: m[1]! };
  },
  instagram: (url) => {
    const r = instagramRoute(url);
    if (r.page === 'post')
      return { kind: 'post', id: mediaIdFromShortcode(r.shortcode), handle: null };
    if (r.page === 'story') return { kind: 'post', id: r.storyId, handle: r.handle };
    return r.page === 'profile' ? { kind: 'account', id: null, handle: r.handle } : null;
  },
  facebook: (url) => {
    const r = facebookRoute(url);
    if (r.page === 'post')
      return { kind: 'post', id: r.id, handle: r.variant === 'group' ? null : r.owner };
    return r.page === 'profile' ? { kind: 'account', id: r.id, handle: r.handle } : null;
  },
  x: (url) => {
    const t = xTarget(url);
    if (t.statusId) return { kind: 'post', id: t.statusId, handle: t.handle };
    return t.handle ? { kind: 'account', id: null, handle: t.handle } : null;
  },
  telegram: (url) => {
    const parts = url.pathname.split('/').filter(Boolean);
    const rest = parts[0] === 's' ? parts.slice(1) : parts;
    const handle = /^[\w]{3,}$/.test(rest[0] ?? '') ? rest[0]! : null;
    if (!handle || TG_RESERVED.has(handle.toLowerCase())) return null;
    return /^\d+$/.test(rest[1] ?? '')
      ? { kind: 'post', id: rest[1]!, handle }
      : { kind: 'account', id: null, handle };
  },
  youtube: (url) => {
    const v =
      url.searchParams.get('v') ??
      /^\/(?:shorts|embed|live)\/([\w-]{11})/.exec(url.pathname)?.[1] ??
      (url.hostname === 'youtu.be' ? /^\/([\w-]{11})/.exec(url.pathname)?.[1] : null);
    if (v && /^[\w-]{11}$/.test(v)) return { kind: 'post', id: v, handle: null };
    const handle = /^\/@([\w.\-·]+)/.exec(url.pathname)?.[1];
    if (handle) return { kind: 'account', id: null, handle: decodeURIComponent(handle) };
    const channel = /^\/channel\/(UC[\w-]{22})/.exec(url.pathname)?.[1];
    if (channel) return { kind: 'account', id: channel, handle: null };
    const legacy = /^\/(?:c|user)\/([\w.-]+)/.exec(url.pathname)?.[1];
    return legacy ? { kind: 'account', id: null, handle: legacy } : null;
  },
};

/** What the address of a page on `platform` names: a post, an account, or nothing known. */
export function routeOfUrl(platform: Platform, url: URL): UrlRoute | null {
  try {
    return ROUTES[platform]?.(url) ?? null;
  } catch {
    return null;
  }
}

/**
 * The platform's name as <title> and og:title append it: "Name | VK", "Name | ВКонтакте",
 * "Name - YouTube", "Name (@h) | TikTok", "Name (@h) • Instagram photos and videos",
 * "Name | Facebook", "Name (@h) / X", "Telegram: Contact @h".
 */
const TITLE_SUFFIX =
  /\s*(?:[|•·\-–—/]\s*)?(?:VK|VKontakte|ВКонтакте|YouTube|TikTok|Facebook|Instagram(?: photos and videos)?|X|Twitter|Telegram)\s*$/i;

/** The person's or channel's name in a page title, without the platform and the @handle. */
export function nameFromTitle(title: string | null, handle: string | null): string | null {
  let name = cleanText(title);
  if (!name) return null;
  name = name.replace(/^Telegram:\s*(?:Contact|View)\s*@?/i, '');
  name = name.replace(/\s+(?:on|в|в сети)\s+(?:Instagram|TikTok|Facebook|X|Twitter)\s*:.*$/is, '');
  for (let i = 0; i < 2; i++) name = name.replace(TITLE_SUFFIX, '').trim();
  name = name.replace(/\s*\(@[\w.\-·]+\)\s*$/, '').trim();
  if (handle && name.toLowerCase() === `@${handle}`.toLowerCase()) return null;
  // A title that is only the platform's own name ("VK", "Instagram") names nobody.
  return name &&
    !/^(VK|ВКонтакте|YouTube|TikTok|Facebook|Instagram|X|Twitter|Telegram)$/i.test(name)
    ? name
    : null;
}

type Body = Parameters<RecordBuilder['finish']>[0];

/**
 * The record of a page whose markup the extractor does not know, from its URL and title: null
 * when the URL names neither a post nor an account (the caller keeps its `page` record).
 */
export function urlFallback(b: RecordBuilder, doc: Document, route: UrlRoute | null): Body | null {
  if (!route) return null;
  const title = meta(doc, 'og:title') ?? titleOf(doc);
  const name = nameFromTitle(title, route.handle);
  const description = cleanMultiline(metaRaw(doc, 'og:description') ?? metaRaw(doc, 'description'));
  const image = meta(doc, 'og:image');
  // A page with no title, description or picture says nothing about the post or account the
  // address names: the caller keeps its `page` record rather than claim one.
  if (!name && !description && !image) return null;
  const base = { canonicalUrl: null, title: titleOf(doc) };
  b.warn(
    `page: this layout is not known to the ${b.platform} extractor; the record holds only what the address and the page title say`,
  );
  if (route.kind === 'account') {
    const account = emptyAccount();
    account.handle = b.pick('account.handle', [['url', () => route.handle]], true);
    account.id = b.pick('account.id', [['url', () => route.id]], true);
    account.name = b.pick('account.name', [['meta', () => name]]);
    account.avatarUrl = b.pick('account.avatarUrl', [['meta', () => image]], true);
    const counts = profileCountsIn(description);
    account.followers = b.pick('account.followers', [['meta', () => counts.followers]], true);
    account.following = b.pick('account.following', [['meta', () => counts.following]], true);
    account.posts = b.pick('account.posts', [['meta', () => counts.posts]], true);
    return { ...base, kind: 'account', account, text: description };
  }
  const ld = jsonLd(doc, b.warnings);
  const item = jsonLdOfType(ld, 'SocialMediaPosting', 'VideoObject', 'ImageObject', 'Article');
  const post = emptyPost();
  post.id = b.pick('post.id', [['url', () => route.id]]);
  post.author.handle = b.pick('post.author.handle', [['url', () => route.handle]], true);
  post.author.name = b.pick('post.author.name', [['meta', () => name]], true);
  post.text = b.pick('post.text', [['meta', () => description]], true);
  post.publishedAt = b.pick(
    'post.publishedAt',
    [
      ['meta', () => parseDate(meta(doc, 'article:published_time'))],
      ['json-ld', () => parseDate(asString(item?.datePublished) ?? asString(item?.uploadDate))],
    ],
    true,
  );
  const counts = countsFromLd(ld);
  if (counts) {
    post.counts = {
      likes: counts.likes,
      comments: counts.comments,
      shares: counts.shares,
      views: counts.views,
    };
    b.note('post.counts', 'json-ld');
  }
  const video = meta(doc, 'og:video:secure_url') ?? meta(doc, 'og:video');
  if (video || image) {
    post.media = [video ? { type: 'video', url: video } : { type: 'image', url: image! }];
    b.note('post.media', 'meta');
  }
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return { ...base, kind: 'post', post };
}
