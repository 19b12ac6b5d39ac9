import type { Collected, PageMetrics } from '../messaging/content-protocol';
import { extractRecord } from './extract-record';
import { serializeSnapshot } from './snapshot';
import { markViewer, viewerRegions } from './viewer-marks';
import { platformOfUrl } from '../platforms/platform-of-url';
import { findViewerIdentity } from '../platforms/viewer-identity';

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
 * The URL the browser loaded this document from (after redirects), from Navigation Timing: unlike
 * `location.href`, a page cannot rewrite it with `history.replaceState`. Null when unavailable.
 */
function navigationUrl(win: Window): string | null {
  try {
    const entry = win.performance?.getEntriesByType?.('navigation')?.[0];
    return entry?.name ? entry.name : null;
  } catch {
    return null;
  }
}

/**
 * One pass over the page: environment, metrics, inert snapshot, extracted record, media list.
 * It sends no request of its own (a HEAD for the server's `Date` used to: that told the platform
 * who captured what); the server's time comes from the capture's media fetches instead.
 */
export async function collectPage(win: Window, session: string, nonce: string): Promise<Collected> {
  const doc = win.document;
  const url = win.location.href;
  const omissions: string[] = [];
  const warnings: string[] = [];
  const capturedAt = new Date().toISOString();
  let html = '';
  let resources: string[] = [];
  // The monitor's own name, avatar, "logged in as": found now, redacted in working copies later.
  let viewer: ReturnType<typeof findViewerIdentity> = [];
  try {
    viewer = findViewerIdentity(doc, platformOfUrl(new URL(url)));
  } catch (error) {
    warnings.push(`viewer identity: ${error instanceof Error ? error.message : String(error)}`);
  }
  const regions = viewerRegions(win, viewer);
  try {
    const snapshot = serializeSnapshot(doc, {
      url,
      capturedAt,
      nonce,
      ...markViewer(viewer, nonce, regions),
    });
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
      navigationUrl: navigationUrl(win),
    },
    metrics,
    html,
    resources,
    viewer: regions,
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
