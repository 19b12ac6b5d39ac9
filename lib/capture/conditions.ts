/**
 * What the browser changed about what the page saw, found by comparing the page's own report with
 * what Dalel measured itself. Tor Browser (and Firefox's `privacy.resistFingerprinting`) tells
 * every page a rounded, letterboxed window, a screen the size of that window, a spoofed device
 * pixel ratio and time zone, and coarser clocks. The evidence must record the real viewport (the
 * screenshot's own pixels) and say what the page was told. Pure.
 */
export interface ConditionsInput {
  /** What the page reported (CSS px and its devicePixelRatio). */
  pageViewport: { width: number; height: number; devicePixelRatio: number };
  /** The page's `screen` size, CSS px. */
  pageScreen: { width: number; height: number } | null;
  pageTimeZone: string;
  /** The time zone of the extension's own context. */
  deviceTimeZone: string;
  /** Width in pixels of the viewport screenshot actually taken. */
  screenshotWidth: number | null;
}

export interface Conditions {
  /** The viewport as captured: CSS size from the page, pixel ratio from the screenshot. */
  viewport: { width: number; height: number; devicePixelRatio: number };
  conditions: string[];
}

export function captureConditions(input: ConditionsInput): Conditions {
  const { pageViewport: page } = input;
  const conditions: string[] = [];
  let devicePixelRatio = page.devicePixelRatio;
  if (input.screenshotWidth && page.width > 0) {
    const real = Math.round((input.screenshotWidth / page.width) * 100) / 100;
    if (Math.abs(real - page.devicePixelRatio) > 0.01) {
      conditions.push(
        `the page was told a device pixel ratio of ${page.devicePixelRatio}; the screenshot's is ${real} (recorded as the viewport's)`,
      );
      devicePixelRatio = real;
    }
  }
  const screen = input.pageScreen;
  if (screen && screen.width === page.width && screen.height === page.height)
    conditions.push(
      `the browser reported the screen as exactly the window (${page.width}×${page.height} CSS px): fingerprinting protection (Tor Browser, resistFingerprinting) letterboxes and rounds the window the page sees`,
    );
  if (input.pageTimeZone !== input.deviceTimeZone)
    conditions.push(
      `the page was told the time zone ${input.pageTimeZone}; Dalel's own clock is in ${input.deviceTimeZone} (capture times are Dalel's, in UTC)`,
    );
  return { viewport: { width: page.width, height: page.height, devicePixelRatio }, conditions };
}

/** Width of a PNG from its IHDR chunk, or null for anything else. */
export function pngWidth(bytes: Uint8Array): number | null {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return null;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(16);
}
