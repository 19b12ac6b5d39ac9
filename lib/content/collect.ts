import type { Collected, CollectTarget, PageMetrics } from '../messaging/content-protocol';
import { postContainerAt } from '../platforms/registry';
import { extractRecord } from './extract-record';
import type { MenusApi } from './handle-request';
import { pointerTarget } from './pointer';
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

/**
 * The element the monitor right-clicked: Firefox names it (`menus.getTargetElement`); elsewhere
 * the pointer listener remembered it. Null when neither knows (a tab opened before Dalel was
 * installed has no listener: reloading it helps).
 */
function chosenElement(target: CollectTarget, menus: MenusApi | undefined): Element | null {
  if (target.targetElementId !== undefined) {
    try {
      const element = menus?.menus?.getTargetElement?.(target.targetElementId) ?? null;
      if (element?.isConnected) return element;
    } catch {
      /* not Firefox, or the id expired: fall back to the listener */
    }
  }
  return pointerTarget();
}

/** The chosen post's box in document coordinates, for the cropped screenshot. */
function boxOf(
  win: Window,
  element: Element,
): { x: number; y: number; width: number; height: number } {
  const r = element.getBoundingClientRect();
  return { x: r.left + win.scrollX, y: r.top + win.scrollY, width: r.width, height: r.height };
}

/**
 * One pass over the page: environment, metrics, inert snapshot, extracted record, media list.
 * With `target` ("Capture this post"), the record is the post under the pointer, the snapshot
 * marks it, and its box is returned for a cropped screenshot.
 */
export async function collectPage(
  win: Window,
  session: string,
  nonce: string,
  target?: CollectTarget,
  menus?: MenusApi,
): Promise<Collected> {
  const doc = win.document;
  const url = win.location.href;
  const omissions: string[] = [];
  const warnings: string[] = [];
  const chosen = target ? chosenElement(target, menus) : null;
  const container = chosen ? postContainerAt(new URL(url), chosen) : null;
  if (target && !chosen)
    warnings.push(
      'target: Dalel does not know which post was right-clicked (reload the page, then right-click the post again); the whole page was captured',
    );
  const dating = serverDate(url, omissions);
  const capturedAt = new Date().toISOString();
  let html = '';
  let resources: string[] = [];
  try {
    const snapshot = serializeSnapshot(doc, { url, capturedAt, nonce, target: container });
    html = snapshot.html;
    resources = snapshot.resources;
    omissions.push(...snapshot.omissions);
  } catch (error) {
    omissions.push(
      `HTML snapshot failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { record, media } = extractRecord(doc, new URL(url), chosen);
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
    target: container ? { rect: boxOf(win, container), path: record.target?.path ?? '' } : null,
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
