import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { repoRoot } from '../../support/shared-fixtures';
import { installSite, type SitePage } from './site';

export const CHROMIUM = process.env.DALEL_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_DIR = path.join(repoRoot, '.output/chrome-mv3');

export interface LaunchOptions {
  userDataDir?: string;
  headless?: boolean;
  extraPages?: SitePage[];
  viewport?: { width: number; height: number } | null;
  /** Another unpacked build to load instead of the shipped one (a test-only variant). */
  extensionDir?: string;
  /**
   * Also open the DevTools port (a random one, read back from `DevToolsActivePort`): the toolbar
   * popup is reachable only there (Playwright's own connection does not attach to it).
   */
  devtoolsPort?: boolean;
  /** Requests to let through to the real (loopback) network instead of the fixture site. */
  passThrough?: (url: URL) => boolean;
  /**
   * A fresh install opens the first-run page in a new tab, a moment after the worker starts. By
   * default it is waited for and closed, so it cannot take the front mid-test (a toolbar press on
   * a tab that is no longer active grants nothing). `keep` leaves it for the test to look at.
   */
  welcome?: 'close' | 'keep';
}

export interface Launched {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
}

/**
 * Starts Debian's Chromium with the built extension and the fixture site. No request leaves the
 * machine: every host resolves to nothing and every http(s) request is answered by the site.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<Launched> {
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'dalel-e2e-'));
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-gpu',
      // Lets a test press the toolbar button (CDP Extensions.triggerAction), the same user gesture
      // that grants activeTab in real use; Playwright cannot click the browser's toolbar.
      '--enable-unsafe-extension-debugging',
      // One switch only: Chromium honours the last --host-resolver-rules it is given.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ...(options.devtoolsPort ? ['--remote-debugging-port=0'] : []),
    ],
  });
  await installSite(context, options.extraPages, options.passThrough);
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  // Only a new profile installs (and so opens the first-run page); a restarted one does not.
  if (options.userDataDir === undefined && options.welcome !== 'keep')
    await closeWelcomePage(context, extensionId);
  return { context, serviceWorker, extensionId, userDataDir };
}

async function closeWelcomePage(context: BrowserContext, extensionId: string): Promise<void> {
  const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
  const welcome =
    context.pages().find((p) => p.url() === welcomeUrl) ??
    (await context
      .waitForEvent('page', { predicate: (p) => p.url() === welcomeUrl, timeout: 10_000 })
      .catch(() => null));
  await welcome?.close();
}
