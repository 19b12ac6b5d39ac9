// verify.html, extracted from a package and opened from file:// in Chromium with no network:
// VALID (green) only against the expected fingerprint, "signature intact, signer not confirmed"
// (amber) without one, INVALID for a tampered package — and for every hostile ZIP form the same
// verdict and reasons as `dalel verify` (the CLI's verifier in Node).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { nodePrimitives } from '../../cli/node/primitives';
import { VERIFY_SCRIPT_SHA256 } from '../../lib/evidence/verifier-page/verify-html.generated';
import { verifyPackage } from '../../lib/evidence/verify';
import { jsPrimitives } from '../../lib/evidence/primitives';
import { openZip, readEntryBytes } from '../../lib/evidence/zip/reader';
import { bytesSource } from '../../lib/evidence/zip/source';
import {
  basePackage,
  fakeDescriptorPackage,
  hostileVariants,
  type Base,
} from '../unit/evidence/support/hostile-packages';

let dir: string;
let browser: Browser;
let base: Base;
const hostile: { file: string; zip: Uint8Array; what: string }[] = [];

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalel-verify-html-'));
  base = await basePackage();
  const zip = base.zip;
  writeFileSync(join(dir, 'good.zip'), zip);
  const archive = await openZip(bytesSource(zip));
  const page = archive.entries.find((e) => e.name === 'verify.html')!;
  writeFileSync(
    join(dir, 'verify.html'),
    await readEntryBytes(bytesSource(zip), page, jsPrimitives, 5e6),
  );
  // Tamper: flip one byte inside the first stored screenshot.
  const png = archive.entries.find((e) => e.name.endsWith('.png'))!;
  const bad = Buffer.from(zip);
  bad[png.dataOffset + 200]! ^= 0x01;
  writeFileSync(join(dir, 'tampered.zip'), bad);
  writeFileSync(join(dir, 'not-a-zip.zip'), 'hello');
  const variants = await hostileVariants(base);
  variants.push({ what: 'fake descriptor', zip: (await fakeDescriptorPackage()).zip, code: '' });
  variants.forEach((v, i) => {
    const file = `hostile-${i}.zip`;
    writeFileSync(join(dir, file), v.zip);
    hostile.push({ file, zip: v.zip, what: v.what });
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function verdictFor(
  file: string,
  pin = '',
  locale = 'en-US',
): Promise<{ verdict: string; kind: string; failures: string; checks: string; color: string }> {
  const context = await browser.newContext({ offline: true, locale });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(pathToFileURL(join(dir, 'verify.html')).href);
  if (pin) await page.fill('#key', pin);
  await page.setInputFiles('#file', join(dir, file));
  const verdict = page.locator('#verdict');
  await expect(verdict).not.toHaveClass('pending', { timeout: 20_000 });
  const result = {
    verdict: (await verdict.textContent()) ?? '',
    kind: (await verdict.getAttribute('class')) ?? '',
    failures: (await verdict.getAttribute('data-failures')) ?? '',
    checks: (await page.locator('#checks').textContent()) ?? '',
    color: await verdict.evaluate((e) => getComputedStyle(e).backgroundColor),
  };
  if (file === 'good.zip')
    await page.screenshot({
      path: `test-results/screens/verify-html-${pin ? 'pinned' : 'unconfirmed'}.png`,
    });
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  await context.close();
  return result;
}

test('without a fingerprint: amber "signature intact, signer not confirmed", never VALID', async () => {
  const { verdict, kind, checks, color } = await verdictFor('good.zip');
  expect(kind).toBe('unconfirmed');
  expect(verdict).toMatch(/^SIGNATURE INTACT — SIGNER NOT CONFIRMED/);
  expect(verdict).not.toMatch(/^VALID/);
  expect(verdict).toContain(base.key.fingerprint);
  expect(color).toBe('rgb(255, 241, 194)'); // amber, not the green of VALID
  expect(checks).toContain('Ed25519 signature valid');
  expect(checks).toContain('custody log intact');
});

test('VALID (green) against the expected fingerprint, INVALID against another', async () => {
  const good = await verdictFor('good.zip', base.key.fingerprint);
  expect(good.kind).toBe('valid');
  expect(good.verdict).toMatch(/^VALID — signed by the expected key/);
  expect(good.color).toBe('rgb(223, 243, 223)');
  const other = await verdictFor('good.zip', '0000-0000-0000-0000-0000-0000-0000-0000');
  expect(other.verdict).toMatch(/^INVALID/);
  expect(other.checks).toContain('unknown signer');
});

test('shows INVALID naming the altered file for a tampered package', async () => {
  const { verdict, checks } = await verdictFor('tampered.zip');
  expect(verdict).toMatch(/^INVALID/);
  expect(checks).toMatch(
    /captures\/cap_[a-z0-9]+\/screenshot-viewport\.png: (CRC-32 mismatch|SHA-256)/,
  );
});

test('in Russian (the browser’s language): the verdict and the altered file’s line', async () => {
  const { verdict, checks, failures } = await verdictFor('tampered.zip', '', 'ru-RU');
  expect(verdict).toMatch(/^НЕДЕЙСТВИТЕЛЕН — \d+ проверк/);
  expect(failures.split(' ')).toContain('zip_crc');
  expect(checks).toMatch(
    /captures\/cap_[a-z0-9]+\/screenshot-viewport\.png: не совпадает CRC-32 \(данные повреждены или изменены\)/,
  );
  expect(checks).toContain('журнал хранения цел');
  expect(checks).not.toMatch(/CRC-32 mismatch|custody log intact/);
});

test('a visible switch puts the page, verdict and checks into Kazakh, and back to English', async () => {
  const context = await browser.newContext({ offline: true, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(dir, 'verify.html')).href);
  await page.fill('#key', base.key.fingerprint);
  await page.setInputFiles('#file', join(dir, 'good.zip'));
  const verdict = page.locator('#verdict');
  await expect(verdict).toHaveClass('valid', { timeout: 20_000 });
  await expect(verdict).toHaveText(/^VALID — signed by the expected key/);
  await page.getByLabel('Language', { exact: true }).selectOption('kk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(verdict).toHaveText(/^ЖАРАМДЫ — күтілген кілтпен қол қойылған/);
  await expect(page.locator('h1')).toHaveText('Дәлелдер пакетін тексеру');
  await expect(page.locator('#checks')).toContainText(
    `Ed25519 қолтаңбасы ${base.key.fingerprint} кілті үшін дұрыс`,
  );
  await expect(page.locator('#checks')).toContainText('сақтау журналы бүтін');
  await expect(page.locator('#time')).toContainText('Уақыт белгісі жоқ');
  await expect(page.locator('#checks')).not.toContainText('signature valid');
  await page.screenshot({ path: 'test-results/screens/verify-html-kk.png', fullPage: true });
  await page.getByLabel('Тіл', { exact: true }).selectOption('en');
  await expect(verdict).toHaveText(/^VALID — signed by the expected key/);
  await context.close();
});

test('Russian page before a package is chosen, and its screenshot', async () => {
  const context = await browser.newContext({ offline: true, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(dir, 'verify.html')).href);
  await expect(page.locator('#verdict')).toHaveText('Пакет не выбран');
  await expect(page.getByLabel('Язык', { exact: true })).toHaveValue('ru');
  await expect(page.locator('#build-name')).toContainText('Программа проверки Dalel');
  await page.setInputFiles('#file', join(dir, 'tampered.zip'));
  await expect(page.locator('#verdict')).toHaveClass('invalid', { timeout: 20_000 });
  await page.screenshot({ path: 'test-results/screens/verify-html-ru.png', fullPage: true });
  await context.close();
});

test('shows UNREADABLE for a file that is not a package', async () => {
  expect((await verdictFor('not-a-zip.zip')).verdict).toMatch(/^UNREADABLE/);
});

test('every hostile ZIP form: the same verdict and failure codes as dalel verify', async () => {
  for (const h of hostile) {
    const node = await verifyPackage(bytesSource(h.zip), {
      pinnedKey: base.key.fingerprint,
      primitives: nodePrimitives,
    });
    const page = await verdictFor(h.file, base.key.fingerprint);
    expect(page.kind, h.what).toBe(node.verdict);
    expect(page.kind, h.what).toBe('invalid');
    expect(page.failures, h.what).toBe(node.failures.map((f) => f.code).join(' '));
  }
});

test('the page is self-contained and names its build', () => {
  const html = readFileSync(join(dir, 'verify.html'), 'utf8');
  // Network use itself is checked above (offline context, no non-file requests); here: no external resources.
  expect(/<script[^>]+src=|<link[^>]*href=|<img[^>]+src=|<iframe/i.test(html)).toBe(false);
  expect(html).toContain(
    "content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'\"",
  );
  expect(html).toContain(`<span id="script-sha256">${VERIFY_SCRIPT_SHA256}</span>`);
});
