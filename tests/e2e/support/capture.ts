import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { sendFrom } from './fixtures';

/**
 * Opens `url` in a new tab made by the extension page (`tabs.create` needs no permission and
 * answers the tab's id), without any user gesture on it: the extension has no access to it yet.
 */
export async function openTab(context: BrowserContext, extensionPage: Page, url: string) {
  const opened = context.waitForEvent('page', { timeout: 10_000 });
  const tabId = await extensionPage.evaluate(
    async (u) =>
      ((await (globalThis as any).chrome.tabs.create({ url: u, active: true })) as { id: number })
        .id,
    url,
  );
  const page = await opened;
  await page.waitForURL(url);
  await page.waitForLoadState('domcontentloaded');
  return { page, tabId };
}

/**
 * The tab id of a page, asked from an extension page. `tabs.query` by URL sees only tabs the
 * extension may read: after the toolbar press (activeTab) or on a host it holds permission for.
 */
export async function tabIdOf(extensionPage: Page, page: Page): Promise<number> {
  const url = page.url();
  // The grant from a toolbar press reaches the tab a moment after the press returns: ask again
  // for a few seconds before giving up.
  const deadline = Date.now() + 5_000;
  for (;;) {
    const id = await extensionPage.evaluate(
      async (u) =>
        (await (globalThis as any).chrome.tabs.query({ url: u }))[0]?.id as number | undefined,
      url,
    );
    if (id !== undefined) return id;
    if (Date.now() > deadline) throw new Error(`no tab found for ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Presses Dalel's toolbar button on the page's tab through CDP (`Extensions.triggerAction`, needs
 * `--enable-unsafe-extension-debugging`): the real user gesture that grants `activeTab`, which
 * `captureVisibleTab` requires. The popup it opens is closed again.
 */
export async function pressToolbarButton(context: BrowserContext, extensionId: string, page: Page) {
  const browser = context.browser();
  if (!browser) throw new Error('no browser-level CDP session for this context');
  const cdp = await browser.newBrowserCDPSession();
  const url = page.url();
  const { targetInfos } = (await cdp.send('Target.getTargets' as any, {
    filter: [{ type: 'tab' }],
  })) as {
    targetInfos: Array<{ targetId: string; url: string }>;
  };
  const tab = targetInfos.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab target for ${url}`);
  await cdp.send('Extensions.triggerAction' as any, { id: extensionId, targetId: tab.targetId });
  // The popup is not one of the context's pages (Playwright does not attach to it): close its
  // target once it is there, so the next press opens a new one rather than closing this one.
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  for (let i = 0; i < 30; i++) {
    const { targetInfos: now } = (await cdp.send('Target.getTargets' as any, {})) as {
      targetInfos: Array<{ targetId: string; url: string }>;
    };
    const popup = now.find((t) => t.url.startsWith(popupUrl));
    if (popup) {
      await cdp.send('Target.closeTarget' as any, { targetId: popup.targetId }).catch(() => {});
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await cdp.detach();
}

/** Opens `url` in a new tab, presses the toolbar button on it, and returns the page and tab id. */
export async function openForCapture(
  context: BrowserContext,
  extensionId: string,
  extensionPage: Page,
  url: string,
) {
  const page = await context.newPage();
  // Some real pages never fire `load` (the saved t.me page tries to open tg:// and embeds iframes).
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForLoadState('load', { timeout: 5_000 }).catch(() => undefined);
  await pressToolbarButton(context, extensionId, page);
  await page.bringToFront();
  return { page, tabId: await tabIdOf(extensionPage, page) };
}

export interface ArtifactBack {
  name: string;
  role: string;
  mediaType: string;
  size: number;
  sha256: string;
  sourceUrl: string | null;
  bytes: Buffer;
}

/** Reads every artifact of a capture back through `artifact.get`. */
export async function readArtifacts(
  extensionPage: Page,
  capture: { artifacts: Omit<ArtifactBack, 'bytes'>[] },
) {
  const out: ArtifactBack[] = [];
  for (const ref of capture.artifacts) {
    const got = await sendFrom(extensionPage, { type: 'artifact.get', sha256: ref.sha256 });
    if (!got.ok) throw new Error(`artifact.get ${ref.name}: ${got.error.message}`);
    out.push({ ...ref, bytes: Buffer.from(got.data.base64, 'base64') });
  }
  return out;
}

export const sha256Ref = (bytes: Buffer) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
