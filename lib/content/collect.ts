import type { Collected, PageMetrics } from '../messaging/content-protocol';
import { extractRecord } from './extract-record';
import { holdDocument, isDocumentPage } from './document-file';
import { serializeSnapshot } from './snapshot';

const SERVER_DATE_TIMEOUT_MS = 2_500;

/** Reads the page's current scroll and size (no writes). */
export function pageMetrics(win: Window): PageMetrics {
  const doc = win.document;
  return {
    scrollX: win.scrollX,
    scrollY: win.scrollY,
    innerWidth: win.innerWidth,
    innerHeight: win.innerHeight,
    scrollHeight: Math.max(doc.documentElement?.scrollHeight ?? 0, doc.body?.scrollHeight ?? 0),
    devicePixelRatio: win.devicePixelRatio || 1,
  };
}

/**
 * The server's `Date` for the page's origin: a same-origin HEAD request of the page URL that the
 * browser does not answer from its cache. Null with a reason when it cannot be read.
 */
async function serverDate(url: string, omissions: string[]): Promise<string | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), SERVER_DATE_TIMEOUT_MS);
  try {
    const res = await fetch(url, {
      method: 'HEAD',
      cache: 'no-store',
      credentials: 'include',
      signal: abort.signal,
    });
    const date = res.headers.get('date');
    if (!date) omissions.push('server Date: the response had no Date header');
    return date;
  } catch (error) {
    omissions.push(
      `server Date: HEAD request failed (${error instanceof Error ? error.message : String(error)})`,
    );
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The page's video elements, and those playing a stream no file holds (blob:, MediaSource). */
function videosOf(doc: Document): { total: number; streamed: number; files: string[] } {
  const videos = [...doc.querySelectorAll('video')];
  const sources = videos.map((v) => v.currentSrc || v.src || v.querySelector('source')?.src || '');
  const files = sources.filter((s) => /^https?:/i.test(s));
  return { total: videos.length, streamed: videos.length - files.length, files };
}

/** One pass over the page: environment, metrics, inert snapshot, extracted record, media list. */
export async function collectPage(win: Window, session: string, nonce: string): Promise<Collected> {
  const doc = win.document;
  const url = win.location.href;
  const omissions: string[] = [];
  const warnings: string[] = [];
  const dating = serverDate(url, omissions);
  const capturedAt = new Date().toISOString();
  let html = '';
  let resources: string[] = [];
  let documentFile: Collected['document'] = null;
  if (isDocumentPage(doc)) {
    // A PDF in the browser's viewer: the evidence is the file, not the viewer's markup.
    omissions.push('HTML snapshot: the page is a document file; the file itself is kept');
    try {
      documentFile = await holdDocument(win, nonce);
    } catch (error) {
      omissions.push(
        `document file: could not be read (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  } else
    try {
      const snapshot = serializeSnapshot(doc, { url, capturedAt, nonce });
      html = snapshot.html;
      resources = snapshot.resources;
      omissions.push(...snapshot.omissions);
    } catch (error) {
      omissions.push(
        `HTML snapshot failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  const extraction = extractRecord(doc, new URL(url));
  const { record } = extraction;
  const videos = videosOf(doc);
  // A video file the page plays directly is kept byte-exact like the post's media.
  const media = [
    ...extraction.media,
    ...videos.files
      .filter((src) => !extraction.media.some((m) => m.url === src))
      .map((src) => ({ url: src, type: 'video' as const })),
  ];
  const metrics = pageMetrics(win);
  return {
    session,
    environment: {
      url,
      title: doc.title,
      userAgent: win.navigator.userAgent,
      language: win.navigator.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
      viewport: {
        width: metrics.innerWidth,
        height: metrics.innerHeight,
        devicePixelRatio: metrics.devicePixelRatio,
      },
      serverDate: await dating,
    },
    metrics,
    html,
    resources,
    record,
    media,
    omissions,
    warnings,
    document: documentFile,
    videos: { total: videos.total, streamed: videos.streamed },
  };
}

/** Scrolls instantly (ignoring `scroll-behavior: smooth`) and answers after two frames. */
export async function scrollPage(win: Window, x: number, y: number): Promise<PageMetrics> {
  win.scrollTo({ left: x, top: y, behavior: 'instant' as ScrollBehavior });
  await new Promise((resolve) =>
    win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)),
  );
  return pageMetrics(win);
}
