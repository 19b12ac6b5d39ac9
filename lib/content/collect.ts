import type { Collected, CollectTarget, PageMetrics } from '../messaging/content-protocol';
import { postContainerAt } from '../platforms/registry';
import { extractRecord } from './extract-record';
import { holdDocument, isDocumentPage } from './document-file';
import type { MenusApi } from './handle-request';
import { pointerTarget } from './pointer';
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

/** The video elements under `root`, and those playing a stream no file holds (blob:, MediaSource). */
function videosOf(root: ParentNode): { total: number; streamed: number; files: string[] } {
  const videos = [...root.querySelectorAll('video')];
  const sources = videos.map((v) => v.currentSrc || v.src || v.querySelector('source')?.src || '');
  const files = sources.filter((s) => /^https?:/i.test(s));
  return { total: videos.length, streamed: videos.length - files.length, files };
}

/**
 * The element the monitor right-clicked, and who reported it: Firefox names it
 * (`menus.getTargetElement`); elsewhere the pointer listener remembered it. Null when neither
 * knows (a tab opened before Dalel was installed has no listener: reloading it helps).
 */
export function chosenElement(
  target: CollectTarget,
  menus: MenusApi | undefined,
): { element: Element; by: 'browser' | 'listener' } | null {
  if (target.targetElementId !== undefined) {
    try {
      const element = menus?.menus?.getTargetElement?.(target.targetElementId) ?? null;
      if (element?.isConnected) return { element, by: 'browser' };
    } catch {
      /* not Firefox, or the id expired: fall back to the listener */
    }
  }
  const remembered = pointerTarget();
  return remembered ? { element: remembered, by: 'listener' } : null;
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
 * marks it, and its box is returned for a cropped screenshot. It sends no request of its own (a
 * HEAD for the server's `Date` used to: that told the platform who captured what); the server's
 * time comes from the capture's media fetches instead.
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
  const container = chosen ? postContainerAt(new URL(url), chosen.element) : null;
  if (target && !chosen)
    warnings.push(
      'target: Dalel does not know which post was right-clicked (reload the page, then right-click the post again); the whole page was captured',
    );
  const capturedAt = new Date().toISOString();
  let html = '';
  let resources: string[] = [];
  let documentFile: Collected['document'] = null;
  // The monitor's own name, avatar, "logged in as": found now, redacted in working copies later.
  let viewer: ReturnType<typeof findViewerIdentity> = [];
  try {
    viewer = findViewerIdentity(doc, platformOfUrl(new URL(url)));
  } catch (error) {
    warnings.push(`viewer identity: ${error instanceof Error ? error.message : String(error)}`);
  }
  const regions = viewerRegions(win, viewer);
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
      const snapshot = serializeSnapshot(doc, {
        url,
        capturedAt,
        nonce,
        target: container,
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
  const extraction = extractRecord(doc, new URL(url), chosen?.element);
  const { record } = extraction;
  if (record.target && chosen) record.target.reportedBy = chosen.by;
  // "Capture this post" keeps the videos of that post only.
  const videos = videosOf(container ?? doc);
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
      navigationUrl: navigationUrl(win),
      screen: win.screen ? { width: win.screen.width, height: win.screen.height } : null,
    },
    metrics,
    html,
    resources,
    viewer: regions,
    record,
    media,
    target: container ? { rect: boxOf(win, container), path: record.target?.path ?? '' } : null,
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
