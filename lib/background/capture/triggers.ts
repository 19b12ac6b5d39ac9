import { browser } from 'wxt/browser';

export const CONTEXT_MENU_ID = 'dalel-capture-page';
export const CAPTURE_COMMAND = 'capture-page';

/**
 * The context-menu item and the keyboard command start the same capture as the popup. Both are
 * user gestures, so they also grant `activeTab` on that tab. Listeners register synchronously.
 */
export function registerCaptureTriggers(run: (tabId: number) => Promise<unknown>): void {
  const start = (tabId: number | undefined) => {
    if (tabId !== undefined && tabId >= 0) run(tabId).catch(() => undefined); // the badge shows it
  };
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CONTEXT_MENU_ID,
      title: browser.i18n.getMessage('menuCapturePage') || 'Capture this page',
      contexts: ['page', 'image', 'video', 'link', 'selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CONTEXT_MENU_ID) start(tab?.id);
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== CAPTURE_COMMAND) return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    start(target?.id);
  });
}
