/**
 * Chrome allows two `captureVisibleTab` calls per second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND,
 * a sliding one-second window) and fails the third; Firefox has no such limit (ext-tabs.js). The
 * pacer spaces calls only where the browser needs it, so a long page costs Chrome its floor of
 * ~0.5 s per extra screen and Firefox nothing.
 */
export const CHROME_WINDOW_MS = 1_000;
/** Clock skew between the extension and the browser process that enforces the window. */
export const CHROME_MARGIN_MS = 25;

export interface PacingPolicy {
  /** Calls allowed per window; Infinity for no limit. */
  perWindow: number;
  windowMs: number;
}

export const UNPACED: PacingPolicy = { perWindow: Infinity, windowMs: 0 };
export const CHROME_PACING: PacingPolicy = {
  perWindow: 2,
  windowMs: CHROME_WINDOW_MS + CHROME_MARGIN_MS,
};

/**
 * Which policy a browser needs, told by its API rather than its user agent: only Firefox has
 * `runtime.getBrowserInfo` (and no quota on screenshots). (Not `tabs.captureTab`: Firefox ESR 153
 * no longer exposes it.)
 */
export function pacingFor(api: { runtime?: object }): PacingPolicy {
  return typeof (api.runtime as { getBrowserInfo?: unknown } | undefined)?.getBrowserInfo ===
    'function'
    ? UNPACED
    : CHROME_PACING;
}

/** Remembers recent calls and says how long the next one must wait. */
export class ScreenshotPacer {
  private readonly recent: number[] = [];
  constructor(private readonly policy: PacingPolicy) {}

  /** Milliseconds to wait before a call at `now`. */
  delay(now: number): number {
    const { perWindow, windowMs } = this.policy;
    if (!Number.isFinite(perWindow) || this.recent.length < perWindow) return 0;
    const oldest = this.recent[this.recent.length - perWindow]!;
    return Math.max(0, oldest + windowMs - now);
  }

  /** Notes a call made at `at`. */
  took(at: number): void {
    if (!Number.isFinite(this.policy.perWindow)) return;
    this.recent.push(at);
    if (this.recent.length > this.policy.perWindow) this.recent.shift();
  }
}
