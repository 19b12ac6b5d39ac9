// Screenshots in Node: a "PNG" here is JSON naming the screen it shows and its pixel size, a tile
// is that JSON decoded, and a sheet records what was drawn where. The fake page scrolls as a
// browser does (clamped to the document) and each screenshot shows the current scroll position.
import type { ImagePorts, Sheet, Tile } from '../../../../lib/background/capture/image-ports';
import type { PageMetrics } from '../../../../lib/messaging/content-protocol';

export interface FakeTile extends Tile {
  /** Which screen it shows: the document row at its top, CSS px. */
  top: number;
  closed: boolean;
}

export interface Draw {
  top: number;
  sx: number;
  sy: number;
  sw: number;
  sh: number;
  dx: number;
  dy: number;
  dw: number;
  dh: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function fakePng(top: number, width: number, height: number): Uint8Array {
  return encoder.encode(JSON.stringify({ top, width, height }));
}

export function fakePage(metrics: PageMetrics, pixelRatio = metrics.devicePixelRatio) {
  const state = {
    scrollY: metrics.scrollY,
    /** Every scrollTo, as the y asked for. */
    scrolls: [] as number[],
    /** Every screenshot taken (not the viewport handed in), as the row it shows. */
    shots: [] as number[],
    tiles: [] as FakeTile[],
    sheets: [] as { width: number; height: number; draws: Draw[] }[],
    /** Throws from assertSameTab once this many screens were scrolled to. */
    leaveAfter: Infinity,
  };
  const width = Math.round(metrics.innerWidth * pixelRatio);
  const height = Math.round(metrics.innerHeight * pixelRatio);
  const images: ImagePorts<FakeTile> = {
    async decode(png) {
      const { top, width, height } = JSON.parse(decoder.decode(png)) as Record<string, number>;
      const tile: FakeTile = {
        top: top!,
        width: width!,
        height: height!,
        closed: false,
        close() {
          this.closed = true;
        },
      };
      state.tiles.push(tile);
      return tile;
    },
    sheet(w, h): Sheet<FakeTile> {
      const record = { width: w, height: h, draws: [] as Draw[] };
      state.sheets.push(record);
      return {
        draw(tile, sx, sy, sw, sh, dx, dy, dw, dh) {
          if (tile.closed) throw new Error('drew a closed tile');
          record.draws.push({ top: tile.top, sx, sy, sw, sh, dx, dy, dw, dh });
        },
        png: async () => encoder.encode(JSON.stringify(record)),
      };
    },
    async captureVisible() {
      state.shots.push(state.scrollY);
      return fakePng(state.scrollY, width, height);
    },
  };
  const deps = {
    windowId: 7,
    metrics,
    viewport: fakePng(metrics.scrollY, width, height),
    async scrollTo(_x: number, y: number): Promise<PageMetrics> {
      state.scrolls.push(y);
      state.scrollY = Math.max(0, Math.min(y, metrics.scrollHeight - metrics.innerHeight));
      return { ...metrics, scrollY: state.scrollY };
    },
    async assertSameTab() {
      if (state.scrolls.length > state.leaveAfter) throw new Error('the tab navigated away');
    },
  };
  return { state, images, deps };
}

export function metrics(over: Partial<PageMetrics> = {}): PageMetrics {
  return {
    scrollX: 0,
    scrollY: 0,
    innerWidth: 400,
    innerHeight: 300,
    scrollHeight: 300,
    devicePixelRatio: 1,
    ...over,
  };
}
