import type { Bidi } from './bidi';
import { WIDGET_ID } from './firefox';

/**
 * The real user gestures that grant Dalel `activeTab` in Firefox, sent into the browser window
 * (chrome scope, reachable with `--remote-allow-system-access`). What does not work, and why,
 * is in shared/research/firefox.md: key events sent to the page never reach extension shortcuts,
 * and `browserAction.openPopup()` from a page grants nothing.
 */

/** The browser window's own browsing context (browser.xhtml). */
export async function chromeContext(bidi: Bidi): Promise<string> {
  const tree = await bidi.send<{ contexts: Array<{ context: string; url: string }> }>(
    'browsingContext.getTree',
    { 'moz:scope': 'chrome', maxDepth: 0 },
  );
  const window = tree.contexts.find((c) => c.url.startsWith('chrome://browser/content/browser'));
  if (!window) throw new Error('no browser window');
  return window.context;
}

/**
 * Presses a key combination in the browser window as native key events (nsITextInputProcessor,
 * the way Firefox's own tests do), with focus in the address bar, like a monitor who just
 * looked at the page. `keys` is e.g. ['Alt', 'Shift', 'S'].
 */
export async function pressShortcut(bidi: Bidi, keys: string[]): Promise<void> {
  await bidi.call(
    await chromeContext(bidi),
    `(keys) => {
      window.focus();
      gURLBar.focus();
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
      const KE = window.KeyboardEvent;
      const event = (key) => {
        if (key === 'Alt') return new KE('', { key, code: 'AltLeft', keyCode: KE.DOM_VK_ALT });
        if (key === 'Shift') return new KE('', { key, code: 'ShiftLeft', keyCode: KE.DOM_VK_SHIFT });
        if (key === 'Control') return new KE('', { key, code: 'ControlLeft', keyCode: KE.DOM_VK_CONTROL });
        if (key === 'Enter') return new KE('', { key, code: 'Enter', keyCode: KE.DOM_VK_RETURN });
        const upper = key.toUpperCase();
        return new KE('', { key, code: 'Key' + upper, keyCode: KE['DOM_VK_' + upper] });
      };
      const events = keys.map(event);
      for (const e of events) tip.keydown(e);
      for (const e of [...events].reverse()) tip.keyup(e);
    }`,
    keys,
  );
}

/** Clicks Dalel's (pinned) toolbar button: opens the popup on the current tab. */
export async function clickToolbarButton(bidi: Bidi): Promise<void> {
  await bidi.call(
    await chromeContext(bidi),
    `(widget) => {
      const node = CustomizableUI.getWidget(widget + '-browser-action')?.forWindow(window)?.node;
      // Since Firefox 109 the widget is a toolbaritem around the action button.
      const button = node?.querySelector('.unified-extensions-item-action-button') ?? node;
      if (!button) throw new Error('Dalel has no toolbar button');
      button.doCommand();
    }`,
    WIDGET_ID,
  );
}

/**
 * Right-clicks the page at (x, y) with BiDi input actions (the page's real context menu opens)
 * and activates Dalel's item `itemId` in it (found inside Dalel's submenu if Firefox grouped the
 * items there).
 */
export async function contextMenuItem(
  bidi: Bidi,
  tabContext: string,
  itemId: string,
  at: { x: number; y: number } = { x: 40, y: 40 },
): Promise<void> {
  await bidi.send('input.performActions', {
    context: tabContext,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: at.x, y: at.y },
          { type: 'pointerDown', button: 2 },
          { type: 'pointerUp', button: 2 },
        ],
      },
    ],
  });
  await bidi.call(
    await chromeContext(bidi),
    `async ({ widget, itemId }) => {
      const wait = async (ok, what) => {
        for (let i = 0; i < 100; i++) { if (ok()) return; await new Promise((r) => setTimeout(r, 50)); }
        throw new Error('timed out waiting for ' + what);
      };
      const menu = document.getElementById('contentAreaContextMenu');
      await wait(() => menu.state === 'open', 'the context menu');
      const id = widget + '-menuitem-_' + itemId;
      await wait(() => document.getElementById(id), 'the menu item ' + id);
      const item = document.getElementById(id);
      const popup = item.parentNode;
      if (popup !== menu) {
        const submenu = popup.parentNode;
        submenu.openMenu(true);
        await wait(() => popup.state === 'open', 'Dalel submenu');
      }
      popup.activateItem(item);
    }`,
    { widget: WIDGET_ID, itemId },
  );
}
