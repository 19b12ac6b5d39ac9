import { RecordBuilder } from './builder';
import {
  asNumber,
  asString,
  canonicalUrl,
  dig,
  jsonLd,
  jsonLdOfType,
  scriptJsonById,
  titleOf,
} from './dom';
import type { Extractor } from './extractor';
import { classifyDocument } from './notices';
import type { ExtractedRecord, NoticeRecord } from './record';

import { accountFromLd, postFromLd, readOembed, type Obj, type Route } from './tiktok-fallbacks';
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

function route(url: URL): Route {
  const m = /^\/@([\w.-]+)(?:\/(?:video|photo)\/(\d+))?/.exec(url.pathname);
  const embed = /^\/(?:embed(?:\/v2)?|v)\/(\d+)/.exec(url.pathname);
  return { handle: m?.[1] ?? null, itemId: m?.[2] ?? embed?.[1] ?? null };
}

function pageState(doc: Document, warnings: string[], r: Route): TikTokState | null {
  return (
    stateFromUniversal(scriptJsonById(doc, TIKTOK_SCRIPTS.universal, warnings)) ??
    stateFromSigi(scriptJsonById(doc, TIKTOK_SCRIPTS.sigi, warnings), r.itemId ? null : r.handle) ??
    stateFromNext(scriptJsonById(doc, TIKTOK_SCRIPTS.next, warnings))
  );
}

function staleState(state: TikTokState, r: Route): string | null {
  const itemId = asString(state.item?.id);
  if (r.itemId && itemId && itemId !== r.itemId) return `video ${itemId}`;
  const handle = asString(state.user?.uniqueId);
  if (!r.itemId && r.handle && handle && handle.toLowerCase() !== r.handle.toLowerCase()) {
    return `@${handle}`;
  }
  return null;
}

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('tiktok', INFO, url);
  const r = route(url);
  let state = pageState(doc, b.warnings, r);
  // TikTok navigates in-app: the inline state may describe the first page opened in the tab.
  const stale = state ? staleState(state, r) : null;
  if (stale) {
    b.warn(
      `page state describes ${stale}, not this URL (left from in-app navigation): reload the page and capture again`,
    );
    state = null;
  }
  const canonical = canonicalUrl(doc);
  const base = {
    canonicalUrl: canonical && /^https?:/.test(canonical) ? canonical : null,
    title: titleOf(doc),
  };
  const ld = jsonLd(doc, b.warnings);
  const notice = noticeOf(doc, state);

  // The address decides: a profile page lists its videos in the same state, and its newest
  // video is not the page.
  const profileUrl = Boolean(r.handle && !r.itemId);
  if (state?.item && !profileUrl) {
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
  const video = profileUrl ? null : jsonLdOfType(ld, 'VideoObject');
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

export const tiktokExtractor: Extractor = {
  platform: 'tiktok',
  version: INFO.version,
  matches: (url) => /(^|\.)tiktok\.com$/i.test(url.hostname),
  extract,
  extractJson,
};
