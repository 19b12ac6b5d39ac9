import { planTiles, type CaptureCaps } from '../../capture/caps';
import type { PageMetrics } from '../../messaging/content-protocol';
import type { ImagePorts, Tile } from './image-ports';

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

/**
 * A full-page PNG by scrolling and stitching viewport screenshots (works without the `debugger`
 * permission; see ARCHITECTURE.md). The page's scroll position is restored afterwards, also when
 * the capture fails half-way. Returns the viewport bytes themselves when the page fits in one
 * screen.
 */
export async function stitchFullPage<T extends Tile>(
  deps: FullPageDeps,
  images: ImagePorts<T>,
): Promise<{ png: Uint8Array; warning: string | null; tiles: number[]; scale: number }> {
  const { metrics } = deps;
  const first = await images.decode(deps.viewport);
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
  const sheet = images.sheet(first.width, Math.round(plan.height * scale));
  try {
    for (const offset of plan.offsets) {
      const at = await deps.scrollTo(metrics.scrollX, offset);
      await deps.assertSameTab();
      // The screen already taken is not taken again (Chrome allows two screenshots a second).
      const tile =
        at.scrollY === metrics.scrollY
          ? first
          : await images.decode(await images.captureVisible(deps.windowId));
      const dy = Math.round(at.scrollY * scale);
      sheet.draw(tile, 0, 0, tile.width, tile.height, 0, dy, tile.width, tile.height);
      tiles.push(at.scrollY);
      if (tile !== first) tile.close();
    }
  } finally {
    await deps.scrollTo(metrics.scrollX, metrics.scrollY).catch(() => undefined);
    first.close();
  }
  return { png: await sheet.png(), warning: plan.warning, tiles, scale };
}
