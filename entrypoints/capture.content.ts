import '../lib/zod-config';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { handleContentRequest, type MenusApi } from '../lib/content/handle-request';

/**
 * The capture content script. Never declared in the manifest: the background injects it into the
 * tab being captured, so it runs nowhere else. It keeps no state on the page and exposes nothing
 * to page scripts (it lives in the isolated world and never writes to the DOM).
 */
export default defineContentScript({
  // Runtime-registered and without `matches` (WXT would turn them into host permissions): it is
  // injected only through `activeTab`, after the monitor's click on that tab.
  registration: 'runtime',
  main() {
    const flag = '__dalelCaptureListening';
    const scope = globalThis as Record<string, unknown>;
    if (scope[flag]) return; // injected again into the same page: one listener is enough
    scope[flag] = true;
    const session = crypto.randomUUID();
    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      // Firefox's `menus.getTargetElement` names the element a context menu was opened on.
      return handleContentRequest(message, window, session, browser as unknown as MenusApi);
    });
  },
});
