import { browser } from 'wxt/browser';
import { planTiles, type CaptureCaps } from '../../capture/caps';
import { pacingFor, ScreenshotPacer } from '../../capture/screenshot-pacing';
import type { PageMetrics } from '../../messaging/content-protocol';
import { dataUrlBytes } from './bytes';

let pacer: ScreenshotPacer | undefined;

/**
 * PNG bytes of what the tab's window shows now; in Chrome paced to stay inside its rate limit,
 * in Firefox at once (lib/capture/screenshot-pacing.ts).
 */
export async function captureVisible(windowId: number): Promise<Uint8Array> {
  pacer ??= new ScreenshotPacer(pacingFor(browser));
  const wait = pacer.delay(Date.now());
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  pacer.took(Date.now());
  return dataUrlBytes(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
}

export interface FullPageDeps {
  windowId: number;
  metrics: PageMetrics;
  /** The viewport screenshot already taken at `metrics.scrollY`. */
  viewport: Uint8Array;
  scrollTo(x: number, y: number): Promise<PageMetrics>;
  /** Throws when the tab is no longer the one being captured (closed, navigated, switched). */
  assertSameTab(): Promise<void>;
  caps: CaptureCaps;
}

async function bitmap(png: Uint8Array): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
}

/**
 * A full-page PNG by scrolling and stitching viewport screenshots (works without the `debugger`
 * permission; see ARCHITECTURE.md). The page's scroll position is restored afterwards.
 * Returns the viewport bytes themselves when the page fits in one screen.
 */
export async function stitchFullPage(
  deps: FullPageDeps,
): Promise<{ png: Uint8Array; warning: string | null; tiles: number[]; scale: number }> {
  const { metrics } = deps;
  const first = await bitmap(deps.viewport);
  const scale = first.width / metrics.innerWidth;
  // The captured image can be shorter than innerHeight (e.g. an emulated viewport): step by what it shows.
  const step = Math.max(1, Math.floor(Math.min(metrics.innerHeight, first.height / scale)));
  if (metrics.scrollY === 0 && metrics.scrollHeight <= step + 1) {
    first.close();
    return { png: deps.viewport, warning: null, tiles: [0], scale };
  }
  // Where each screen was drawn (CSS px): a fixed header appears once per screen.
  const tiles: number[] = [];
  const plan = planTiles(metrics.scrollHeight, step, deps.caps);
  const canvas = new OffscreenCanvas(first.width, Math.round(plan.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  try {
    for (const offset of plan.offsets) {
      const at = await deps.scrollTo(metrics.scrollX, offset);
      await deps.assertSameTab();
      const tile =
        at.scrollY === metrics.scrollY ? first : await bitmap(await captureVisible(deps.windowId));
      ctx.drawImage(tile, 0, Math.round(at.scrollY * scale));
      tiles.push(at.scrollY);
      if (tile !== first) tile.close();
    }
  } finally {
    await deps.scrollTo(metrics.scrollX, metrics.scrollY).catch(() => undefined);
    first.close();
  }
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { png: new Uint8Array(await blob.arrayBuffer()), warning: plan.warning, tiles, scale };
}
