// Packages stamped at export by a real TSA (openssl ts -reply behind HTTP): the verifier reports
// each token, the README's manual command works verbatim, and no token — good, bad or
// untrusted — changes whether the package itself is valid.
import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoInput } from '../../../../lib/demo/demo-input';
import { fromHex } from '../../../../lib/evidence/hex';
import { LAYOUT } from '../../../../lib/evidence/manifest';
import { generateSigningKey } from '../../../../lib/evidence/signing';
import { TIMESTAMPS } from '../../../../lib/evidence/timestamp/annex';
import { httpTransport } from '../../../../lib/evidence/timestamp/http';
import { MANUAL_STEPS } from '../../../../lib/evidence/readme-txt';
import { TSA_VERIFY_COMMAND } from '../../../../lib/evidence/timestamp/readme-section';
import {
  stampStatement,
  type TsaSetting,
} from '../../../../lib/evidence/timestamp/stamp-statement';
import { parseCertificate, pemCertificates } from '../../../../lib/evidence/timestamp/x509';
import { verifyPackage } from '../../../../lib/evidence/verify';
import { bytesSource } from '../../../../lib/evidence/zip/source';
import { makeTestPki, opensslStamp, type TestPki } from '../../../support/tsa/pki';
import { deadUrl, startTestTsa, type TestTsa } from '../../../support/tsa/server';
import { get, repack, unpack, writeToBytes, type Entry } from '../package-fixture';

let pki: TestPki;
let tsa: TestTsa;
let setting: TsaSetting;
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

beforeAll(async () => {
  pki = makeTestPki();
  tsa = await startTestTsa(pki);
  setting = { url: tsa.url, name: 'Test TSA', caPem: pki.caPem };
}, 30_000);
afterAll(() => tsa.close());

const anchors = () => pemCertificates(pki.caPem).map(parseCertificate);

async function stampedPackage(tsas: TsaSetting[], captureTokens = false) {
  const key = await generateSigningKey();
  const input = await buildDemoInput(key, new Date());
  input.stampSignature = (sig) => stampStatement(sig, tsas, httpTransport(5_000));
  if (captureTokens) {
    const first = input.captures[0]!;
    input.captureTimestamps = new Map([[first.id, [sealToken(first.seal)]]]);
  }
  let summary;
  const zip = await writeToBytes({
    ...input,
    stampSignature: async (sig) => {
      const annex = await input.stampSignature!(sig);
      summary = annex.summary;
      return annex;
    },
  });
  return { zip, key, input, summary: summary! };
}

/** A token over a capture's seal, as the capture-time queue gets it (digest, not bytes). */
function sealToken(seal: string): Uint8Array {
  const hex = seal.slice(7);
  execSync(`openssl ts -query -digest ${hex} -sha256 -cert -out seal.tsq`, { cwd: pki.dir });
  execSync('openssl ts -reply -config tsa.cnf -queryfile seal.tsq -out seal.tsr', { cwd: pki.dir });
  return new Uint8Array(readFileSync(join(pki.dir, 'seal.tsr')));
}

describe('export stamped by a real TSA', () => {
  it('verifies, with the token trusted under the test CA and the earliest trusted time', async () => {
    const { zip, summary, input, key } = await stampedPackage([setting], true);
    expect(summary).toEqual([
      expect.objectContaining({
        url: tsa.url,
        ok: true,
        file: TIMESTAMPS.token(1),
        tsa: 'Dalel Test TSA',
      }),
    ]);
    const report = await verifyPackage(bytesSource(zip), {
      pinnedKey: key.fingerprint,
      tsaAnchors: anchors(),
    });
    expect(report.verdict, JSON.stringify(report.failures)).toBe('valid');
    // The annex Dalel adds after signing is part of the container as Dalel writes it.
    expect(report.container).toBe('dalel');
    const tokens = report.timestamps!.tokens;
    expect(tokens.map((t) => [t.file, t.status, t.covers])).toEqual([
      [TIMESTAMPS.token(1), 'trusted', LAYOUT.signature],
      [
        TIMESTAMPS.captureToken(input.captures[0]!.id, 1),
        'trusted',
        `capture ${input.captures[0]!.id}`,
      ],
    ]);
    expect(report.timestamps!.earliest).toMatchObject({
      file: TIMESTAMPS.token(1),
      tsa: 'Dalel Test TSA',
    });
    expect(Math.abs(Date.parse(report.timestamps!.earliest!.time) - Date.now())).toBeLessThan(
      120_000,
    );
    expect(report.timestamps!.captures[input.captures[0]!.id]).toBeDefined();
    const names = (await unpack(zip)).map((e) => e.name);
    expect(names).toContain(TIMESTAMPS.readme);
    // the capture token is signed (listed), the annex is not
    expect(report.manifest!.files.map((f) => f.path)).toContain(
      TIMESTAMPS.captureToken(input.captures[0]!.id, 1),
    );
    expect(report.manifest!.files.map((f) => f.path)).not.toContain(TIMESTAMPS.token(1));
  });

  it('without the TSA CA the package is still valid, the token reported untrusted, no trusted time', async () => {
    const { zip, key } = await stampedPackage([setting]);
    const report = await verifyPackage(bytesSource(zip), { pinnedKey: key.fingerprint }); // shipped roots only
    expect(report.verdict).toBe('valid');
    expect(report.timestamps!.tokens[0]).toMatchObject({
      status: 'untrusted',
      code: 'chain_untrusted',
    });
    expect(report.timestamps!.earliest).toBeNull();
  });

  it("README.txt's openssl command works verbatim on the unpacked package; find step still clean", async () => {
    const { zip } = await stampedPackage([setting]);
    const readme = dec(get(await unpack(zip), LAYOUT.readme));
    expect(readme).toContain(TSA_VERIFY_COMMAND);
    const dir = mkdtempSync(join(tmpdir(), 'dalel-ts-readme-'));
    try {
      writeFileSync(join(dir, 'package.zip'), zip);
      writeFileSync(join(dir, 'tsa-ca.pem'), pki.caPem);
      execSync('unzip -q package.zip -d package', { cwd: dir });
      const sh = (cmd: string) =>
        execSync(cmd, { cwd: join(dir, 'package'), shell: '/bin/bash', stdio: 'pipe' }).toString();
      expect(sh(TSA_VERIFY_COMMAND.replace('<tsa-ca.pem>', '../tsa-ca.pem'))).toContain(
        'Verification: OK',
      );
      // Step 6 admits the tokens and their README, and nothing else under timestamps/.
      const step6 = MANUAL_STEPS[6]!;
      expect(readme).toContain(`   $ ${step6}`);
      expect(sh(step6).trim()).toBe('NOTHING EXTRA');
      writeFileSync(join(dir, 'package', 'timestamps', 'notes.html'), '<b>trust me</b>');
      const extra = spawnSync('bash', ['-c', step6], {
        cwd: join(dir, 'package'),
        encoding: 'utf8',
      });
      expect(extra.status).not.toBe(0);
      expect(extra.stdout).toContain('< timestamps/notes.html');
      expect(extra.stdout).not.toContain('NOTHING EXTRA');
      rmSync(join(dir, 'package', 'timestamps', 'notes.html'));
      // A tampered statement.sig fails the same command.
      writeFileSync(join(dir, 'package', LAYOUT.signature), Buffer.alloc(64, 1));
      expect(() => sh(TSA_VERIFY_COMMAND.replace('<tsa-ca.pem>', '../tsa-ca.pem'))).toThrow(
        /imprint mismatch/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two TSAs, one unreachable: the package is written with one token and says who failed', async () => {
    const dead = { url: await deadUrl(), name: 'Dead', caPem: pki.caPem };
    const { zip, summary, key } = await stampedPackage([dead, setting]);
    expect(summary[0]).toMatchObject({ ok: false, code: 'unreachable' });
    expect(summary[1]).toMatchObject({ ok: true, file: TIMESTAMPS.token(1) });
    const entries = await unpack(zip);
    expect(dec(get(entries, TIMESTAMPS.readme))).toContain(`NOT TIME-STAMPED by: ${dead.url}`);
    const report = await verifyPackage(bytesSource(zip), {
      pinnedKey: key.fingerprint,
      tsaAnchors: anchors(),
    });
    expect(report.verdict).toBe('valid');
    expect(report.timestamps!.tokens).toHaveLength(1);
  });

  it('every TSA unreachable or down: the export still succeeds, not time-stamped', async () => {
    tsa.down = true;
    try {
      const { zip, summary, key } = await stampedPackage([setting]);
      expect(summary).toEqual([expect.objectContaining({ ok: false, code: 'http_status' })]);
      const entries = await unpack(zip);
      expect(entries.some((e) => e.name.endsWith('.tsr'))).toBe(false);
      expect(dec(get(entries, TIMESTAMPS.readme))).toContain('NOT TIME-STAMPED');
      const report = await verifyPackage(bytesSource(zip), {
        pinnedKey: key.fingerprint,
        tsaAnchors: anchors(),
      });
      expect(report.verdict).toBe('valid');
      expect(report.timestamps).toMatchObject({ tokens: [], earliest: null });
    } finally {
      tsa.down = false;
    }
  });

  it('a TSA whose token does not chain to the configured CA gives no token', async () => {
    const other = makeTestPki();
    const { zip, summary } = await stampedPackage([{ ...setting, caPem: other.caPem }]);
    expect(summary[0]).toMatchObject({ ok: false, code: 'untrusted' });
    expect((await unpack(zip)).some((e) => e.name.endsWith('.tsr'))).toBe(false);
  });
});

describe('tokens never make a package valid, and bad tokens never make it invalid', () => {
  const withEntries = async (zip: Uint8Array, edit: (entries: Entry[]) => Entry[]) =>
    repack(edit(await unpack(zip)));

  it('a token over other bytes added as timestamps/2.tsr: reported, package still valid', async () => {
    const { zip, key } = await stampedPackage([setting]);
    const other = opensslStamp(pki, Buffer.from('other bytes'));
    const edited = await withEntries(zip, (e) => [
      ...e,
      { name: TIMESTAMPS.token(2), data: other },
    ]);
    const report = await verifyPackage(bytesSource(edited), {
      pinnedKey: key.fingerprint,
      tsaAnchors: anchors(),
    });
    expect(report.verdict).toBe('valid');
    const second = report.timestamps!.tokens.find((t) => t.file === TIMESTAMPS.token(2))!;
    expect(second).toMatchObject({ status: 'invalid', code: 'imprint_mismatch' });
    expect(report.timestamps!.earliest!.file).toBe(TIMESTAMPS.token(1));
  });

  it('a tampered statement.sig: package invalid, and its token no longer matches', async () => {
    const { zip, key } = await stampedPackage([setting]);
    const edited = await withEntries(zip, (entries) =>
      entries.map((e) =>
        e.name === LAYOUT.signature
          ? { ...e, data: e.data.map((b, i) => (i === 0 ? b ^ 1 : b)) }
          : e,
      ),
    );
    const report = await verifyPackage(bytesSource(edited), {
      pinnedKey: key.fingerprint,
      tsaAnchors: anchors(),
    });
    expect(report.verdict).toBe('invalid');
    expect(report.timestamps!.tokens[0]).toMatchObject({ code: 'imprint_mismatch' });
    expect(report.timestamps!.earliest).toBeNull();
  });

  it('an altered capture file: invalid although the token is trusted', async () => {
    const { zip, key } = await stampedPackage([setting]);
    const edited = await withEntries(zip, (entries) =>
      entries.map((e) =>
        e.name.endsWith('.png') ? { ...e, data: new Uint8Array([...e.data, 0]) } : e,
      ),
    );
    const report = await verifyPackage(bytesSource(edited), {
      pinnedKey: key.fingerprint,
      tsaAnchors: anchors(),
    });
    expect(report.verdict).toBe('invalid');
    expect(report.timestamps!.tokens[0]!.status).toBe('trusted');
  });

  it('anything else under timestamps/ is an unlisted file', async () => {
    const { zip, key } = await stampedPackage([setting]);
    const edited = await withEntries(zip, (e) => [
      ...e,
      { name: 'timestamps/notes.html', data: new TextEncoder().encode('<b>trust me</b>') },
    ]);
    const report = await verifyPackage(bytesSource(edited), {
      pinnedKey: key.fingerprint,
      tsaAnchors: anchors(),
    });
    expect(report.verdict).toBe('invalid');
    expect(report.failures.map((f) => f.file)).toContain('timestamps/notes.html');
  });

  it('a capture-time token over another seal is reported against that capture', async () => {
    const key = await generateSigningKey();
    const input = await buildDemoInput(key, new Date());
    const [a, b] = input.captures;
    input.captureTimestamps = new Map([[a!.id, [sealToken(b!.seal)]]]);
    const report = await verifyPackage(bytesSource(await writeToBytes(input)), {
      pinnedKey: key.fingerprint,
      tsaAnchors: anchors(),
    });
    expect(report.verdict).toBe('valid');
    expect(report.timestamps!.tokens[0]).toMatchObject({
      captureId: a!.id,
      code: 'imprint_mismatch',
    });
    expect(fromHex(b!.seal.slice(7))).toHaveLength(32);
  });
});
