import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchWithExtension } from './support/launch';
import { DEMO_START } from './support/site';
import { seriousViolations } from './ui/axe';
import { msg } from './ui/catalog';
import { LANGS, SCREENS } from './ui/screens';
import { repoRoot } from '../support/shared-fixtures';

const PASS = 'жасыл алма 2026 secret';

// A newcomer's first minutes: the README's two commands land somewhere useful, and a fresh
// install opens the first-run page. (Run from a clean clone under xvfb too: see the report.)

function launch(args: string[], env: Record<string, string>) {
  return spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/launch-browser.ts', ...args],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 90_000 },
  );
}

test('`npm start` lands on the first-run page, not a blank tab', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-start-'));
  const shot = path.join(dir, 'start.png');
  const run = launch(['--headless'], { DALEL_SCREENSHOT: shot, DALEL_PROFILE: dir });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/Landed on chrome-extension:\/\/[a-p]{32}\/welcome\.html/);
  expect(existsSync(shot) && readFileSync(shot).length > 10_000).toBe(true);
});

test('`npm run demo` lands on the fixture site’s list of pages (with or without the slash)', async () => {
  const shot = path.join(mkdtempSync(path.join(os.tmpdir(), 'dalel-demo-')), 'demo.png');
  const run = launch(['--demo', '--headless'], { DALEL_SCREENSHOT: shot });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain(`Landed on ${DEMO_START}`);
  const { context } = await launchWithExtension();
  try {
    const page = await context.newPage();
    for (const url of [DEMO_START, DEMO_START.replace(/\/$/, '')]) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dalel offline demo site');
      await expect(page.getByRole('link', { name: 'Instagram post (hand-made)' })).toBeVisible();
      // Labels that name markup read as written (escaped, not parsed).
      await expect(
        page.getByRole('link', { name: 'Hostile: text before <head>, beacons from <html>' }),
      ).toBeVisible();
    }
  } finally {
    await context.close();
  }
});

test('a fresh install opens the first-run page: what Dalel does, passphrase, key, pinning', async () => {
  test.setTimeout(90_000);
  const { context, extensionId } = await launchWithExtension({ welcome: 'keep' });
  try {
    const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
    const opened =
      context.pages().find((p) => p.url() === welcomeUrl) ??
      (await context.waitForEvent('page', {
        predicate: (p) => p.url() === welcomeUrl,
        timeout: 10_000,
      }));
    await opened.waitForLoadState();
    for (const lang of LANGS) {
      const answer = await opened.evaluate(
        (language) =>
          (globalThis as any).chrome.runtime.sendMessage({
            type: 'settings.set',
            patch: { language },
          }),
        lang,
      );
      expect(answer.ok).toBe(true);
      await opened.reload();
      await expect(opened.getByRole('heading', { level: 1 })).toHaveText(msg(lang, 'welcomeTitle'));
      await expect(opened.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/);
      const fingerprint = await opened.getByTestId('fingerprint').textContent();
      await expect(opened.getByTestId('welcome-fingerprint')).toContainText(
        `dalel verify package.zip --key ${fingerprint}`,
      );
      // The passphrase form itself is on the page (no detour to the dashboard).
      const form = opened.getByTestId('welcome-passphrase');
      await expect(form.getByLabel(msg(lang, 'passphraseNewAtLeast', 12))).toBeVisible();
      await expect(form.getByRole('button', { name: msg(lang, 'lockTurnOn') })).toBeDisabled();
      await expect(form.getByRole('link', { name: msg(lang, 'welcomePassphraseSet') })).toHaveCount(
        0,
      );
      await expect(opened.getByTestId('welcome-pin')).toContainText(msg(lang, 'welcomePinChrome'));
      expect(await seriousViolations(opened), `axe on the first-run page in ${lang}`).toEqual([]);
      await opened.screenshot({ path: `${SCREENS}/welcome-${lang}.png`, fullPage: true });
    }
    // Its icon is the extension's own (both builds list every size: tests/meta/manifest.test.ts).
    const icon = await opened.evaluate(async () => (await fetch('/icon/128.png')).status);
    expect(icon).toBe(200);
  } finally {
    await context.close();
  }
});

test('the first-run page sets the passphrase itself: weak ones refused, then the archive locks and unlocks with it', async () => {
  test.setTimeout(120_000);
  const { context, extensionId } = await launchWithExtension({ welcome: 'keep' });
  try {
    const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
    const page =
      context.pages().find((p) => p.url() === welcomeUrl) ??
      (await context.waitForEvent('page', {
        predicate: (p) => p.url() === welcomeUrl,
        timeout: 10_000,
      }));
    await page.waitForLoadState();
    const step = page.getByTestId('welcome-passphrase');
    const send = (message: Record<string, unknown>) =>
      page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
    // The same checks as the dashboard's form: a common password is explained and refused.
    await step.getByLabel('New passphrase (at least 12 characters)').fill('password2026');
    await step.getByLabel('Repeat the new passphrase').fill('password2026');
    await expect(step.getByTestId('passphrase-strength')).toContainText('common password');
    const turnOn = step.getByRole('button', { name: 'Encrypt with this passphrase' });
    await expect(turnOn).toBeDisabled();
    await step.getByLabel('New passphrase (at least 12 characters)').fill(PASS);
    await step.getByLabel('Repeat the new passphrase').fill(PASS);
    await expect(step.getByTestId('passphrase-strength')).toHaveCount(0);
    await turnOn.click();
    await expect(step.getByTestId('welcome-lock-on')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/);
    await page.screenshot({ path: `${SCREENS}/welcome-lock-on-en.png`, fullPage: true });
    expect((await send({ type: 'vault.status' })).data).toMatchObject({
      enabled: true,
      locked: false,
    });
    expect((await send({ type: 'settings.get' })).data.passphraseOfferDone).toBe(true);

    // Locked, the page asks for that passphrase; a wrong one does not open it, this one does.
    expect((await send({ type: 'vault.lock' })).ok).toBe(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Dalel is locked' })).toBeVisible();
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toBeVisible({ timeout: 60_000 });
    expect((await send({ type: 'vault.status' })).data.locked).toBe(true);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(msg('en', 'welcomeTitle'), {
      timeout: 60_000,
    });
    await expect(page.getByTestId('welcome-lock-on')).toBeVisible();
    expect((await send({ type: 'vault.status' })).data.locked).toBe(false);
  } finally {
    await context.close();
  }
});

test('skipping the passphrase on the first-run page needs the warning, then leads to Security', async () => {
  test.setTimeout(90_000);
  const { context, extensionId } = await launchWithExtension({ welcome: 'keep' });
  try {
    const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
    const page =
      context.pages().find((p) => p.url() === welcomeUrl) ??
      (await context.waitForEvent('page', {
        predicate: (p) => p.url() === welcomeUrl,
        timeout: 10_000,
      }));
    await page.waitForLoadState();
    const step = page.getByTestId('welcome-passphrase');
    await step.getByRole('button', { name: 'Not now…' }).click();
    await expect(step.getByTestId('first-run-warning')).toContainText(
      'Without a passphrase, a seized browser reveals everything.',
    );
    await step
      .getByRole('button', { name: 'I understand — continue without a passphrase' })
      .click();
    const later = step.getByRole('link', { name: msg('en', 'welcomePassphraseSet') });
    await expect(later).toHaveAttribute('href', /dashboard\.html#security$/);
    // The dashboard no longer offers it either.
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await expect(page.getByRole('heading', { name: 'Captures', exact: true })).toBeVisible();
    await expect(page.getByTestId('first-run-passphrase')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
