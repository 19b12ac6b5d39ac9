import { browser } from 'wxt/browser';

type ActionApi = {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor?(details: { tabId?: number; color: string }): Promise<void>;
  setTitle(details: { tabId?: number; title: string }): Promise<void>;
};

function action(): ActionApi | undefined {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return b.action ?? b.browserAction;
}

/** Shows a capture's outcome on the toolbar button of that tab (… ✓ !), its tooltip the detail. */
export async function badge(tabId: number, text: string, color: string, title?: string) {
  const api = action();
  if (!api) return;
  await Promise.all([
    api.setBadgeText({ tabId, text }),
    api.setBadgeBackgroundColor?.({ tabId, color }),
    title ? api.setTitle({ tabId, title }) : undefined,
  ]).catch(() => undefined); // the tab may be gone; the badge is a courtesy
}
