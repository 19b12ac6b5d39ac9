import {
  test as base,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { launchWithExtension } from './launch';

export interface ExtensionFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
  /** An extension page (the dashboard) to send protocol messages from. */
  extensionPage: Page;
  /** Sends one protocol message from an extension page and returns the raw response. */
  send: (message: Record<string, unknown>) => Promise<{ ok: boolean; data?: any; error?: any }>;
}

export const test = base.extend<ExtensionFixtures>({
  // Four fixtures from one launch; Playwright needs each declared.
  context: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched.context);
    await launched.context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  userDataDir: async ({}, use) => use(''),
  extensionPage: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await use(page);
  },
  send: async ({ extensionPage }, use) => {
    await use((message) => sendFrom(extensionPage, message));
  },
});

/** Sends a protocol message from the given page's context (an extension page or a web page). */
export function sendFrom(page: Page, message: Record<string, unknown>) {
  return page.evaluate(
    (m) => (globalThis as any).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<{ ok: boolean; data?: any; error?: any }>;
}

export { expect };
