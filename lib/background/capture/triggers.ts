import { browser } from 'wxt/browser';
import type { Trigger } from '../../capture/trigger-failure';
import { POST_PAGE_MATCHES } from '../../platforms/hosts';
import type { CaptureOptions } from './capture-options';

export const CONTEXT_MENU_ID = 'dalel-capture-page';
/** "Capture this post": offered on the platforms' pages, where a right-click can name a post. */
export const POST_MENU_ID = 'dalel-capture-post';
export const CAPTURE_COMMAND = 'capture-page';

type MenusApi = typeof browser.contextMenus;

/**
 * The browser's context-menu API. Firefox's build asks for `menus`, the only permission under
 * which Firefox offers content scripts `menus.getTargetElement` (the element `onClicked`'s
 * `targetElementId` names: the one the menu was opened on); Chrome has only `contextMenus`. Both
 * have the same calls. Null where there is no context menu (Firefox for Android): the shortcut
 * and the popup still work.
 */
function contextMenusApi(): MenusApi | null {
  const b = browser as unknown as { menus?: MenusApi; contextMenus?: MenusApi };
  return b.menus ?? b.contextMenus ?? null;
}

/**
 * The context-menu item and the keyboard command start the same capture as the popup. Both are
 * user gestures, so they also grant `activeTab` on that tab. Listeners register synchronously.
 * No page shows their outcome, so every failure (locked, no storage, …) goes to `onFailure`,
 * which makes it visible; none is swallowed.
 */
export function registerCaptureTriggers(
  run: (tabId: number, options?: CaptureOptions) => Promise<unknown>,
  onFailure: (tabId: number, via: Trigger, error: unknown) => Promise<unknown>,
): void {
  const start = (tabId: number | undefined, via: Trigger, options?: CaptureOptions) => {
    if (tabId === undefined || tabId < 0) return;
    run(tabId, options).catch((error: unknown) =>
      onFailure(tabId, via, error).catch(() => undefined),
    );
  };
  const menus = contextMenusApi();
  if (menus) registerMenuItems(menus, start);
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== CAPTURE_COMMAND) return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    start(target?.id, 'shortcut');
  });
}

/** "Capture this page" everywhere, "Capture this post" on the platforms' pages. */
function registerMenuItems(
  menus: MenusApi,
  start: (tabId: number | undefined, via: Trigger, options?: CaptureOptions) => void,
): void {
  const createMenu = () =>
    menus
      .removeAll()
      .then(() => {
        menus.create({
          id: CONTEXT_MENU_ID,
          title: browser.i18n.getMessage('menuCapturePage') || 'Capture this page',
          contexts: ['page', 'image', 'video', 'link', 'selection'],
        });
        menus.create({
          id: POST_MENU_ID,
          title: browser.i18n.getMessage('menuCapturePost') || 'Capture this post',
          contexts: ['page', 'image', 'video', 'link', 'selection'],
          documentUrlPatterns: [...POST_PAGE_MATCHES],
        });
      })
      .catch(() => undefined);
  browser.runtime.onInstalled.addListener(createMenu);
  // Firefox (MV2) keeps no menu across a browser restart or an add-on reload: create it at
  // every start too (removeAll first, so Chrome, which keeps them, gets no duplicate).
  void createMenu();
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CONTEXT_MENU_ID) start(tab?.id, 'menu');
    if (info.menuItemId === POST_MENU_ID) {
      // Firefox names the element the menu was opened on (with the `menus` permission); Chrome
      // does not, and the pointer listener's element is taken instead.
      const targetElementId = (info as { targetElementId?: number }).targetElementId;
      start(tab?.id, 'menu', { scope: 'pointer', targetElementId });
    }
  });
}
