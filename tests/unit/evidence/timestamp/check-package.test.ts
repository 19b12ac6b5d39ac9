// The package's time-stamp report (lib/evidence/timestamp/check-package.ts) on hand-forged
// tokens with chosen times: the annex read in number order, the earliest *trusted* time over
// statement.sig and per capture, the notes when the TSA's time is far from the signer's stated
// time, and tokens with nothing to cover.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPackageTimestamps } from '../../../../lib/evidence/timestamp/check-package';
import { parseCertificate, pemCertificates } from '../../../../lib/evidence/timestamp/x509';
import { forgeToken } from '../../../support/tsa/forge';
import { makeTestPki, type TestPki } from '../../../support/tsa/pki';

const SIGNATURE = new Uint8Array(64).fill(7);
const SEAL = `sha256:${'5e'.repeat(32)}`;
// An hour from now, in whole seconds: every token's time then falls within the test TSA's
// certificate, made in this run (a token's time must lie within it).
const CREATED = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000).toISOString();
const at = (minutes: number) => new Date(Date.parse(CREATED) + minutes * 60_000);
const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
const der = (pem: string) => pemCertificates(pem)[0]!;

let trustedPki: TestPki;
let otherPki: TestPki;

beforeAll(() => {
  trustedPki = makeTestPki();
  otherPki = makeTestPki({ rootName: 'Some Other Root' });
}, 60_000);

function token(genTime: Date, imprint = sha256(SIGNATURE), pki = trustedPki): Uint8Array {
  return forgeToken({
    imprint,
    genTime,
    signerKeyPem: readFileSync(pki.tsaKeyPath, 'utf8'),
    signerCert: der(pki.tsaPem),
  });
}

function check(input: {
  annex?: [string, Uint8Array][];
  listed?: [string, Uint8Array][];
  signature?: Uint8Array | null;
  seals?: [string, string][];
}) {
  return checkPackageTimestamps({
    annex: new Map(input.annex ?? []),
    listed: new Map(input.listed ?? []),
    signature: input.signature === undefined ? SIGNATURE : input.signature,
    seals: new Map(input.seals ?? []),
    created: CREATED,
    anchors: pemCertificates(trustedPki.caPem).map(parseCertificate),
  });
}

describe('the tokens over statement.sig', () => {
  it('are read in number order; the earliest trusted one gives the time, an untrusted one never', async () => {
    const report = await check({
      annex: [
        ['timestamps/10.tsr', token(at(3))],
        ['timestamps/2.tsr', token(at(2))],
        // Earlier still, but from a TSA not trusted here.
        ['timestamps/1.tsr', token(at(-1), undefined, otherPki)],
      ],
    });
    expect(report.tokens.map((t) => [t.file, t.status, t.covers, t.captureId])).toEqual([
      ['timestamps/1.tsr', 'untrusted', 'statement.sig', null],
      ['timestamps/2.tsr', 'trusted', 'statement.sig', null],
      ['timestamps/10.tsr', 'trusted', 'statement.sig', null],
    ]);
    expect(report.earliest).toEqual({
      time: at(2).toISOString(),
      tsa: 'Dalel Test TSA',
      file: 'timestamps/2.tsr',
    });
    expect(report.captures).toEqual({});
  });

  it('a TSA time more than ten minutes from the stated signing time is noted, either way', async () => {
    const notes = async (minutes: number) =>
      (await check({ annex: [['timestamps/1.tsr', token(at(minutes))]] })).tokens[0]!.notes;
    expect(await notes(11)).toEqual([
      { code: 'stamped_long_after_signing', params: { minutes: '11' } },
    ]);
    expect(await notes(-11)).toEqual([
      { code: 'stamped_before_signing', params: { minutes: '11' } },
    ]);
    expect(await notes(10)).toEqual([]);
    expect(await notes(-10)).toEqual([]);
    expect(await notes(0)).toEqual([]);
  });

  it('are ordered by number, not by name or by the order they were found in', async () => {
    const order = [7, 3, 100, 1, 20, 2];
    const report = await check({
      annex: order.map((n) => [`timestamps/${n}.tsr`, token(at(n))] as [string, Uint8Array]),
    });
    expect(report.tokens.map((t) => t.file)).toEqual(
      [1, 2, 3, 7, 20, 100].map((n) => `timestamps/${n}.tsr`),
    );
    expect(report.earliest?.file).toBe('timestamps/1.tsr');
  });

  it('without a signature to cover, each token says so and gives no time', async () => {
    const report = await check({ annex: [['timestamps/1.tsr', token(at(1))]], signature: null });
    expect(
      report.tokens.map((t) => [t.status, t.code, t.params, t.time, t.tsa, t.serial, t.notes]),
    ).toEqual([['invalid', 'covered_missing', { covered: 'statement.sig' }, null, null, null, []]]);
    expect(report.tokens[0]).toMatchObject({ policy: null, nonce: null, accuracyMs: null });
    expect(report.earliest).toBeNull();
  });
});

describe('the capture-time tokens', () => {
  it('give each capture its earliest trusted time; one over no known seal covers nothing', async () => {
    const sealBytes = new Uint8Array(Buffer.from(SEAL.slice(7), 'hex'));
    const overSeal = (minutes: number) => token(at(minutes), sealBytes);
    const report = await check({
      listed: [
        ['captures/cap_a/timestamps/1.tsr', overSeal(-5)],
        ['captures/cap_a/timestamps/2.tsr', overSeal(-7)],
        ['captures/cap_b/timestamps/1.tsr', token(at(-9), sealBytes, otherPki)],
        ['captures/cap_gone/timestamps/1.tsr', overSeal(-3)],
        // Not a capture-time token: left to the other checks.
        ['captures/cap_a/screenshot.png', new Uint8Array(3)],
      ],
      seals: [
        ['cap_a', SEAL],
        ['cap_b', SEAL],
      ],
    });
    expect(report.tokens.map((t) => [t.file, t.status, t.code, t.covers, t.captureId])).toEqual([
      ['captures/cap_a/timestamps/1.tsr', 'trusted', 'trusted', 'capture cap_a', 'cap_a'],
      ['captures/cap_a/timestamps/2.tsr', 'trusted', 'trusted', 'capture cap_a', 'cap_a'],
      ['captures/cap_b/timestamps/1.tsr', 'untrusted', 'chain_untrusted', 'capture cap_b', 'cap_b'],
      [
        'captures/cap_gone/timestamps/1.tsr',
        'invalid',
        'covered_missing',
        'capture cap_gone',
        'cap_gone',
      ],
    ]);
    expect(report.captures).toEqual({
      cap_a: {
        time: at(-7).toISOString(),
        tsa: 'Dalel Test TSA',
        file: 'captures/cap_a/timestamps/2.tsr',
      },
    });
    // Capture-time tokens never stand for the package's own time.
    expect(report.earliest).toBeNull();
    const gone = report.tokens.find((t) => t.captureId === 'cap_gone')!;
    expect([gone.params, gone.time, gone.notes]).toEqual([
      { covered: 'capture cap_gone' },
      null,
      [],
    ]);
  });

  it('a token over another hash names the capture whose seal it fails to cover', async () => {
    const other = new Uint8Array(32).fill(0xab);
    const report = await check({
      listed: [['captures/cap_a/timestamps/1.tsr', token(at(-5), other)]],
      seals: [['cap_a', SEAL]],
    });
    expect(report.tokens.map((t) => [t.status, t.code, t.params])).toEqual([
      [
        'invalid',
        'imprint_mismatch',
        {
          covered: 'the seal of capture cap_a',
          expected: `sha256:${SEAL.slice(7)}`,
          found: `sha256:${'ab'.repeat(32)}`,
        },
      ],
    ]);
    expect(report.captures).toEqual({});
  });
});
