// A page for the content script in Node: a linkedom document (hand-made fixture pages) inside a
// Window-shaped object with just what lib/content reads, and a record of what it called.
import { parseHTML } from 'linkedom';

export interface FakeWindow {
  win: Window;
  document: Document;
  scrolls: { left: number; top: number; behavior: string }[];
  /** The document as serialised markup, to compare before and after. */
  markup(): string;
}

export function fakeWindow(html: string, url: string, size = { width: 1280, height: 800 }) {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const scrolls: FakeWindow['scrolls'] = [];
  let frames = 0;
  const state = { scrollX: 0, scrollY: 0 };
  const win = {
    document,
    location: { href: url },
    navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Test', language: 'kk-KZ' },
    innerWidth: size.width,
    innerHeight: size.height,
    devicePixelRatio: 2,
    screen: { width: 1920, height: 1080 },
    get scrollX() {
      return state.scrollX;
    },
    get scrollY() {
      return state.scrollY;
    },
    scrollTo(options: ScrollToOptions) {
      scrolls.push({
        left: options.left ?? 0,
        top: options.top ?? 0,
        behavior: String(options.behavior),
      });
      state.scrollX = options.left ?? 0;
      state.scrollY = options.top ?? 0;
    },
    requestAnimationFrame(callback: FrameRequestCallback) {
      frames++;
      setTimeout(() => callback(frames * 16), 0);
      return frames;
    },
  } as unknown as Window;
  return {
    win,
    document,
    scrolls,
    frames: () => frames,
    markup: () => document.documentElement.outerHTML,
  };
}
