import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openForCapture } from './support/capture';
import { expect, sendFrom, test } from './support/fixtures';
import { launchWithExtension } from './support/launch';
import { CAPTURE_PAGES } from './support/site';

const SCREENS = 'test-results/screens';
const PASS = 'жасыл алма 2026 secret';

test('first run: the dashboard offers a passphrase; skipping needs the plain warning first', async ({
  extensionPage: page,
  send,
}) => {
  const offer = page.getByTestId('first-run-passphrase');
  await expect(offer).toBeVisible();
  await expect(
    offer.getByRole('heading', { name: 'Protect this archive with a passphrase' }),
  ).toBeVisible();
  // It belongs to the home screen, under its heading — not above every screen's heading.
  const headings = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('main h1, main h2')].map((h) => h.textContent),
    );
  expect((await headings()).slice(0, 2)).toEqual([
    'Captures',
    'Protect this archive with a passphrase',
  ]);
  for (const screen of ['cases', 'persons', 'export', 'settings']) {
    await page.goto(page.url().replace(/#.*$/, '') + `#${screen}`);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Captures');
    await expect(page.getByTestId('first-run-passphrase'), `on #${screen}`).toHaveCount(0);
  }
  await page.goto(page.url().replace(/#.*$/, '') + '#captures');
  await expect(offer).toBeVisible();
  // A weak passphrase is explained and cannot be submitted (the background refuses it too).
  await offer.getByLabel('New passphrase (at least 12 characters)').fill('password2026');
  await offer.getByLabel('Repeat the new passphrase').fill('password2026');
  await expect(offer.getByTestId('passphrase-strength')).toContainText('common password');
  await expect(offer.getByRole('button', { name: 'Encrypt with this passphrase' })).toBeDisabled();
  expect((await send({ type: 'vault.enable', passphrase: 'password2026' })).error.code).toBe(
    'weak_passphrase',
  );
  await page.screenshot({ path: `${SCREENS}/first-run-weak-en.png`, fullPage: true });
  await offer.getByRole('button', { name: 'Not now…' }).click();
  const warning = page.getByTestId('first-run-warning');
  await expect(warning).toContainText('Without a passphrase, a seized browser reveals everything.');
  await expect(warning).toContainText('sign packages with your key');
  await page.screenshot({ path: `${SCREENS}/first-run-skip-warning-en.png`, fullPage: true });
  await warning
    .getByRole('button', { name: 'I understand — continue without a passphrase' })
    .click();
  await expect(offer).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Captures', exact: true })).toBeVisible();
  await expect(page.getByTestId('first-run-passphrase')).toHaveCount(0);
  expect((await send({ type: 'vault.status' })).data.enabled).toBe(false);
});

test('first run: setting a passphrase there turns the lock on', async ({
  extensionPage: page,
  send,
}) => {
  const offer = page.getByTestId('first-run-passphrase');
  await offer.getByLabel('New passphrase (at least 12 characters)').fill(PASS);
  await offer.getByLabel('Repeat the new passphrase').fill(PASS);
  await expect(offer.getByTestId('passphrase-strength')).toHaveCount(0);
  await offer.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
  await expect(offer).toHaveCount(0, { timeout: 30_000 });
  expect((await send({ type: 'vault.status' })).data).toMatchObject({
    enabled: true,
    locked: false,
  });
  const record = (await send({ type: 'settings.get' })).data;
  expect(record.passphraseOfferDone).toBe(true);
});

test('panic wipe in a Russian UI, held with the keyboard: no Latin word to type', async ({
  extensionPage: page,
  send,
}) => {
  await send({ type: 'person.create', person: { name: 'Айгерим' } });
  await send({ type: 'settings.set', patch: { language: 'ru' } });
  await page.goto(page.url().replace(/#.*$/, '') + '#security');
  await page.reload();
  const hold = page.getByRole('button', { name: 'Удерживайте, чтобы стереть всё' });
  await expect(hold).toBeVisible();
  await hold.focus();
  // A short press of Enter does nothing.
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect((await send({ type: 'person.list' })).data).toHaveLength(1);
  await page.screenshot({ path: `${SCREENS}/wipe-hold-ru.png`, fullPage: true });
  await page.keyboard.down('Space');
  await page.waitForTimeout(1_000);
  await page.keyboard.up('Space');
  // The page reloads on a fresh archive; the wipe took the language setting too.
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible({
    timeout: 15_000,
  });
  expect((await send({ type: 'person.list' })).data).toEqual([]);
});

/**
 * Files of the profile that hold `text` (UTF-8 or UTF-16), relative to the profile. The browser's
 * own records (history, sessions, caches, favicons) are reported apart: Dalel does not write them
 * (ARCHITECTURE.md, "What the browser itself keeps").
 */
function scan(profile: string, texts: string[]) {
  const browserOwned =
    /^(Default\/)?segmentation_platform\/|^Default\/(History|Visited Links|Sessions|Current Session|Current Tabs|Last Session|Last Tabs|Favicons|Top Sites|Network Action Predictor|Shortcuts|DIPS|Cache|Code Cache|GPUCache|Web Data|Preferences|Network\/|Session Storage|trusted_vault|Platform Notifications|Reporting and NEL|TransportSecurity|Trust Tokens|SharedStorage|Login Data)|^(Local State|BrowserMetrics|GrShaderCache|ShaderCache)/;
  const ours: string[] = [];
  const browsers: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && statSync(p).size < 256 * 1024 * 1024) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(p);
        } catch {
          continue;
        }
        for (const text of texts) {
          if (
            bytes.includes(Buffer.from(text, 'utf8')) ||
            bytes.includes(Buffer.from(text, 'utf16le'))
          ) {
            const rel = path.relative(profile, p);
            (browserOwned.test(rel) ? browsers : ours).push(`${rel}: ${text}`);
          }
        }
      }
    }
  };
  walk(profile);
  return { ours, browsers };
}

test('a seized profile: no captured text, note or address outside the vault after lock and after wipe', async () => {
  test.setTimeout(240_000);
  const first = await launchWithExtension();
  const start = await first.context.newPage();
  await start.goto(`chrome-extension://${first.extensionId}/dashboard.html`);
  // What an earlier version left in localStorage: a captured address and an unsaved note, on disk.
  await start.evaluate(() => {
    localStorage.setItem(
      'dalel.popup.capture.9',
      JSON.stringify({ url: 'https://www.instagram.com/p/LegacyZq81/' }),
    );
    localStorage.setItem(
      'dalel.popup.tags.cap_old',
      JSON.stringify({ note: 'LEGACY-NOTE-5521 witness' }),
    );
  });
  // Chromium writes localStorage to disk in batches seconds apart: wait until the note is there.
  await expect
    .poll(() => scan(first.userDataDir, ['LEGACY-NOTE-5521']).ours, {
      message: 'the scan sees localStorage',
      timeout: 30_000,
    })
    .not.toEqual([]);
  await first.context.close();
  const reopened = await launchWithExtension({ userDataDir: first.userDataDir });
  const { context, extensionId } = reopened;
  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`); // any extension page scrubs
  await expect(dash.getByRole('heading', { name: 'Captures', exact: true })).toBeVisible();
  // The filler the scrub wrote to push the old values off the disk goes once it was written.
  await expect
    .poll(() => dash.evaluate(() => Object.keys(localStorage).length), { timeout: 20_000 })
    .toBe(0);
  expect(
    await dash.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('dalel.popup.')),
    ),
  ).toEqual([]);

  const post = CAPTURE_PAGES[0]!;
  const { tabId } = await openForCapture(context, extensionId, dash, post.url);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Capture this page' }).click();
  await expect(popup.getByTestId('sealed')).toBeVisible({ timeout: 60_000 });
  await popup.getByLabel('Note').fill('UNSAVED-NOTE-7781 from the witness');
  // The draft is kept across the popup closing — in session storage, not in a file.
  await popup.close();
  const again = await context.newPage();
  await again.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await expect(again.getByLabel('Note')).toHaveValue('UNSAVED-NOTE-7781 from the witness');
  await again.close();

  expect((await sendFrom(dash, { type: 'vault.enable', passphrase: PASS })).ok).toBe(true);
  await sendFrom(dash, { type: 'vault.lock' });
  await context.close();

  const secrets = [
    'Сегодня на площади', // the captured post's text
    'DalelPost01', // its address
    'UNSAVED-NOTE-7781', // a note typed in the popup, never saved
  ];
  const locked = scan(first.userDataDir, secrets);
  console.info(`profile scan after lock: browser-owned hits ${JSON.stringify(locked.browsers)}`);
  expect(locked.ours, 'plaintext in files Dalel writes, after lock').toEqual([]);
  // What an older version put in localStorage is deleted, but Chromium batches and rate-limits
  // localStorage writes, so its log may keep the old bytes until the browser compacts it: a
  // known limit (ARCHITECTURE.md, "What the browser itself keeps"), reported, not asserted.
  const legacy = scan(first.userDataDir, ['LEGACY-NOTE-5521', 'LegacyZq81']).ours;
  if (legacy.length)
    test
      .info()
      .annotations.push({ type: 'legacy localStorage residue', description: legacy.join('; ') });

  // Later: the panic wipe from the locked screen.
  const second = await launchWithExtension({ userDataDir: first.userDataDir });
  const page = await second.context.newPage();
  await page.goto(`chrome-extension://${second.extensionId}/dashboard.html`);
  expect((await sendFrom(page, { type: 'vault.wipe', confirm: 'WIPE' })).ok).toBe(true);
  await second.context.close();
  const wiped = scan(first.userDataDir, secrets);
  expect(wiped.ours, 'plaintext in files Dalel writes, after wipe').toEqual([]);
});
