// verify.html (extracted from a package, opened from file:// with no network) reports the
// trusted time of a package stamped by a real TSA: untrusted without the TSA's CA, trusted with
// it chosen, and a token over other bytes flagged without changing the verdict — the same
// verdict, failures and trusted time as the Node verifier behind `dalel verify`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { buildDemoInput } from '../../lib/demo/demo-input';
import { writePackage } from '../../lib/evidence/package-writer';
import { jsPrimitives } from '../../lib/evidence/primitives';
import { generateSigningKey } from '../../lib/evidence/signing';
import { TIMESTAMPS } from '../../lib/evidence/timestamp/annex';
import { timestampLines, timestampSummary } from '../../lib/evidence/timestamp/format';
import { shippedAnchors } from '../../lib/evidence/timestamp/known-tsas';
import { parseCertificate, pemCertificates } from '../../lib/evidence/timestamp/x509';
import { verifyPackage } from '../../lib/evidence/verify';
import { httpTransport } from '../../lib/evidence/timestamp/http';
import { stampStatement } from '../../lib/evidence/timestamp/stamp-statement';
import { openZip, readEntryBytes } from '../../lib/evidence/zip/reader';
import { bytesSource } from '../../lib/evidence/zip/source';
import { ZipWriter } from '../../lib/evidence/zip/writer';
import { makeTestPki, opensslStamp } from '../support/tsa/pki';
import { startTestTsa } from '../support/tsa/server';

let dir: string;
let browser: Browser;
let fingerprint: string;
let caPem: string;

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
    const key = await generateSigningKey();
    fingerprint = key.fingerprint;
    caPem = pki.caPem;
    const input = await buildDemoInput(key, new Date());
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

async function open(file: string, ca?: string, pin = fingerprint, locale = 'en-US') {
  const context = await browser.newContext({ offline: true, locale });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(pathToFileURL(join(dir, 'verify.html')).href);
  if (ca) await page.setInputFiles('#tsa-ca', join(dir, ca));
  if (pin) await page.fill('#key', pin);
  await page.setInputFiles('#file', join(dir, file));
  await expect(page.locator('#verdict')).not.toHaveClass('pending', { timeout: 20_000 });
  const result = {
    verdict: (await page.locator('#verdict').textContent()) ?? '',
    verdictClass: (await page.locator('#verdict').getAttribute('class')) ?? '',
    failures: (await page.locator('#verdict').getAttribute('data-failures')) ?? '',
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

test('in Kazakh and Russian: the trusted time, each token line and the verdict', async () => {
  const kk = await open('forged-token.zip', 'tsa-ca.pem', fingerprint, 'kk-KZ');
  expect(kk.verdict).toMatch(/^ЖАРАМДЫ/);
  expect(kk.time).toMatch(/Сенімді уақыт: \S+ кешіктірмей қол қойылған, қызмет Dalel Test TSA/);
  expect(kk.time).toContain('✔ timestamps/1.tsr: Dalel Test TSA қойған уақыт белгісі');
  expect(kk.time).toContain('✘ timestamps/2.tsr: басқа байттарды қамтиды');
  const ru = await open('stamped.zip', undefined, fingerprint, 'ru-RU');
  expect(ru.verdict).toMatch(/^ДЕЙСТВИТЕЛЕН/);
  expect(ru.time).toContain('Без метки времени: нет доверенной метки на statement.sig');
  expect(ru.time).toContain('? timestamps/1.tsr: служба меток времени не доверенная');
  expect(`${kk.time}${ru.time}`).not.toMatch(/Trusted time|time-stamped by|not trusted/);
});

test('a token over other bytes is flagged; the verdict does not change', async () => {
  const { verdict, time } = await open('forged-token.zip', 'tsa-ca.pem');
  expect(verdict).toMatch(/^VALID/);
  expect(time).toContain('✘ timestamps/2.tsr: covers other bytes');
  expect(time).toContain('Trusted time: signed no later than');
});

test('without a fingerprint: amber "not confirmed", the trusted time still shown', async () => {
  const { verdict, verdictClass, time } = await open('stamped.zip', 'tsa-ca.pem', '');
  expect(verdictClass).toBe('unconfirmed');
  expect(verdict).toMatch(/^SIGNATURE INTACT — SIGNER NOT CONFIRMED/);
  expect(time).toContain('Trusted time: signed no later than');
});

test('verify.html and the Node verifier (dalel verify) agree, token by token', async () => {
  const anchors = [...shippedAnchors(), ...pemCertificates(caPem).map(parseCertificate)];
  for (const file of ['stamped.zip', 'forged-token.zip']) {
    const page = await open(file, 'tsa-ca.pem');
    const node = await verifyPackage(bytesSource(readFileSync(join(dir, file))), {
      pinnedKey: fingerprint,
      tsaAnchors: anchors,
    });
    expect(page.verdictClass).toBe(node.verdict);
    expect(page.failures).toBe(node.failures.map((c) => c.code).join(' '));
    expect(page.time).toContain(timestampSummary(node.timestamps));
    for (const line of timestampLines(node.timestamps)) expect(page.time).toContain(line.text);
  }
});

test('an unknown file in timestamps/ makes the package invalid in both', async () => {
  const zip = readFileSync(join(dir, 'stamped.zip'));
  const archive = await openZip(bytesSource(zip));
  const extra = await zipBytes(async (target) => {
    const writer = new ZipWriter(target, { primitives: jsPrimitives, modified: new Date() });
    for (const e of archive.entries)
      await writer.add({
        name: e.name,
        data: await readEntryBytes(bytesSource(zip), e, jsPrimitives, 5e6),
        compress: false,
      });
    await writer.add({
      name: 'timestamps/notes.html',
      data: Buffer.from('<b>x</b>'),
      compress: false,
    });
    await writer.finish();
  });
  writeFileSync(join(dir, 'extra.zip'), extra);
  const page = await open('extra.zip', 'tsa-ca.pem');
  expect(page.verdictClass).toBe('invalid');
  expect(page.failures.split(' ')).toContain('annex_file_unknown');
  const node = await verifyPackage(bytesSource(extra), { pinnedKey: fingerprint });
  expect(node.verdict).toBe('invalid');
  expect(node.failures.map((c) => c.code).join(' ')).toBe(page.failures);
});
