import { z } from 'zod';
import type { RedactionRegion } from '../model/redaction';

/**
 * Capturer protection, pure parts: where the viewer's own identity was on the page, the boxes
 * that cover it in each screenshot, and the HTML snapshot with those elements replaced.
 */

/** Sealed with the capture: what the detector found, in CSS pixels of the page at capture. */
export const VIEWER_REGIONS_NAME = 'viewer-regions.json';

export const viewerRegionSchema = z
  .object({
    id: z.number().int().nonnegative(),
    label: z.string(),
    /** Viewport coordinates (CSS px) when the page was read. */
    x: z.number(),
    y: z.number(),
    width: z.number().nonnegative(),
    height: z.number().nonnegative(),
    /** Fixed or sticky: it appears in every screen of a stitched full-page screenshot. */
    fixed: z.boolean(),
  })
  .strict();
export type ViewerRegion = z.infer<typeof viewerRegionSchema>;

export const viewerRegionsSchema = z
  .object({
    /** The capture's nonce: the snapshot's marks are `dalel-<nonce>-viewer-<id>`. */
    nonce: z.string(),
    scrollX: z.number(),
    scrollY: z.number(),
    regions: z.array(viewerRegionSchema),
  })
  .strict();
export type ViewerRegions = z.infer<typeof viewerRegionsSchema>;

/** Extra pixels around each box: anti-aliased edges and shadows of an avatar stay covered. */
const PAD = 4;

function box(
  x: number,
  y: number,
  w: number,
  h: number,
  scale: number,
  size: { width: number; height: number },
  r: ViewerRegion,
): RedactionRegion | null {
  const left = Math.max(0, Math.floor((x - PAD) * scale));
  const top = Math.max(0, Math.floor((y - PAD) * scale));
  const right = Math.min(size.width, Math.ceil((x + w + PAD) * scale));
  const bottom = Math.min(size.height, Math.ceil((y + h + PAD) * scale));
  if (right <= left || bottom <= top) return null;
  return {
    x: left,
    y: top,
    width: right - left,
    height: bottom - top,
    label: r.label,
    source: 'detected',
    element: r.id,
  };
}

/**
 * Boxes for the viewport screenshot (taken at the scroll position the regions were read at) or
 * the stitched full page (document coordinates; a fixed region once per screen, at each screen's
 * `tiles` scroll offset). `scale` is image pixels per CSS pixel.
 */
export function screenshotBoxes(
  found: ViewerRegions,
  target: 'viewport' | 'full',
  scale: number,
  size: { width: number; height: number },
  tiles: readonly number[] = [],
): RedactionRegion[] {
  const out: RedactionRegion[] = [];
  for (const r of found.regions) {
    if (r.width <= 0 || r.height <= 0) continue;
    if (target === 'viewport') {
      const b = box(r.x, r.y, r.width, r.height, scale, size, r);
      if (b) out.push(b);
    } else if (r.fixed) {
      for (const t of tiles.length ? tiles : [found.scrollY]) {
        const b = box(r.x + found.scrollX, r.y + t, r.width, r.height, scale, size, r);
        if (b) out.push(b);
      }
    } else {
      const b = box(r.x + found.scrollX, r.y + found.scrollY, r.width, r.height, scale, size, r);
      if (b) out.push(b);
    }
  }
  return out;
}

/** The comment that opens a marked element in the snapshot (with its CSS size). */
export const markStart = (nonce: string, id: number, w: number, h: number) =>
  `dalel-${nonce}-viewer-${id} ${Math.round(w)}x${Math.round(h)}`;
export const markEnd = (nonce: string, id: number) => `/dalel-${nonce}-viewer-${id}`;
export const isMark = (nonce: string) => (data: string) =>
  new RegExp(`^/?dalel-${nonce}-viewer-\\d+( \\d+x\\d+)?$`).test(data);

/**
 * The snapshot with the marked elements `ids` replaced by opaque blocks of their size. The marks
 * carry the capture's random nonce and page comments are removed from snapshots, so a page cannot
 * forge one. Answers the ids it replaced (a mark inside a replaced element goes with it).
 */
export function redactSnapshot(
  html: string,
  nonce: string,
  ids: readonly number[],
): { html: string; replaced: number[] } {
  let out = html;
  const replaced: number[] = [];
  for (const id of ids) {
    const start = new RegExp(`<!--dalel-${nonce}-viewer-${id} (\\d+)x(\\d+)-->`);
    const m = start.exec(out);
    if (!m) continue;
    const endMark = `<!--${markEnd(nonce, id)}-->`;
    const end = out.indexOf(endMark, m.index);
    if (end < 0) continue;
    const [w, h] = [Number(m[1]), Number(m[2])];
    const block = `<span data-dalel-redacted="${id}" style="display:inline-block;width:${Math.max(w, 16)}px;height:${Math.max(h, 12)}px;background:#000;vertical-align:middle" title="redacted"></span>`;
    out = out.slice(0, m.index) + block + out.slice(end + endMark.length);
    replaced.push(id);
  }
  return { html: out, replaced };
}

/** The name of a derived (redacted) artifact: `redacted/screenshot-viewport.png`. */
export const redactedName = (original: string) => `redacted/${original}`;
