import type { BrowserContext, Page } from '@playwright/test';

/**
 * Stops the extension's service worker the way the browser does when it kills an idle or
 * misbehaving worker (DevTools protocol `ServiceWorker.stopAllWorkers`, from an extension page of
 * the same origin). In-flight work is cut off at whatever point it reached.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Fires a message from the page without waiting for its answer (kept on `window` for later). */
export function fire(page: Page, message: Record<string, unknown>): Promise<void> {
  return page.evaluate((m) => {
    const w = globalThis as any;
    (w.__pending ??= []).push(
      w.chrome.runtime.sendMessage(m).then(
        (r: unknown) => r,
        (e: unknown) => ({ ok: false, error: { code: 'dropped', message: String(e) } }),
      ),
    );
  }, message);
}
