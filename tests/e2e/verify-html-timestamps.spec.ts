// verify.html (extracted from a package, opened from file:// with no network) reports the
// trusted time of a package stamped by a real TSA: untrusted without the TSA's CA, trusted with
// it chosen, and a token over other bytes flagged without changing the verdict.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { buildDemoInput } from '../../lib/demo/demo-input';
import { writePackage } from '../../lib/evidence/package-writer';
import { jsPrimitives } from '../../lib/evidence/primitives';
import { generateSigningKey } from '../../lib/evidence/signing';
import { TIMESTAMPS } from '../../lib/evidence/timestamp/annex';
import { httpTransport } from '../../lib/evidence/timestamp/http';
import { stampStatement } from '../../lib/evidence/timestamp/stamp-statement';
import { openZip, readEntryBytes } from '../../lib/evidence/zip/reader';
import { bytesSource } from '../../lib/evidence/zip/source';
import { ZipWriter } from '../../lib/evidence/zip/writer';
import { makeTestPki, opensslStamp } from '../support/tsa/pki';
import { startTestTsa } from '../support/tsa/server';

let dir: string;
let browser: Browser;

async function zipBytes(write: (target: (c: Uint8Array) => Promise<void>) => Promise<unknown>) {
  const parts: Uint8Array[] = [];
  await write(async (c) => void parts.push(c.slice()));
  return Buffer.concat(parts);
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalel-verify-html-ts-'));
  const pki = makeTestPki();
  const tsa = await startTestTsa(pki);
  try {
    const input = await buildDemoInput(await generateSigningKey(), new Date());
    input.stampSignature = (sig) =>
      stampStatement(sig, [{ url: tsa.url, name: 'Test', caPem: pki.caPem }], httpTransport(5_000));
    const zip = await zipBytes((target) => writePackage(input, target));
    writeFileSync(join(dir, 'stamped.zip'), zip);
    writeFileSync(join(dir, 'tsa-ca.pem'), pki.caPem);
    const archive = await openZip(bytesSource(zip));
    const read = (name: string) =>
      readEntryBytes(
        bytesSource(zip),
        archive.entries.find((e) => e.name === name)!,
        jsPrimitives,
        5e6,
      );
    writeFileSync(join(dir, 'verify.html'), await read('verify.html'));
    // The same package with a second token, over other bytes.
    const forged = await zipBytes(async (target) => {
      const writer = new ZipWriter(target, { primitives: jsPrimitives, modified: new Date() });
      for (const e of archive.entries)
        await writer.add({ name: e.name, data: await read(e.name), compress: false });
      await writer.add({
        name: TIMESTAMPS.token(2),
        data: opensslStamp(pki, Buffer.from('other')),
        compress: false,
      });
      await writer.finish();
    });
    writeFileSync(join(dir, 'forged-token.zip'), forged);
  } finally {
    await tsa.close();
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(file: string, ca?: string) {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(pathToFileURL(join(dir, 'verify.html')).href);
  if (ca) await page.setInputFiles('#tsa-ca', join(dir, ca));
  await page.setInputFiles('#file', join(dir, file));
  await expect(page.locator('#verdict')).not.toHaveClass('pending', { timeout: 20_000 });
  const result = {
    verdict: (await page.locator('#verdict').textContent()) ?? '',
    time: (await page.locator('#time').innerText()) ?? '',
  };
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  await context.close();
  return result;
}

test('without the TSA CA: valid, the token untrusted, no trusted time', async () => {
  const { verdict, time } = await open('stamped.zip');
  expect(verdict).toMatch(/^VALID/);
  expect(time).toContain('Not time-stamped: no trusted token over statement.sig');
  expect(time).toContain('? timestamps/1.tsr: the TSA is not trusted');
});

test('with the TSA CA chosen: the trusted time and the TSA', async () => {
  const { verdict, time } = await open('stamped.zip', 'tsa-ca.pem');
  expect(verdict).toMatch(/^VALID/);
  expect(time).toMatch(
    /Trusted time: signed no later than \S+, by Dalel Test TSA \(timestamps\/1\.tsr\)/,
  );
  expect(time).toContain('✔ timestamps/1.tsr: time-stamped by Dalel Test TSA');
});

test('a token over other bytes is flagged; the verdict does not change', async () => {
  const { verdict, time } = await open('forged-token.zip', 'tsa-ca.pem');
  expect(verdict).toMatch(/^VALID/);
  expect(time).toContain('✘ timestamps/2.tsr: covers other bytes');
  expect(time).toContain('Trusted time: signed no later than');
});
