import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSigningKey } from '../../lib/evidence/signing';
import { expectedHits } from '../../bench/support/archive';
import { writeArchivePackages } from '../../bench/support/archive-package';
import { importFile } from '../../bench/support/dashboard-timing';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './ui/axe';
import { shot } from './ui/screens';

const N = 250;

test('the captures list shows the newest 100, a count of all, and pages on with "show more"', async ({
  extensionPage: page,
  extensionId,
}) => {
  test.setTimeout(180_000);
  // 250 fictional captures over three platforms, imported through import.run like a backup.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-paging-'));
  const key = await generateSigningKey();
  const { files } = await writeArchivePackages(N, key, dir);
  for (const file of files) await importFile(page, file, key.fingerprint);

  await page.goto(`chrome-extension://${extensionId}/dashboard.html#captures`);
  await page.reload(); // the page was already open: only the hash changed
  const rows = page.getByTestId('capture-table').locator('tbody tr');
  const more = page.getByTestId('capture-more');
  await expect(page.getByTestId('capture-count')).toHaveText('Found: 250 (showing the newest 100)');
  await expect(rows).toHaveCount(100);
  // Newest first: capture n is sealed n minutes into 2026, so cap_00249 leads.
  await expect(rows.first().getByRole('link')).toHaveAttribute('href', '#captures/cap_00249');
  expect(await seriousViolations(page), 'axe on the paged list').toEqual([]);
  await shot(page, 'dashboard-captures-paged');

  await expect(more).toHaveText('Show 100 more');
  await more.click();
  await expect(rows).toHaveCount(200);
  await expect(rows.nth(100).getByRole('link')).toHaveAttribute('href', '#captures/cap_00149');
  await expect(more).toHaveText('Show 50 more');
  await more.click();
  await expect(rows).toHaveCount(250);
  await expect(page.getByTestId('capture-count')).toHaveText('Found: 250');
  await expect(more).toHaveCount(0);

  // A filter starts again from its own first page.
  await page.getByLabel('Platform').selectOption('facebook');
  const facebook = expectedHits(N, { platform: 'facebook' });
  await expect(page.getByTestId('capture-count')).toHaveText(`Found: ${facebook}`);
  await expect(rows).toHaveCount(facebook);
  await expect(more).toHaveCount(0);
  await page.getByLabel('Search the text').fill('alga');
  const alga = expectedHits(N, { platform: 'facebook', alga: true });
  await expect(page.getByTestId('capture-count')).toHaveText(`Found: ${alga}`);
  await expect(rows).toHaveCount(alga);
});
