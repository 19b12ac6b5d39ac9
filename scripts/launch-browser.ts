// `npm start` and `npm run demo`: open Debian's Chromium with the freshly built extension.
//   npm start      — a normal browser profile (.tmp/profile) on the real web.
//   npm run demo   — the offline fixture site (pages served as instagram.com, facebook.com, …);
//                    nothing leaves the machine. Starts at https://dalel.test/.
// Without a display (a server, CI) it says how to run it under Xvfb instead of failing obscurely.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension } from '../tests/e2e/support/launch';
import { repoRoot } from '../tests/support/shared-fixtures';

const demo = process.argv.includes('--demo');
const headless = process.argv.includes('--headless');

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

if (demo) {
  const { context } = await launchWithExtension({ headless, viewport: null });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://dalel.test/');
  console.log('Demo site open at https://dalel.test/ — close the browser window to stop.');
  await new Promise((resolve) => context.on('close', resolve));
} else {
  const profile = path.join(repoRoot, '.tmp/profile');
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
  console.log(`Profile: ${profile} — close the browser window to stop.`);
  await new Promise((resolve) => context.on('close', resolve));
}
