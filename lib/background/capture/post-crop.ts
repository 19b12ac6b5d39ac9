import type { CaptureCaps } from '../../capture/caps';
import { planPostBands, type Rect } from '../../capture/post-bands';
import type { PageMetrics } from '../../messaging/content-protocol';
import type { ImagePorts, Tile } from './image-ports';

export interface PostCropDeps {
  windowId: number;
  metrics: PageMetrics;
  /** The viewport screenshot already taken at `metrics.scrollY`. */
  viewport: Uint8Array;
  /** The chosen post's box in document coordinates (CSS px). */
  rect: Rect;
  scrollTo(x: number, y: number): Promise<PageMetrics>;
  assertSameTab(): Promise<void>;
  caps: CaptureCaps;
}

/**
 * A PNG of the chosen post alone ("Capture this post"), cut from viewport screenshots (see
 * planPostBands). The page's scroll position is restored afterwards.
 */
export async function capturePostCrop<T extends Tile>(
  deps: PostCropDeps,
  images: ImagePorts<T>,
): Promise<{ png: Uint8Array; warning: string | null }> {
  const { metrics } = deps;
  const plan = planPostBands(deps.rect, metrics, deps.caps);
  if (!plan) throw new Error('the chosen post has no visible box');
  const first = await images.decode(deps.viewport);
  const scale = first.width / metrics.innerWidth;
  const sheet = images.sheet(
    Math.max(1, Math.round(plan.width * scale)),
    Math.max(1, Math.round(plan.height * scale)),
  );
  let scrolled = false;
  try {
    for (const band of plan.bands) {
      let tile = first;
      let top = metrics.scrollY;
      if (band.scrollY !== null) {
        const at = await deps.scrollTo(metrics.scrollX, band.scrollY);
        scrolled = true;
        await deps.assertSameTab();
        top = at.scrollY;
        tile = await images.decode(await images.captureVisible(deps.windowId));
      }
      const from = Math.max(band.from, top);
      const to = Math.min(band.to, top + metrics.innerHeight);
      if (to > from) {
        const sx = (plan.x - metrics.scrollX) * scale;
        sheet.draw(
          tile,
          sx,
          (from - top) * scale,
          plan.width * scale,
          (to - from) * scale,
          0,
          (from - plan.y) * scale,
          plan.width * scale,
          (to - from) * scale,
        );
      }
      if (tile !== first) tile.close();
    }
  } finally {
    if (scrolled) await deps.scrollTo(metrics.scrollX, metrics.scrollY).catch(() => undefined);
    first.close();
  }
  return { png: await sheet.png(), warning: plan.warning };
}
