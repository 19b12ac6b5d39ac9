// The full-page screenshot's scrolling and stitching, over fake tiles (fake-image-ports.ts): what
// is taken, where it is drawn, what is released, and that the monitor's scroll position is back
// where it was, also when the capture fails half-way.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPS } from '../../../../lib/capture/caps';
import { stitchFullPage } from '../../../../lib/background/capture/screenshots';
import { fakePage, metrics } from './fake-image-ports';

const caps = DEFAULT_CAPS;

describe('stitchFullPage', () => {
  it('returns the viewport bytes themselves when the page fits in one screen', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 300 }));
    const out = await stitchFullPage({ ...deps, caps }, images);
    expect(out.png).toBe(deps.viewport);
    expect(out).toMatchObject({ tiles: [0], scale: 1, warning: null });
    expect(state.scrolls).toEqual([]);
    expect(state.shots).toEqual([]);
    expect(state.sheets).toEqual([]);
    expect(state.tiles.every((t) => t.closed)).toBe(true);
  });

  it('also stitches a one-screen page the monitor has scrolled (scrollY is not 0)', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 301, scrollY: 1 }));
    const out = await stitchFullPage({ ...deps, caps }, images);
    expect(out.png).not.toBe(deps.viewport);
    expect(state.sheets).toHaveLength(1);
    expect(state.scrolls.at(-1)).toBe(1);
  });

  it('scrolls screen by screen, draws each where it belongs and reuses the screen it has', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 1000 }));
    const out = await stitchFullPage({ ...deps, caps }, images);
    // The last screen ends at the bottom of the page rather than below it.
    expect(out.tiles).toEqual([0, 300, 600, 700]);
    expect(state.shots).toEqual([300, 600, 700]);
    const [sheet] = state.sheets;
    expect(sheet).toMatchObject({ width: 400, height: 1000 });
    expect(sheet!.draws.map((d) => [d.top, d.dy, d.dh])).toEqual([
      [0, 0, 300],
      [300, 300, 300],
      [600, 600, 300],
      [700, 700, 300],
    ]);
    expect(JSON.parse(new TextDecoder().decode(out.png))).toEqual(sheet);
    expect(state.scrolls.at(-1)).toBe(0);
    expect(state.tiles.every((t) => t.closed)).toBe(true);
    expect(out.warning).toBeNull();
  });

  it('works in device pixels on a high-density screen', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 700, devicePixelRatio: 2 }));
    const out = await stitchFullPage({ ...deps, caps }, images);
    expect(out.scale).toBe(2);
    expect(out.tiles).toEqual([0, 300, 400]);
    expect(state.sheets[0]).toMatchObject({ width: 800, height: 1400 });
    expect(state.sheets[0]!.draws.map((d) => d.dy)).toEqual([0, 600, 800]);
  });

  it('puts the page back where the monitor had scrolled it', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 1000, scrollY: 300 }));
    const out = await stitchFullPage({ ...deps, caps }, images);
    expect(out.tiles).toEqual([0, 300, 600, 700]);
    // The screen at 300 is the viewport already taken.
    expect(state.shots).toEqual([0, 600, 700]);
    expect(state.scrolls.at(-1)).toBe(300);
  });

  it('steps by what the screenshot shows when it is shorter than the window', async () => {
    const page = fakePage(metrics({ scrollHeight: 500 }));
    const short = new TextEncoder().encode(JSON.stringify({ top: 0, width: 400, height: 200 }));
    const out = await stitchFullPage({ ...page.deps, viewport: short, caps }, page.images);
    expect(out.tiles).toEqual([0, 200, 200]);
    expect(page.state.scrolls.slice(0, 3)).toEqual([0, 200, 300]);
  });

  it('cuts a page longer than the caps and says so', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 1000 }));
    const out = await stitchFullPage({ ...deps, caps: { ...caps, maxTiles: 2 } }, images);
    expect(out.tiles).toEqual([0, 300]);
    expect(state.sheets[0]!.height).toBe(600);
    expect(out.warning).toContain('cut at 600 px of 1000 px');
  });

  it('stops when the tab is left, puts the scroll back and releases what it took', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 1000, scrollY: 100 }));
    state.leaveAfter = 2;
    await expect(stitchFullPage({ ...deps, caps }, images)).rejects.toThrow(
      'the tab navigated away',
    );
    // Two screens taken; the tab was gone when the third was scrolled to.
    expect(state.shots).toEqual([0, 300]);
    expect(state.scrolls.at(-1)).toBe(100);
    expect(state.tiles.every((t) => t.closed)).toBe(true);
  });

  it('still fails with the tab error when putting the scroll back fails too', async () => {
    const { state, images, deps } = fakePage(metrics({ scrollHeight: 1000 }));
    state.leaveAfter = 1;
    let scrolls = 0;
    const scrollTo = (x: number, y: number) =>
      ++scrolls > 2 ? Promise.reject(new Error('no tab')) : deps.scrollTo(x, y);
    await expect(stitchFullPage({ ...deps, scrollTo, caps }, images)).rejects.toThrow(
      'the tab navigated away',
    );
  });
});
