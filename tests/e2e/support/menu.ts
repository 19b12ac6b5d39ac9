import type { Worker } from '@playwright/test';
import { LAST_FAILURE_KEY } from '../../../lib/capture/trigger-failure';
import type { InPage } from './feed-posts';

/** Dalel's "Capture this post" item (lib/background/capture/triggers.ts, which needs a browser). */
export const POST_MENU_ID = 'dalel-capture-post';

/** What Chromium puts in `OnClickData` for a right-click at an element of the page. */
export interface ClickInfo {
  pageUrl: string;
  frameId: number;
  editable: boolean;
  linkUrl?: string;
  srcUrl?: string;
  mediaType?: 'image' | 'video';
}

/**
 * The `OnClickData` fields Chromium derives from the element a context menu was opened on: the
 * link around it, the image or video it is (the menu's `link`/`image`/`video` contexts).
 */
export function clickInfoAt(inPage: InPage, selector: string): Promise<ClickInfo> {
  return inPage(
    `(selector) => {
      const el = document.querySelector(selector);
      const info = { pageUrl: location.href, frameId: 0, editable: el.isContentEditable };
      const link = el.closest('a[href]');
      if (link) info.linkUrl = link.href;
      if (el.localName === 'img' || el.localName === 'video') {
        info.srcUrl = el.currentSrc || el.src;
        info.mediaType = el.localName === 'img' ? 'image' : 'video';
      }
      return info;
    }`,
    selector,
  );
}

/**
 * Chooses one of Dalel's context-menu items the way Chromium delivers the choice: the service
 * worker's `contextMenus.onClicked` event is dispatched with the item's id, the click data and
 * the tab, so the listener Dalel registered at start-up decides what to capture — the same code
 * path a real click takes from there on. Headless Chromium draws no context menu and neither
 * Playwright nor the DevTools protocol can choose an item of it; what this leaves out is only the
 * menu's drawing and the `activeTab` grant the click gives (tests press the toolbar button for
 * that, `openForCapture`). Fails if Dalel has no item with that id.
 */
export async function chooseMenuItem(
  serviceWorker: Worker,
  tabId: number,
  menuItemId: string,
  info: ClickInfo,
): Promise<void> {
  await serviceWorker.evaluate(
    async ({ tabId, menuItemId, info }) => {
      const chrome = (globalThis as any).chrome;
      // Rejects ("Cannot find menu item with id …") unless Dalel registered this item.
      await chrome.contextMenus.update(menuItemId, {});
      const tab = await chrome.tabs.get(tabId);
      chrome.contextMenus.onClicked.dispatch({ menuItemId, ...info }, tab);
    },
    { tabId, menuItemId, info },
  );
}

type Send = (message: Record<string, unknown>) => Promise<{ ok: boolean; data?: any; error?: any }>;

/**
 * Waits for the capture a menu item started (nothing answers a menu click: the capture is listed
 * when sealed, or its failure is kept for the popup in `storage.session`) and returns it whole.
 */
export async function capturedFromMenu(send: Send, serviceWorker: Worker, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listed = await send({ type: 'capture.list' });
    if (listed.ok && listed.data.length > 0) {
      const got = await send({ type: 'capture.get', id: listed.data[0].id });
      return got.data.capture;
    }
    const failure = await serviceWorker.evaluate(
      async (key) => JSON.stringify(await (globalThis as any).chrome.storage.session.get(key)),
      LAST_FAILURE_KEY,
    );
    if (failure !== '{}') throw new Error(`the menu's capture failed: ${failure}`);
    if (Date.now() > deadline) throw new Error('the menu item started no capture');
    await new Promise((r) => setTimeout(r, 150));
  }
}
