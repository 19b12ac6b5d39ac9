/** How long the page must be still (no DOM change, no new request) to count as settled. */
export const QUIET_MS = 500;
/** The longest a capture waits for a page to settle before it captures it anyway, with a warning. */
export const SETTLE_MAX_MS = 8_000;

export interface Settled {
  /** Loaded and quiet within the bound; false means it was captured while still changing. */
  settled: boolean;
  waitedMs: number;
}

/**
 * Waits, up to `maxMs`, until the page has loaded (its `load` fired, or no new resource was
 * requested for a while — some pages never fire it) and has been still for `QUIET_MS`: no DOM
 * change, no new request. Reads only; it never touches the page. A page that keeps changing
 * (a ticker, an endless feed) is captured at the bound and the capture says so.
 */
export function waitForSettled(
  win: Window,
  maxMs = SETTLE_MAX_MS,
  quietMs = QUIET_MS,
): Promise<Settled> {
  const started = performance.now();
  let lastChange = started;
  const touch = () => (lastChange = performance.now());
  const mutations = new MutationObserver(touch);
  mutations.observe(win.document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  let requests: PerformanceObserver | null = null;
  try {
    requests = new PerformanceObserver(touch);
    requests.observe({ type: 'resource', buffered: false });
  } catch {
    requests = null; // no resource timing here: DOM quiet alone decides
  }
  // An image still downloading announces nothing until it ends (resource timing reports finished
  // requests only), so a quiet stretch alone must not count as loaded while one is pending.
  const imagePending = () =>
    Array.from(win.document.images).some((img) => !img.complete && img.loading !== 'lazy');
  const loaded = () =>
    win.document.readyState === 'complete' ||
    (performance.now() - lastChange >= quietMs * 4 && !imagePending());
  return new Promise<Settled>((resolve) => {
    const check = () => {
      const now = performance.now();
      const waitedMs = Math.round(now - started);
      const quiet = now - lastChange >= quietMs;
      if ((quiet && loaded()) || waitedMs >= maxMs) {
        mutations.disconnect();
        requests?.disconnect();
        resolve({ settled: quiet && loaded(), waitedMs });
      } else setTimeout(check, 100);
    };
    // Already complete and still? Then the first check, one quiet window later, says so.
    setTimeout(check, Math.min(quietMs, maxMs));
  });
}
