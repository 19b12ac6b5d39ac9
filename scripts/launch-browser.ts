// `npm start` and `npm run demo`: open Debian's Chromium with the freshly built extension.
//   npm start      — a normal browser profile (.tmp/profile) on the real web, landing on Dalel's
//                    first-run page (what it does, the passphrase, the key, pinning the button).
//   npm run demo   — the offline fixture site (pages served as instagram.com, facebook.com, …);
//                    nothing leaves the machine. Lands on its list of pages, https://dalel.test/.
// Without a display (a server, CI) it says how to run it under Xvfb instead of failing obscurely.
// DALEL_PROFILE=<dir> uses another profile for `npm start`.
// DALEL_SCREENSHOT=<file.png> takes a picture of the page it landed on and closes the browser:
// how the README's two commands are checked from a clean clone (tests/e2e/newcomer.spec.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension } from '../tests/e2e/support/launch';
import { DEMO_START } from '../tests/e2e/support/site';
import { repoRoot } from '../tests/support/shared-fixtures';

const demo = process.argv.includes('--demo');
const headless = process.argv.includes('--headless');
const screenshot = process.env.DALEL_SCREENSHOT;

if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display found. On a desktop run this from a graphical session; on a server use\n' +
      `  xvfb-run -a npm ${demo ? 'run demo' : 'start'}\n` +
      `Or load the unpacked build yourself: ${EXTENSION_DIR}`,
  );
  process.exit(2);
}

console.log(`Extension (unpacked, for chrome://extensions → Load unpacked): ${EXTENSION_DIR}`);
console.log(
  `Firefox build (about:debugging → Load Temporary Add-on): ${path.join(repoRoot, '.output/firefox-mv2')}`,
);

/** The extension's id, from its service worker's address. */
async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return new URL(worker.url()).host;
}

/** Shows `url` in one tab: the first-run tab Dalel opened itself, else the blank first tab. */
async function landOn(context: BrowserContext, url: string): Promise<Page> {
  // On a new profile Dalel opens its first-run page on install: use that tab, not a second one.
  const deadline = Date.now() + 3_000;
  let page = context.pages().find((p) => p.url() === url);
  while (!page && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    page = context.pages().find((p) => p.url() === url);
  }
  if (!page) {
    page = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
    await page.goto(url);
  }
  for (const other of context.pages())
    if (other !== page && other.url() === 'about:blank') await other.close();
  await page.bringToFront();
  await page.waitForLoadState('load');
  return page;
}

async function finish(context: BrowserContext, page: Page, what: string): Promise<void> {
  console.log(`${what} — close the browser window to stop.`);
  if (screenshot) {
    await page.waitForTimeout(1_500); // the page asks the worker for its data first
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`Landed on ${page.url()}; screenshot: ${screenshot}`);
    await context.close();
    return;
  }
  await new Promise((resolve) => context.on('close', resolve));
}

if (demo) {
  const { context } = await launchWithExtension({ headless, viewport: null });
  const page = await landOn(context, DEMO_START);
  await finish(context, page, `Demo site open at ${DEMO_START}`);
} else {
  const profile = process.env.DALEL_PROFILE ?? path.join(repoRoot, '.tmp/profile');
  mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport: null,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-first-run',
    ],
  });
  const id = await extensionIdOf(context);
  const page = await landOn(context, `chrome-extension://${id}/welcome.html`);
  await finish(context, page, `Profile: ${profile}; Dalel's first-run page is open`);
}
