import type { CaptureCaps } from '../../capture/caps';
import { planPostBands, type Rect } from '../../capture/post-bands';
import type { PageMetrics } from '../../messaging/content-protocol';
import { captureVisible } from './screenshots';

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

async function bitmap(png: Uint8Array): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
}

/**
 * A PNG of the chosen post alone ("Capture this post"), cut from viewport screenshots (see
 * planPostBands). The page's scroll position is restored afterwards.
 */
export async function capturePostCrop(
  deps: PostCropDeps,
): Promise<{ png: Uint8Array; warning: string | null }> {
  const { metrics } = deps;
  const plan = planPostBands(deps.rect, metrics, deps.caps);
  if (!plan) throw new Error('the chosen post has no visible box');
  const first = await bitmap(deps.viewport);
  const scale = first.width / metrics.innerWidth;
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(plan.width * scale)),
    Math.max(1, Math.round(plan.height * scale)),
  );
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
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
        tile = await bitmap(await captureVisible(deps.windowId));
      }
      const from = Math.max(band.from, top);
      const to = Math.min(band.to, top + metrics.innerHeight);
      if (to > from) {
        const sx = (plan.x - metrics.scrollX) * scale;
        ctx.drawImage(
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
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { png: new Uint8Array(await blob.arrayBuffer()), warning: plan.warning };
}
