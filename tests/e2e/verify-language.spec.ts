// A lawyer or monitor who reads Russian or Kazakh verifies a tampered package in the dashboard:
// the verdict, every failed check and the time-stamp line are in that language, worded from the
// check codes (the same tables as verify.html and `dalel verify --lang`), never the English.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openZip } from '../../lib/evidence/zip/reader';
import { bytesSource } from '../../lib/evidence/zip/source';
import { CHECK_MESSAGES_EN } from '../../lib/evidence/verify-messages';
import { expect, sendFrom, test } from './support/fixtures';
import { msg } from './ui/catalog';
import { shot, useLanguage } from './ui/screens';
import { repoRoot } from '../support/shared-fixtures';

test.use({ actionTimeout: 15_000 });

const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-verify-lang-'));
const tampered = path.join(dir, 'tampered.zip');

test.beforeAll(async () => {
  const good = path.join(dir, 'demo.zip');
  const made = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin/dalel.mjs'), 'demo-package', good],
    {
      encoding: 'utf8',
    },
  );
  if (made.status !== 0) throw new Error(`dalel demo-package failed: ${made.stderr}`);
  // Flip one byte inside the first stored screenshot: its CRC-32 and hash no longer match.
  const zip = readFileSync(good);
  const png = (await openZip(bytesSource(zip))).entries.find((e) => e.name.endsWith('.png'))!;
  const bad = Buffer.from(zip);
  bad[png.dataOffset + 200]! ^= 0x01;
  writeFileSync(tampered, bad);
});

/** The words a reader of each language must see for the two failures of this package. */
const EXPECTED = {
  ru: {
    crc: 'не совпадает CRC-32 (данные повреждены или изменены)',
    files: /не прошли проверку файлы: 1 из \d+/,
    time: 'Без метки времени',
  },
  kk: {
    crc: 'CRC-32 сәйкес емес (деректер зақымдалған не өзгертілген)',
    files: /манифесттегі \d+ файлдың 1 тексеруден өтпеді/,
    time: 'Уақыт белгісі жоқ',
  },
} as const;

for (const lang of ['ru', 'kk'] as const)
  test(`a tampered package verified in the ${lang} dashboard: verdict and failures in ${lang}`, async ({
    extensionPage: page,
    extensionId,
  }) => {
    await useLanguage(page, lang);
    await sendFrom(page, { type: 'settings.set', patch: { passphraseOfferDone: true } });
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#import`);
    await page.reload();
    await page.getByLabel(msg(lang, 'importFile')).setInputFiles(tampered);
    await page.getByRole('button', { name: msg(lang, 'importVerify') }).click();
    const result = page.getByTestId('verify-result');
    await expect(result.locator('#verdict')).toHaveAttribute('data-verdict', 'invalid');
    await expect(result.locator('#verdict')).toContainText(msg(lang, 'verdict_invalid'));

    const crc = result.locator('li[data-code="zip_crc"]');
    await expect(crc).toContainText('captures/cap_demo0001/screenshot-viewport.png:');
    await expect(crc).toContainText(EXPECTED[lang].crc);
    await expect(result.locator('li[data-code="files_failed"]')).toContainText(
      EXPECTED[lang].files,
    );
    await expect(result.getByTestId('verify-timestamps')).toContainText(EXPECTED[lang].time);
    // No English check words anywhere in the list (the English of both failures is absent).
    const text = await result.innerText();
    expect(text).not.toContain(CHECK_MESSAGES_EN.zip_crc());
    expect(text).not.toContain('listed files failed');
    expect(text).not.toContain('Not time-stamped');
    await shot(page, `dashboard-verify-tampered-${lang}`);
  });
