import { browser } from 'wxt/browser';
import { POST_PAGE_MATCHES } from '../../platforms/hosts';
import type { CaptureOptions } from './capture-options';

export const CONTEXT_MENU_ID = 'dalel-capture-page';
/** "Capture this post": offered on the platforms' pages, where a right-click can name a post. */
export const POST_MENU_ID = 'dalel-capture-post';
export const CAPTURE_COMMAND = 'capture-page';

/**
 * The context-menu item and the keyboard command start the same capture as the popup. Both are
 * user gestures, so they also grant `activeTab` on that tab. Listeners register synchronously.
 */
export function registerCaptureTriggers(
  run: (tabId: number, options?: CaptureOptions) => Promise<unknown>,
): void {
  const start = (tabId: number | undefined, options?: CaptureOptions) => {
    if (tabId !== undefined && tabId >= 0) run(tabId, options).catch(() => undefined); // the badge shows it
  };
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CONTEXT_MENU_ID,
      title: browser.i18n.getMessage('menuCapturePage') || 'Capture this page',
      contexts: ['page', 'image', 'video', 'link', 'selection'],
    });
    browser.contextMenus.create({
      id: POST_MENU_ID,
      title: browser.i18n.getMessage('menuCapturePost') || 'Capture this post',
      contexts: ['page', 'image', 'video', 'link', 'selection'],
      documentUrlPatterns: [...POST_PAGE_MATCHES],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CONTEXT_MENU_ID) start(tab?.id);
    if (info.menuItemId === POST_MENU_ID) {
      // Firefox names the element the menu was opened on; Chrome does not (the pointer listener does).
      const targetElementId = (info as { targetElementId?: number }).targetElementId;
      start(tab?.id, { scope: 'pointer', targetElementId });
    }
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== CAPTURE_COMMAND) return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    start(target?.id);
  });
}
