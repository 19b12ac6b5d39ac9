// Every verdict of the token check, on tokens made by a real TSA (`openssl ts -reply`) or forged
// by hand, and the same token judged by stock `openssl ts -verify`: the two must agree.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { int, seq } from '../../../../lib/evidence/timestamp/der';
import {
  parseCertificate,
  pemCertificates,
  type Certificate,
} from '../../../../lib/evidence/timestamp/x509';
import { verifyToken, type Covered } from '../../../../lib/evidence/timestamp/verify-token';
import { tokenMessage } from '../../../../lib/evidence/timestamp/codes';
import { forgeToken } from '../../../support/tsa/forge';
import {
  makeTestPki,
  openssl,
  opensslStamp,
  opensslVerify,
  opensslWith,
  type TestPki,
} from '../../../support/tsa/pki';

const DATA = Buffer.from('statement.sig stand-in: 64 bytes of signature would be here......');
const covered: Covered = { bytes: DATA, name: 'statement.sig' };
const anchorsOf = (pki: TestPki): Certificate[] => pemCertificates(pki.caPem).map(parseCertificate);
const der = (pem: string) => pemCertificates(pem)[0]!;
const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

let ec: TestPki;
let rsaPss: TestPki;
let p384: TestPki;
let expired: TestPki;
let sameName: TestPki;
let codeSigning: TestPki;
let notCritical: TestPki;

beforeAll(() => {
  ec = makeTestPki();
  rsaPss = makeTestPki({
    tsaKey: 'rsa-2048',
    caPss: true,
    intermediate: true,
    signerDigest: 'sha512',
  });
  p384 = makeTestPki({ tsaKey: 'ec-p384', caKey: 'ec-p384', signerDigest: 'sha384' });
  expired = makeTestPki({ expired: true });
  sameName = makeTestPki(); // same root name as `ec`, another key
  codeSigning = makeTestPki({ tsaEku: 'code-signing' });
  notCritical = makeTestPki({ tsaEku: 'not-critical' });
}, 60_000);

async function judge(token: Uint8Array, pki: TestPki, what: Covered = covered, caPem = pki.caPem) {
  const ours = await verifyToken(token, what, pemCertificates(caPem).map(parseCertificate));
  const theirs = opensslVerify(
    token,
    'bytes' in what
      ? { data: what.bytes }
      : { sha256Hex: Buffer.from(what.sha256).toString('hex') },
    caPem,
  );
  return { ours, theirs };
}

describe('tokens from a real TSA (openssl ts -reply)', () => {
  it.each([
    ['EC P-256, SHA-256', () => ec],
    ['RSA 2048 signing SHA-512 under an RSA-PSS root and intermediate', () => rsaPss],
    ['EC P-384, SHA-384', () => p384],
  ])('%s: trusted, with its time, TSA and serial; openssl agrees', async (_name, pki) => {
    const token = opensslStamp(pki(), DATA);
    const { ours, theirs } = await judge(token, pki());
    expect(ours.status, tokenMessage(ours.code, ours.params)).toBe('trusted');
    expect(ours.code).toBe('trusted');
    expect(ours.tsa).toBe('Dalel Test TSA');
    expect(Math.abs(Date.parse(ours.time!) - Date.now())).toBeLessThan(120_000);
    expect(ours.serial).toMatch(/^[0-9a-f]+$/);
    expect(ours.policy).toBe('1.3.6.1.4.1.99999.1');
    expect(ours.accuracyMs).toBe(1000);
    expect(theirs.ok, theirs.output).toBe(true);
    // openssl prints the same time and serial
    const text = opensslWith(['ts', '-reply', '-in', '{in}', '-text'], token).toString();
    expect(text).toContain(`Serial number: 0x${ours.serial!.toUpperCase()}`);
  });

  it('a bare token (openssl -token_out) is read the same way', async () => {
    const response = opensslStamp(ec, DATA);
    const bare = opensslWith(['ts', '-reply', '-in', '{in}', '-token_out'], response);
    const result = await verifyToken(bare, covered, anchorsOf(ec));
    expect(result.status).toBe('trusted');
  });

  it('a token over other bytes: imprint mismatch (openssl: message imprint mismatch)', async () => {
    const token = opensslStamp(ec, Buffer.from('other bytes'));
    const { ours, theirs } = await judge(token, ec);
    expect(ours.status).toBe('invalid');
    expect(ours.code).toBe('imprint_mismatch');
    expect(ours.params.found).not.toBe(ours.params.expected);
    expect(theirs.ok).toBe(false);
    expect(theirs.output).toMatch(/imprint mismatch/);
  });

  it('a tampered covered file (one bit of statement.sig) fails the imprint', async () => {
    const token = opensslStamp(ec, DATA);
    const tampered = Buffer.from(DATA);
    tampered[5] = tampered[5]! ^ 1;
    const { ours, theirs } = await judge(token, ec, { bytes: tampered, name: 'statement.sig' });
    expect(ours.code).toBe('imprint_mismatch');
    expect(theirs.ok).toBe(false);
  });

  it('a TSA under a CA that is not trusted: untrusted, not invalid; openssl fails too', async () => {
    const token = opensslStamp(ec, DATA);
    const { ours, theirs } = await judge(token, ec, covered, p384.caPem);
    expect(ours.status).toBe('untrusted');
    expect(ours.code).toBe('chain_untrusted');
    expect(ours.time).not.toBeNull();
    expect(theirs.ok).toBe(false);
  });

  it('a CA with the same name but another key is not the trusted CA', async () => {
    const token = opensslStamp(sameName, DATA);
    expect(sameName.caPem).not.toBe(ec.caPem);
    const { ours, theirs } = await judge(token, sameName, covered, ec.caPem);
    expect(ours.status).not.toBe('trusted');
    expect(['chain_bad_signature', 'chain_untrusted']).toContain(ours.code);
    expect(theirs.ok).toBe(false);
  });

  it('an expired TSA certificate (token made after it expired) is invalid; openssl: expired', async () => {
    const token = opensslStamp(expired, DATA);
    const { ours, theirs } = await judge(token, expired);
    expect(ours.status).toBe('invalid');
    expect(ours.code).toBe('chain_not_valid_at_time');
    expect(ours.params.notAfter).toBe('2021-01-01T00:00:00.000Z');
    expect(theirs.output).toMatch(/expired/);
  });

  it('a token without the TSA certificate (no certReq) cannot be checked: signer missing', async () => {
    const dir = ec.dir;
    writeFileSync(path.join(dir, 'd.bin'), DATA);
    openssl(['ts', '-query', '-data', 'd.bin', '-sha256', '-out', 'nocert.tsq'], dir);
    openssl(
      ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'nocert.tsq', '-out', 'nocert.tsr'],
      dir,
    );
    const token = readFileSync(path.join(dir, 'nocert.tsr'));
    const { ours, theirs } = await judge(token, ec);
    expect(ours.code).toBe('signer_cert_missing');
    expect(theirs.ok).toBe(false);
  });

  it('a refused request (status 2) is reported as not granted', async () => {
    const result = await verifyToken(seq(seq(int(2))), covered, anchorsOf(ec));
    expect(result).toMatchObject({
      status: 'invalid',
      code: 'not_granted',
      params: { status: '2' },
    });
  });
});

describe('hand-forged tokens', () => {
  const forged = (pki: TestPki, overrides: Partial<Parameters<typeof forgeToken>[0]> = {}) =>
    forgeToken({
      imprint: sha256(DATA),
      signerKeyPem: readFileSync(pki.tsaKeyPath, 'utf8'),
      signerCert: der(pki.tsaPem),
      extraCerts: [der(pki.caPem)],
      ...overrides,
    });

  it('the forging helper makes valid tokens when nothing is wrong (openssl agrees)', async () => {
    const { ours, theirs } = await judge(forged(ec), ec);
    expect(ours.code).toBe('trusted');
    expect(theirs.ok, theirs.output).toBe(true);
  });

  it('a signer certificate for code signing, not time stamping, is refused', async () => {
    const { ours, theirs } = await judge(forged(codeSigning), codeSigning);
    expect(ours.code).toBe('tsa_purpose');
    expect(theirs.ok).toBe(false);
  });

  it('a signer whose time-stamping purpose is not critical is refused (RFC 3161 §2.3)', async () => {
    const { ours, theirs } = await judge(forged(notCritical), notCritical);
    expect(ours.code).toBe('tsa_purpose');
    expect(ours.params.problem).toMatch(/not critical/);
    expect(theirs.ok).toBe(false);
  });

  it('content altered after signing: the signed digest no longer matches', async () => {
    const { ours, theirs } = await judge(forged(ec, { alterAfterSigning: true }), ec);
    expect(ours.code).toBe('message_digest_attr');
    expect(theirs.ok).toBe(false);
  });

  it('signed by another key under the TSA certificate: signature invalid', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const token = forged(ec, {
      signerKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const { ours, theirs } = await judge(token, ec);
    expect(ours.code).toBe('signature_invalid');
    expect(theirs.ok).toBe(false);
  });

  it('without the ESS signing-certificate attribute, or naming another certificate', async () => {
    const a = await judge(forged(ec, { omitEss: true }), ec);
    expect(a.ours.code).toBe('signing_cert_attr');
    expect(a.theirs.ok).toBe(false);
    const b = await judge(forged(ec, { essCert: der(ec.caPem) }), ec);
    expect(b.ours.code).toBe('signing_cert_attr');
    expect(b.theirs.ok).toBe(false);
  });

  it('a time before the TSA certificate existed is refused (openssl checks today, not then)', async () => {
    const backdated = forged(ec, { genTime: new Date(Date.UTC(2001, 0, 1)) });
    const { ours, theirs } = await judge(backdated, ec);
    expect(ours.code).toBe('chain_not_valid_at_time');
    expect(ours.params.time).toBe('2001-01-01T00:00:00.000Z');
    // Stock OpenSSL validates the chain at the current time and accepts this token: a
    // difference to document for lawyers, not to copy.
    expect(theirs.ok).toBe(true);
  });

  it('an intermediate CA missing from the token: no chain', async () => {
    const token = forged(rsaPss, { extraCerts: [] });
    const { ours, theirs } = await judge(token, rsaPss);
    expect(ours.status).toBe('untrusted');
    expect(theirs.ok).toBe(false);
  });
});
