import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import {
  missingCephBinaries,
  RGW_MISSING,
  startRgw,
  type RgwCluster,
} from '../../support/rgw/cluster';
import { bindRgw } from '../../support/rgw/admin';
import { launchWithExtension, type Launched } from './launch';
import { sendFrom } from './fixtures';
import { originPattern } from '../../../lib/permissions/origin-permission';

/** Loopback servers of the test (the S3 engine, the presigning service, a proxy) are real. */
const loopback = (url: URL) => url.hostname === '127.0.0.1';

export interface LockerFixtures {
  /** Launches Chromium with the extension, letting loopback requests through. */
  launch: (userDataDir?: string) => Promise<Launched & { page: Page }>;
}

export interface LockerWorkerFixtures {
  /** One Ceph RGW per Playwright worker, booted on first use and stopped with the worker. */
  rgw: RgwCluster | null;
}

export const test = base.extend<LockerFixtures, LockerWorkerFixtures>({
  rgw: [
    async ({}, use) => {
      const missing = missingCephBinaries();
      if (missing.length) {
        console.warn(
          `\n${'!'.repeat(100)}\n${RGW_MISSING}\n(missing: ${missing.join(', ')})\n${'!'.repeat(100)}\n`,
        );
        await use(null);
        return;
      }
      const cluster = await startRgw();
      bindRgw({
        endpoint: cluster.endpoint,
        region: cluster.region,
        admin: cluster.admin,
        dir: cluster.dir,
      });
      await use(cluster);
      bindRgw(null);
      await cluster.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  launch: async ({}, use) => {
    const opened: BrowserContext[] = [];
    await use(async (userDataDir) => {
      const launched = await launchWithExtension({ userDataDir, passThrough: loopback });
      opened.push(launched.context);
      const page = await launched.context.newPage();
      await page.goto(`chrome-extension://${launched.extensionId}/dashboard.html`);
      return { ...launched, page };
    });
    for (const context of opened) await context.close().catch(() => undefined);
  },
});

/**
 * Allows the extension to reach `origin`, as a user does in the browser's permission prompt:
 * Playwright cannot click the browser's own prompt, so the test first allows the site through the
 * extensions page's API (chrome://extensions → Site access), then — like Settings' Save button —
 * a click on an extension page calls `permissions.request`, which now resolves true without a
 * prompt and records the grant.
 */
export async function grantOrigin(
  context: BrowserContext,
  extensionId: string,
  origin: string,
): Promise<void> {
  const pattern = originPattern(origin);
  const settingsPage = await context.newPage();
  await settingsPage.goto('chrome://extensions');
  await settingsPage.evaluate(
    ([id, p]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, p),
    [extensionId, pattern] as const,
  );
  await settingsPage.close();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await page.evaluate((p) => {
    const button = document.createElement('button');
    button.id = 'grant-for-test';
    button.textContent = 'allow';
    button.addEventListener('click', () => {
      (globalThis as any).__granted = (globalThis as any).chrome.permissions.request({
        origins: [p],
      });
    });
    document.body.append(button);
  }, pattern);
  await page.click('#grant-for-test');
  expect(await page.evaluate(() => (globalThis as any).__granted)).toBe(true);
  await page.close();
}

/** Protocol messages from an extension page. */
export const send = sendFrom;
export { expect };
