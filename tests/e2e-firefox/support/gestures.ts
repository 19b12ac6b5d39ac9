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

const TIP_SETUP = `
  const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
  if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
  const KE = window.KeyboardEvent;
  const NAMED = {
    Alt: ['AltLeft', KE.DOM_VK_ALT], Shift: ['ShiftLeft', KE.DOM_VK_SHIFT],
    Control: ['ControlLeft', KE.DOM_VK_CONTROL], Enter: ['Enter', KE.DOM_VK_RETURN],
    Tab: ['Tab', KE.DOM_VK_TAB], Escape: ['Escape', KE.DOM_VK_ESCAPE],
    Backspace: ['Backspace', KE.DOM_VK_BACK_SPACE], ArrowDown: ['ArrowDown', KE.DOM_VK_DOWN],
  };
  const event = (key) => {
    if (NAMED[key]) return new KE('', { key, code: NAMED[key][0], keyCode: NAMED[key][1] });
    if (/^[a-z]$/i.test(key))
      return new KE('', { key, code: 'Key' + key.toUpperCase(), keyCode: KE['DOM_VK_' + key.toUpperCase()] });
    if (/^[0-9]$/.test(key)) return new KE('', { key, code: 'Digit' + key, keyCode: KE['DOM_VK_' + key] });
    if (key === ' ') return new KE('', { key, code: 'Space', keyCode: KE.DOM_VK_SPACE });
    return new KE('', { key, keyCode: 0 });
  };
  // Keys go where the browser's focus is: into the open popup if there is one (a panel's
  // <browser> does not take focus by itself when the panel is opened from a script).
  const popup = [...document.querySelectorAll('panel')]
    .find((p) => p.state === 'open' && p.querySelector('browser'))
    ?.querySelector('browser');
  if (popup && !focusAddressBar) popup.focus();
  const press = (combo) => {
    const events = combo.split('+').map(event);
    for (const e of events) tip.keydown(e);
    for (const e of [...events].reverse()) tip.keyup(e);
  };
`;

/**
 * Presses key combinations in the browser window as native key events (nsITextInputProcessor,
 * the way Firefox's own tests do), e.g. `['Alt+Shift+S']`: they go where the browser's focus is,
 * and extension shortcuts see them. With `fromAddressBar` focus is first put in the address bar,
 * like a monitor who has just looked at the page.
 */
export async function pressKeys(bidi: Bidi, combos: string[], fromAddressBar = false) {
  await bidi.call(
    await chromeContext(bidi),
    `({ combos, fromAddressBar }) => {
      const focusAddressBar = fromAddressBar;
      if (fromAddressBar) { window.focus(); gURLBar.focus(); }
      ${TIP_SETUP}
      for (const combo of combos) press(combo);
    }`,
    { combos, fromAddressBar },
  );
}

/** A keyboard shortcut pressed on the page in front (focus in the address bar). */
export function pressShortcut(bidi: Bidi, combo: string): Promise<void> {
  return pressKeys(bidi, [combo], true);
}

/** Types text, one native key event per character, wherever the focus is (e.g. the popup). */
export async function typeText(bidi: Bidi, text: string): Promise<void> {
  await bidi.call(
    await chromeContext(bidi),
    `(text) => {
      const focusAddressBar = false;
      ${TIP_SETUP}
      for (const ch of text) { const e = event(ch); tip.keydown(e); tip.keyup(e); }
    }`,
    text,
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
 * Right-clicks the page at (x, y) (viewport CSS pixels) with BiDi input actions, as a mouse does:
 * the page gets its real `contextmenu` event and Firefox opens its real context menu. Answers once
 * the menu is open.
 */
export async function openContextMenu(
  bidi: Bidi,
  tabContext: string,
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
          { type: 'pointerMove', x: Math.round(at.x), y: Math.round(at.y) },
          { type: 'pointerDown', button: 2 },
          { type: 'pointerUp', button: 2 },
        ],
      },
    ],
  });
  await bidi.call(
    await chromeContext(bidi),
    `async () => {
      const menu = document.getElementById('contentAreaContextMenu');
      for (let i = 0; i < 100; i++) {
        if (menu.state === 'open') return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('timed out waiting for the context menu');
    }`,
  );
}

/**
 * Activates Dalel's item `itemId` in the open context menu, as a click on it does (opening
 * Dalel's submenu first if Firefox grouped the items there). Answers the label the monitor saw.
 */
export async function activateMenuItem(bidi: Bidi, itemId: string): Promise<string> {
  return bidi.call<string>(
    await chromeContext(bidi),
    `async ({ widget, itemId }) => {
      const wait = async (ok, what) => {
        for (let i = 0; i < 100; i++) { if (ok()) return; await new Promise((r) => setTimeout(r, 50)); }
        throw new Error('timed out waiting for ' + what);
      };
      const menu = document.getElementById('contentAreaContextMenu');
      if (menu.state !== 'open') throw new Error('the context menu is not open');
      const id = widget + '-menuitem-_' + itemId;
      await wait(() => document.getElementById(id), 'the menu item ' + id);
      const item = document.getElementById(id);
      if (item.hidden || item.disabled) throw new Error('the menu item ' + id + ' is not offered');
      const popup = item.parentNode;
      if (popup !== menu) {
        const submenu = popup.parentNode;
        submenu.openMenu(true);
        await wait(() => popup.state === 'open', 'Dalel submenu');
      }
      const label = item.getAttribute('label');
      popup.activateItem(item);
      return label;
    }`,
    { widget: WIDGET_ID, itemId },
  );
}

/** Dalel's item ids in the context menu Firefox has open now (none: Dalel offers nothing). */
export async function menuItemsShown(bidi: Bidi): Promise<string[]> {
  return bidi.call<string[]>(
    await chromeContext(bidi),
    `(widget) => {
      const prefix = widget + '-menuitem-_';
      return [...document.querySelectorAll('[id^="' + prefix + '"]')]
        .filter((item) => !item.hidden && item.closest('#contentAreaContextMenu'))
        .map((item) => item.id.slice(prefix.length));
    }`,
    WIDGET_ID,
  );
}

/** Closes the open context menu without choosing anything (Escape). */
export async function closeContextMenu(bidi: Bidi): Promise<void> {
  await bidi.call(
    await chromeContext(bidi),
    `() => document.getElementById('contentAreaContextMenu').hidePopup()`,
  );
}

/**
 * Right-clicks the page at (x, y) (the page's real context menu opens) and activates Dalel's
 * item `itemId` in it.
 */
export async function contextMenuItem(
  bidi: Bidi,
  tabContext: string,
  itemId: string,
  at: { x: number; y: number } = { x: 40, y: 40 },
): Promise<void> {
  await openContextMenu(bidi, tabContext, at);
  await activateMenuItem(bidi, itemId);
}
