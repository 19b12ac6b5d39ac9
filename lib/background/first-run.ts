import { browser } from 'wxt/browser';

/** The first-run page: what Dalel does, a passphrase, the key fingerprint, pinning the button. */
export const WELCOME_PAGE = '/welcome.html';

/**
 * Opens the first-run page when Dalel is installed (not on updates or browser restarts). Opening
 * a tab of our own needs no permission. Registered synchronously with the other listeners.
 */
export function registerFirstRun(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    browser.tabs
      .create({ url: browser.runtime.getURL(WELCOME_PAGE as '/') })
      .catch(() => undefined); // a browser with no window to open it in: the dashboard has it too
  });
}
