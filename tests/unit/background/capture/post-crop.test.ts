// "Capture this post": the post's box cut from viewport screenshots, over fake tiles
// (fake-image-ports.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPS } from '../../../../lib/capture/caps';
import { capturePostCrop } from '../../../../lib/background/capture/post-crop';
import { fakePage, metrics, type Draw } from './fake-image-ports';

const caps = DEFAULT_CAPS;

/** The sheet rows the draws fill, in order: they must tile [0, height) without gaps or overlap. */
function rows(draws: Draw[]) {
  return draws.map((d) => [d.dy, d.dy + d.dh]);
}

describe('capturePostCrop', () => {
  it('cuts a post wholly on screen out of the viewport already taken, without scrolling', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 1000, scrollY: 50 }));
    const rect = { x: 50, y: 100, width: 200, height: 150 };
    const out = await capturePostCrop({ ...deps, rect, caps }, images);
    expect(state.scrolls).toEqual([]);
    expect(state.shots).toEqual([]);
    expect(state.sheets[0]).toMatchObject({ width: 200, height: 150 });
    expect(state.sheets[0]!.draws).toEqual([
      { top: 50, sx: 50, sy: 50, sw: 200, sh: 150, dx: 0, dy: 0, dw: 200, dh: 150 },
    ]);
    expect(out.warning).toBeNull();
    expect(state.tiles.every((t) => t.closed)).toBe(true);
  });

  it('scrolls a tall post through the window below the header margin and joins the bands', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 1000 }));
    const rect = { x: 0, y: 100, width: 400, height: 700 };
    await capturePostCrop({ ...deps, rect, caps }, images);
    const { draws, height } = state.sheets[0]!;
    expect(height).toBe(700);
    expect(rows(draws)).toEqual([
      [0, 225],
      [225, 450],
      [450, 675],
      [675, 700],
    ]);
    // Each band starts below the top quarter of its screen (where a feed's fixed bar may be),
    // except where the page could not scroll further.
    for (const d of draws.slice(0, 3)) expect(d.sy).toBe(75);
    for (const d of draws) expect(d.sy + d.sh).toBeLessThanOrEqual(300);
    // Each band comes from a screenshot showing those rows of the document.
    for (const d of draws) expect(d.top + d.sy).toBe(100 + d.dy);
    expect(state.scrolls.at(-1)).toBe(0);
    expect(state.tiles.every((t) => t.closed)).toBe(true);
  });

  it('works in device pixels on a high-density screen', async () => {
    const { state, images, deps } = fakePage(
      metrics({ scrollHeight: 1000, scrollX: 0, devicePixelRatio: 2 }),
    );
    await capturePostCrop(
      { ...deps, rect: { x: 10, y: 20, width: 100, height: 50 }, caps },
      images,
    );
    expect(state.sheets[0]).toMatchObject({ width: 200, height: 100 });
    expect(state.sheets[0]!.draws[0]).toMatchObject({ sx: 20, sy: 40, sw: 200, sh: 100 });
  });

  it('refuses a post with no visible box before taking anything', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 1000 }));
    await expect(
      capturePostCrop({ ...deps, rect: { x: 10, y: 20, width: 0, height: 50 }, caps }, images),
    ).rejects.toThrow('the chosen post has no visible box');
    expect(state.tiles).toEqual([]);
    expect(state.sheets).toEqual([]);
  });

  it('stops when the tab is left and puts the scroll back', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 1000, scrollY: 40 }));
    state.leaveAfter = 1;
    await expect(
      capturePostCrop({ ...deps, rect: { x: 0, y: 100, width: 400, height: 700 }, caps }, images),
    ).rejects.toThrow('the tab navigated away');
    expect(state.scrolls.at(-1)).toBe(40);
    expect(state.tiles.every((t) => t.closed)).toBe(true);
  });

  it('says when a post is taller than the caps allow', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 5000 }));
    const out = await capturePostCrop(
      { ...deps, rect: { x: 0, y: 0, width: 400, height: 3000 }, caps: { ...caps, maxTiles: 2 } },
      images,
    );
    expect(state.sheets[0]!.height).toBe(450);
    expect(out.warning).toContain('cut at 450 px of 3000 px');
  });
});
