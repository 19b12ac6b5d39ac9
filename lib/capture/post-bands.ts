import type { CaptureCaps } from './caps';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One viewport screenshot to take (scrolled to `scrollY`, or the one already taken: null). */
export interface Band {
  scrollY: number | null;
  /** Document rows [from, to) this screenshot contributes. */
  from: number;
  to: number;
}

export interface PostPlan {
  /** The crop in document coordinates (CSS px), clipped to the page and the caps. */
  x: number;
  y: number;
  width: number;
  height: number;
  bands: Band[];
  warning: string | null;
}

/**
 * How to screenshot one post (a box in document coordinates) tightly: from the viewport already
 * taken when the post is wholly on screen (the usual case after a right-click), else by scrolling
 * it through the viewport. Each scrolled screenshot uses only the rows below a top margin, where a
 * feed's fixed header bar (Facebook, X, VK) may cover the post.
 */
export function planPostBands(
  rect: Rect,
  view: { scrollY: number; innerWidth: number; innerHeight: number; scrollHeight: number },
  caps: CaptureCaps,
): PostPlan | null {
  const x = Math.max(0, Math.floor(rect.x));
  const right = Math.min(view.innerWidth, Math.ceil(rect.x + rect.width));
  const y = Math.max(0, Math.floor(rect.y));
  const wanted = Math.min(Math.max(view.scrollHeight, y), Math.ceil(rect.y + rect.height));
  if (right - x < 1 || wanted - y < 1 || !(view.innerHeight > 0)) return null;
  const margin = Math.min(120, Math.floor(view.innerHeight / 4));
  const usable = view.innerHeight - margin;
  const limit = Math.min(caps.maxFullPageHeight, caps.maxTiles * usable);
  const bottom = Math.min(wanted, y + limit);
  const warning =
    bottom < wanted
      ? `post screenshot cut at ${bottom - y} px of ${wanted - y} px (cap: ${caps.maxFullPageHeight} px, ${caps.maxTiles} screens)`
      : null;
  if (y >= view.scrollY && bottom <= view.scrollY + view.innerHeight) {
    return {
      x,
      y,
      width: right - x,
      height: bottom - y,
      bands: [{ scrollY: null, from: y, to: bottom }],
      warning,
    };
  }
  const bands: Band[] = [];
  for (let row = y; row < bottom; row += usable) {
    bands.push({
      scrollY: Math.max(0, row - margin),
      from: row,
      to: Math.min(bottom, row + usable),
    });
  }
  return { x, y, width: right - x, height: bottom - y, bands, warning };
}
