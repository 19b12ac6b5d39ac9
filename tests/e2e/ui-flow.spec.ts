import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, sendFrom, test } from './support/fixtures';
import { openForCapture } from './support/capture';
import { pageBody, SITE_PAGES } from './support/site';
import { repoRoot } from '../support/shared-fixtures';
import { seriousViolations } from './ui/axe';
import { shot } from './ui/screens';

test.use({ actionTimeout: 20_000 });

// The whole monitor's path, keyboard only in the popup: capture a fixture post, tag it to a new
// person and a new case, find it in the dashboard by filters, export the case, verify the
// package with `dalel verify`. Names are fictional.
test('capture, tag from the popup, find, export and verify', async ({
  context,
  extensionId,
  extensionPage,
}) => {
  test.setTimeout(180_000);
  const fixture = SITE_PAGES.find((p) => p.url.startsWith('https://x.com'))!;
  test.skip(pageBody(fixture) === null, 'real fixtures not present');
  const { page: site, tabId } = await openForCapture(
    context,
    extensionId,
    extensionPage,
    fixture.url,
  );

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await site.bringToFront(); // captureVisibleTab photographs the active tab
  const captureButton = popup.getByRole('button', { name: 'Capture this page' });
  await expect(captureButton).toBeFocused();
  await popup.keyboard.press('Enter');
  const hash = popup.getByTestId('sealed').getByTestId('short-hash');
  await expect(hash).toHaveText(/^[0-9a-f]{12}$/, { timeout: 60_000 });
  const shortHash = (await hash.textContent())!;
  await expect(popup.getByTestId('author')).not.toBeEmpty();
  await expect(popup.getByTestId('excerpt')).not.toBeEmpty();

  // Keyboard only from here: the cursor is already in "Persons".
  const persons = popup.getByRole('combobox', { name: 'Persons' });
  await expect(persons).toBeFocused();
  await popup.keyboard.type('Aliya Nurpeisova');
  await expect(
    popup.getByRole('option', { name: 'Create person “Aliya Nurpeisova”' }),
  ).toBeVisible();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('chosen-persons')).toContainText('Aliya Nurpeisova');
  await expect(persons).toBeFocused();
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('button', { name: 'Remove Aliya Nurpeisova' })).toBeFocused();
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('combobox', { name: 'Case' })).toBeFocused();
  await popup.keyboard.type('Nurpeisova case');
  await popup.keyboard.press('Enter'); // "Create case …" → the inline form, title filled in
  await expect(popup.getByLabel('Title')).toBeFocused();
  await expect(popup.getByLabel('Title')).toHaveValue('Nurpeisova case');
  await popup.keyboard.press('Tab');
  await popup.keyboard.type('Art. 174 Part 1');
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('chosen-case')).toContainText('Nurpeisova case');
  const category = popup.getByLabel('What it shows');
  await expect(category).toBeFocused();
  await expect(category).toHaveValue('ground');
  await popup.keyboard.press('Tab');
  await expect(popup.getByLabel('Note')).toBeFocused();
  await popup.keyboard.type('Cited in the expert opinion');
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('button', { name: 'Save tags' })).toBeFocused();
  expect(await seriousViolations(popup)).toEqual([]);
  await shot(popup, 'popup-tagging-en');
  await popup.keyboard.press('Enter');
  // It says to whom and to what the capture is now tagged, by name.
  await expect(popup.getByTestId('tagged')).toContainText(
    'Saved: tagged to Aliya Nurpeisova · Nurpeisova case',
  );

  // Find it in the dashboard by filters.
  const dash = extensionPage;
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html#captures`);
  await dash.reload(); // it was opened before the person and case existed
  await dash.getByLabel('Person', { exact: true }).selectOption({ label: 'Aliya Nurpeisova' });
  await dash.getByLabel('Case', { exact: true }).selectOption({ label: 'Nurpeisova case' });
  await dash.getByLabel('Platform').selectOption('x');
  await dash.getByLabel('Category').selectOption('ground');
  await dash.getByLabel('Search the text').fill('expert opinion');
  await expect(dash.getByTestId('capture-count')).toHaveText('Found: 1');
  const row = dash.getByTestId('capture-table').locator('tbody tr');
  await expect(row.getByTestId('short-hash')).toHaveText(shortHash);
  await dash.getByLabel('Search the text').fill('no such words anywhere');
  await expect(dash.getByTestId('capture-count')).toHaveText('Found: 0');
  await dash.getByLabel('Search the text').fill('');
  await row.getByRole('link').first().click();
  await expect(dash.getByTestId('capture-tags')).toContainText('Aliya Nurpeisova');
  await expect(dash.getByTestId('custody-trail')).toContainText('Tagged');
  await expect(dash.getByTestId('custody-trail')).toContainText('Captured and sealed');
  expect(await seriousViolations(dash)).toEqual([]);
  await shot(dash, 'dashboard-capture-detail-real-en');

  // Export the case and verify the package offline with the CLI.
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html#export`);
  await dash.getByLabel('Which case').selectOption({ label: 'Nurpeisova case' });
  // The lawyer needs the report in Russian.
  await dash.getByLabel('Language of the report').selectOption('ru');
  await dash.getByRole('button', { name: 'Create signed package' }).click();
  const summary = dash.getByTestId('export-summary');
  await expect(summary).toContainText('Package ready: case “Nurpeisova case”', {
    timeout: 60_000,
  });
  await expect(summary).toContainText('Captures1');
  await shot(dash, 'dashboard-export-done-en');
  const download = dash.waitForEvent('download');
  await summary.getByRole('link').click();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dalel-ui-')), 'package.zip');
  await (await download).saveAs(file);
  // The lawyer has the monitor's fingerprint from a second channel: only with it is it VALID.
  const { fingerprint } = (await sendFrom(dash, { type: 'key.info' })).data;
  const dalel = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(repoRoot, 'bin/dalel.mjs'), 'verify', file, ...args], {
      encoding: 'utf8',
    });
  const unpinned = dalel();
  expect(unpinned.stdout, unpinned.stderr).toMatch(/^NOT CONFIRMED: /);
  expect(unpinned.status).toBe(3);
  const verify = dalel('--key', fingerprint);
  expect(verify.stdout, verify.stderr).toMatch(/^VALID: /);
  expect(verify.status).toBe(0);
  // report.html in Russian, and report.pdf made in the extension (listed, so verified above).
  const unpacked = mkdtempSync(path.join(os.tmpdir(), 'dalel-ui-'));
  expect(spawnSync('unzip', ['-q', file, '-d', unpacked]).status).toBe(0);
  const html = readFileSync(path.join(unpacked, 'report.html'), 'utf8');
  expect(html).toContain('<html lang="ru">');
  expect(html).toContain('Пакет доказательств: дело «Nurpeisova case»');
  const pdf = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(unpacked, 'report.pdf'), '-'], {
    encoding: 'utf8',
  });
  expect(pdf.status, pdf.stderr).toBe(0);
  expect(pdf.stdout).toContain('Пакет доказательств');
  expect(pdf.stdout).toContain('Aliya Nurpeisova');
  expect(pdf.stdout.replace(/\s+/g, '')).toContain(shortHash);

  // The same package, opened in Import/verify against this installation's own key: every check
  // passes, and importing it adds nothing (everything is recognised as already here).
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html#import`);
  await dash.getByLabel('Package (.zip)').setInputFiles(file);
  await dash.getByLabel('Expected signer (optional)').fill(fingerprint);
  await dash.getByRole('button', { name: 'Verify' }).click();
  const result = dash.getByTestId('verify-result');
  await expect(result).toContainText('Package is intact and signed by the expected key');
  await expect(result).toContainText('matches the expected key');
  await dash.getByRole('button', { name: 'Import into this archive' }).click();
  await expect(dash.getByTestId('import-summary')).toContainText('Imported: 0 captures');
});
