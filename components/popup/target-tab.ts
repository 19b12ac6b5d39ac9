import { browser } from 'wxt/browser';

/**
 * The tab the popup acts on: the active tab, or `?tabId=` when the popup is opened as a page
 * (keyboard users with a detached popup, and the end-to-end tests).
 */
export async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
