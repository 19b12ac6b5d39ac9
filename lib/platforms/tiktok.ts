import { emptyAccount, emptyPost, RecordBuilder } from './builder';
import {
  asNumber,
  asString,
  canonicalUrl,
  dig,
  jsonLd,
  jsonLdOfType,
  meta,
  parseCount,
  parseDate,
  scriptJsonById,
  titleOf,
} from './dom';
import type { Extractor } from './extractor';
import { classifyDocument } from './notices';
import type { AccountRecord, ExtractedRecord, NoticeRecord, PostRecord } from './record';
import { htmlFragmentText } from './rich-text';
import { hashtagsOf, linksOf, mentionsOf } from './text';
import {
  readItem,
  readUser,
  stateFromNext,
  stateFromSigi,
  stateFromUniversal,
  statusNotice,
  type TikTokState,
} from './tiktok-data';

/**
 * TikTok: a video (or photo post), a profile, and the refusals — gone, under review, private,
 * region-locked, banned — from the page state's statusCode or the words on the page. Strategies:
 * embedded page state (see tiktok-data.ts), JSON-LD, meta; for saved JSON, oEmbed and the web
 * API's item/user detail.
 */
const INFO = { name: 'tiktok', version: '1.0.0' };

/** Script ids, last seen on embed_tiktok_a3noticias_6806030056956251397.html (2024-06) and
 * unavatar_tiktok_carlosazaustre_profile.html (2026-03); SIGI_STATE and __NEXT_DATA__ from
 * 2021–2023 pages. */
export const TIKTOK_SCRIPTS = {
  universal: '__UNIVERSAL_DATA_FOR_REHYDRATION__',
  sigi: 'SIGI_STATE',
  next: '__NEXT_DATA__',
} as const;

interface Route {
  handle: string | null;
  itemId: string | null;
}

function route(url: URL): Route {
  const m = /^\/@([\w.-]+)(?:\/(?:video|photo)\/(\d+))?/.exec(url.pathname);
  const embed = /^\/(?:embed(?:\/v2)?|v)\/(\d+)/.exec(url.pathname);
  return { handle: m?.[1] ?? null, itemId: m?.[2] ?? embed?.[1] ?? null };
}

function pageState(doc: Document, warnings: string[]): TikTokState | null {
  return (
    stateFromUniversal(scriptJsonById(doc, TIKTOK_SCRIPTS.universal, warnings)) ??
    stateFromSigi(scriptJsonById(doc, TIKTOK_SCRIPTS.sigi, warnings)) ??
    stateFromNext(scriptJsonById(doc, TIKTOK_SCRIPTS.next, warnings))
  );
}

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('tiktok', INFO, url);
  const r = route(url);
  const state = pageState(doc, b.warnings);
  const canonical = canonicalUrl(doc);
  const base = {
    canonicalUrl: canonical && /^https?:/.test(canonical) ? canonical : null,
    title: titleOf(doc),
  };
  const ld = jsonLd(doc, b.warnings);
  const notice = noticeOf(doc, state);

  if (state?.item) {
    return b.finish({ ...base, kind: 'post', post: readItem(b, state.item, state.source) });
  }
  if (state?.user && !r.itemId) {
    const account = readUser(b, state);
    // A private profile still ships its user; the page's own words make it a notice.
    const privateNotice = account.private ? classifyDocument(doc) : null;
    if (privateNotice?.type === 'private') {
      b.note('notice', 'dom');
      return b.finish({ ...base, kind: 'notice', account, notice: privateNotice });
    }
    if (notice) {
      account.state = notice.type === 'suspended' ? 'suspended' : account.state;
      return b.finish({ ...base, kind: 'notice', account, notice });
    }
    return b.finish({ ...base, kind: 'account', account });
  }
  if (notice) {
    b.note('notice', state?.statusCode ? 'embedded-json' : 'dom');
    return b.finish({ ...base, kind: 'notice', notice });
  }
  const video = jsonLdOfType(ld, 'VideoObject');
  if (video || r.itemId) {
    return b.finish({ ...base, kind: 'post', post: postFromLd(b, doc, video, r) });
  }
  const person = jsonLdOfType(ld, 'ProfilePage');
  if (person || r.handle) {
    return b.finish({ ...base, kind: 'account', account: accountFromLd(b, doc, person, r) });
  }
  b.warn('page: no video, profile or known notice found');
  return b.finish({ ...base, kind: 'page' });
}

/**
 * The words on the page when the saved DOM shows them ("Video currently unavailable"), typed by
 * the statusCode when the page state has one (it is the more precise of the two).
 */
function noticeOf(doc: Document, state: TikTokState | null): NoticeRecord | null {
  const fromCode = state ? statusNotice(state) : null;
  if (state && !fromCode && (state.item || state.user)) return null;
  const fromPage = classifyDocument(doc);
  if (fromCode && fromPage) return { ...fromPage, type: fromCode.type };
  return fromCode ?? fromPage;
}

function postFromLd(
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

function accountFromLd(
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
  account.name = b.pick('account.name', [['json-ld', () => asString(dig(person, 'name'))]]);
  account.bio = b.pick(
    'account.bio',
    [['json-ld', () => asString(dig(person, 'description'))]],
    true,
  );
  account.avatarUrl = b.pick('account.avatarUrl', [['meta', () => meta(doc, 'og:image')]]);
  account.followers = b.pick('account.followers', [['json-ld', () => stat(/Follow/)]]);
  account.state = 'unknown';
  return account;
}

type Obj = Record<string, unknown>;

function extractJson(data: unknown, url: URL): ExtractedRecord {
  const b = new RecordBuilder('tiktok', INFO, url);
  const root = (data && typeof data === 'object' ? data : {}) as Obj;
  if (typeof root.html === 'string' && /tiktok-embed/.test(root.html)) return readOembed(b, root);
  const item = dig(root, 'itemInfo', 'itemStruct');
  const state: TikTokState = {
    item: item && typeof item === 'object' ? (item as Obj) : null,
    user: (dig(root, 'userInfo', 'user') as Obj | undefined) ?? null,
    userStats: (dig(root, 'userInfo', 'stats') as Obj | undefined) ?? null,
    userStatsV2: (dig(root, 'userInfo', 'statsV2') as Obj | undefined) ?? null,
    statusCode: asNumber(root.statusCode),
    statusMsg: asString(root.statusMsg) ?? asString(root.status_msg),
    source: 'api-json',
  };
  const notice = statusNotice(state);
  if (state.item)
    return b.finish({
      kind: 'post',
      canonicalUrl: null,
      post: readItem(b, state.item, 'api-json'),
    });
  if (state.user)
    return b.finish({
      kind: notice ? 'notice' : 'account',
      canonicalUrl: null,
      account: readUser(b, state),
      notice,
    });
  if (notice) return b.finish({ kind: 'notice', canonicalUrl: null, notice });
  b.warn('json: not a TikTok response this extractor knows (oEmbed, item or user detail)');
  return b.finish({ kind: 'page', canonicalUrl: null });
}

/** oEmbed: the id is the string `embed_product_id` (or the blockquote's data-video-id). */
function readOembed(b: RecordBuilder, root: Obj): ExtractedRecord {
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

export const tiktokExtractor: Extractor = {
  platform: 'tiktok',
  version: INFO.version,
  matches: (url) => /(^|\.)tiktok\.com$/i.test(url.hostname),
  extract,
  extractJson,
};
