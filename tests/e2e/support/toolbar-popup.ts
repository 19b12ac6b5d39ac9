import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Launched } from './launch';

const open = new Set<() => Promise<void>>();

/** Closes every toolbar popup still open (after a failed test). */
export async function closeToolbarPopups(): Promise<void> {
  for (const close of [...open]) await close();
}

/**
 * The real toolbar popup: the toolbar button is pressed on the page's tab (CDP
 * `Extensions.triggerAction`, the user's gesture) and the popup that opens is reached over the
 * DevTools port (launch with `devtoolsPort: true`) — Playwright's own connection never attaches
 * to it. The popup then has the width and height Chrome gives it, not a tab's.
 */
export async function openToolbarPopup(
  launched: Launched,
  page: Page,
): Promise<{ popup: Page; close: () => Promise<void> }> {
  const { context, extensionId, userDataDir } = launched;
  const browser = context.browser();
  if (!browser) throw new Error('no browser-level CDP session for this context');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets' as any, {
    filter: [{ type: 'tab' }],
  })) as { targetInfos: Array<{ targetId: string; url: string }> };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction' as any, { id: extensionId, targetId: tab.targetId });
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  // A connection over the port lists the pages that exist when it is made (a popup opened
  // later is not attached), so wait for the popup's target first.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { targetInfos: now } = (await cdp.send('Target.getTargets' as any, {})) as {
      targetInfos: Array<{ url: string }>;
    };
    if (now.some((t) => t.url.startsWith(popupUrl))) break;
    if (Date.now() > deadline) throw new Error('the toolbar popup did not open');
    await new Promise((r) => setTimeout(r, 100));
  }
  await cdp.detach();
  const port = readFileSync(path.join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const remote: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  for (;;) {
    const popup = remote
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url().startsWith(popupUrl));
    if (popup) {
      await popup.waitForLoadState('domcontentloaded');
      const close = async () => {
        // Closed for real: a popup left open would swallow the next press of the button.
        await popup.close().catch(() => undefined);
        await remote.close().catch(() => undefined);
        open.delete(close);
      };
      open.add(close);
      return { popup, close };
    }
    if (Date.now() > deadline) {
      await remote.close();
      throw new Error('the toolbar popup is not reachable over the DevTools port');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Everything in the popup that is cut off or sticks out: the document wider than the popup, a
 * control or text wider than its box, or a box outside the popup's width. Empty when all fits.
 */
export async function layoutProblems(popup: Page): Promise<string[]> {
  return popup.evaluate(() => {
    const problems: string[] = [];
    // Chrome widens a toolbar popup to fit what sticks out, so the document never scrolls:
    // the popup's own box (380 px) is the limit, not the window.
    const main = document.querySelector('main.popup');
    const width = Math.min(
      document.documentElement.clientWidth,
      main ? main.getBoundingClientRect().right : Infinity,
    );
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
      problems.push(
        `page scrolls sideways: ${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}`,
      );
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, a, label, input, select, textarea, h1, h2, h3, p, dt, dd, li, span',
    )) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue; // hidden
      if (el.closest('.visually-hidden')) continue; // for screen readers only, by design
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < -0.5 || box.right > width + 0.5)
        problems.push(`${name(el)} outside the popup: ${box.left}–${box.right} of ${width}`);
      const style = getComputedStyle(el);
      // Text deliberately ellipsised (class "clip") is shown whole in its title.
      if (style.textOverflow === 'ellipsis') continue;
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible')
        problems.push(`${name(el)} is cut: ${el.scrollWidth} > ${el.clientWidth}`);
      if (el.matches('button') && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} text overflows its button`);
    }
    return problems;
  });
}
