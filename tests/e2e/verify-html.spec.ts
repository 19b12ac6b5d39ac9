// verify.html, extracted from a package and opened from file:// in Chromium with no network,
// shows VALID for a good package and INVALID for a tampered one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { buildDemoInput } from '../../lib/demo/demo-input';
import { jsPrimitives } from '../../lib/evidence/primitives';
import { writePackage } from '../../lib/evidence/package-writer';
import { generateSigningKey } from '../../lib/evidence/signing';
import { openZip, readEntryBytes } from '../../lib/evidence/zip/reader';
import { bytesSource } from '../../lib/evidence/zip/source';

let dir: string;
let browser: Browser;
let fingerprint: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalel-verify-html-'));
  const key = await generateSigningKey();
  fingerprint = key.fingerprint;
  const parts: Uint8Array[] = [];
  await writePackage(
    await buildDemoInput(key, new Date()),
    async (c) => void parts.push(c.slice()),
  );
  const zip = Buffer.concat(parts);
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
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function verdictFor(file: string, pin = ''): Promise<{ verdict: string; checks: string }> {
  const context = await browser.newContext({ offline: true });
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
    checks: (await page.locator('#checks').textContent()) ?? '',
  };
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  await context.close();
  return result;
}

test('shows VALID with the signer fingerprint for a good package', async () => {
  const { verdict, checks } = await verdictFor('good.zip');
  expect(verdict).toMatch(/^VALID/);
  expect(verdict).toContain(fingerprint);
  expect(checks).toContain('Ed25519 signature valid');
  expect(checks).toContain('custody log intact');
});

test('shows VALID against the pinned fingerprint and INVALID against another', async () => {
  expect((await verdictFor('good.zip', fingerprint)).verdict).toContain(
    'signed by the expected key',
  );
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

test('shows UNREADABLE for a file that is not a package', async () => {
  expect((await verdictFor('not-a-zip.zip')).verdict).toMatch(/^UNREADABLE/);
});

test('the page is self-contained: no external script, style or network reference', () => {
  const html = readFileSync(join(dir, 'verify.html'), 'utf8');
  // Network use itself is checked above (offline context, no non-file requests); here: no external resources.
  expect(/<script[^>]+src=|<link[^>]*href=|<img[^>]+src=|<iframe/i.test(html)).toBe(false);
  expect(html).toContain(
    "content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'\"",
  );
});
