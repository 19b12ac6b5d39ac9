import type { Collected, PageMetrics } from '../messaging/content-protocol';
import { extractRecord } from './extract-record';
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
  const { record, media } = extractRecord(doc, new URL(url));
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
      screen: win.screen ? { width: win.screen.width, height: win.screen.height } : null,
      serverDate: await dating,
    },
    metrics,
    html,
    resources,
    record,
    media,
    omissions,
    warnings,
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
