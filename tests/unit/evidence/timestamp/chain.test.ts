// The path from a TSA certificate to a trusted CA (lib/evidence/timestamp/chain.ts), one rule at
// a time, on certificates made by `openssl` with the one defect each rule is there for; the same
// token judged by stock `openssl ts -verify` where OpenSSL checks that rule too. Mutation testing
// showed these rules were reached by no test: every PKI of verify-token.test.ts is well formed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyToken } from '../../../../lib/evidence/timestamp/verify-token';
import { parseCertificate, pemCertificates } from '../../../../lib/evidence/timestamp/x509';
import { forgeToken } from '../../../support/tsa/forge';
import {
  makeTestPki,
  opensslVerify,
  TSA_USAGE_EXT,
  type PkiOptions,
  type TestPki,
} from '../../../support/tsa/pki';

const DATA = Buffer.from('the signature of a package statement stands here');
const der = (pem: string) => pemCertificates(pem)[0]!;
const CA = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];
const INTERMEDIATE = 'CN=Dalel Test Intermediate CA, O=Dalel Test';
const ROOT = 'CN=Dalel Test Root CA, O=Dalel Test';
const TSA = 'CN=Dalel Test TSA, O=Dalel Test';

/** A token over DATA signed by the PKI's TSA, carrying its intermediate (if any). */
function tokenOf(pki: TestPki): Uint8Array {
  return forgeToken({
    imprint: new Uint8Array(createHash('sha256').update(DATA).digest()),
    signerKeyPem: readFileSync(pki.tsaKeyPath, 'utf8'),
    signerCert: der(pki.tsaPem),
    extraCerts: pki.intermediatePath ? [der(readFileSync(pki.intermediatePath, 'utf8'))] : [],
  });
}

async function judge(pki: TestPki, anchorPem = pki.caPem) {
  const token = tokenOf(pki);
  const anchors = pemCertificates(anchorPem).map(parseCertificate);
  const ours = await verifyToken(token, { bytes: DATA, name: 'statement.sig' }, anchors);
  const theirs = opensslVerify(token, { data: DATA }, anchorPem);
  return { ours, theirs };
}

const pkis: Record<string, TestPki> = {};
const CASES: Record<string, PkiOptions> = {
  sound: { intermediate: true },
  notCa: { intermediateExt: ['basicConstraints=critical,CA:FALSE'] },
  noCertSign: {
    intermediateExt: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,cRLSign'],
  },
  rootPathZero: {
    intermediate: true,
    rootExt: ['basicConstraints=critical,CA:TRUE,pathlen:0', CA[1]!],
  },
  rootPathZeroDirect: { rootExt: ['basicConstraints=critical,CA:TRUE,pathlen:0', CA[1]!] },
  intermediateCodeSigning: { intermediateExt: [...CA, 'extendedKeyUsage=codeSigning'] },
  intermediateTimeStamping: { intermediateExt: [...CA, 'extendedKeyUsage=timeStamping'] },
  intermediateAnyPurpose: { intermediateExt: [...CA, 'extendedKeyUsage=anyExtendedKeyUsage'] },
  tsaUnknownCritical: { tsaExtraExt: ['1.3.6.1.4.1.99999.7=critical,ASN1:NULL'] },
  tsaUnknownNotCritical: { tsaExtraExt: ['1.3.6.1.4.1.99999.7=ASN1:NULL'] },
  rootUnknownCritical: { rootExt: [...CA, '1.3.6.1.4.1.99999.7=critical,ASN1:NULL'] },
  intermediateUnknownCritical: {
    intermediateExt: [...CA, '1.3.6.1.4.1.99999.7=critical,ASN1:NULL'],
  },
  // Without an authority key id, so only the name leads to a root: one of the same name.
  intermediateNoAkid: { intermediateExt: [...CA, 'authorityKeyIdentifier=none'] },
  rootPathOne: {
    intermediate: true,
    rootExt: ['basicConstraints=critical,CA:TRUE,pathlen:1', CA[1]!],
  },
  // A v1 certificate has no extensions: no key id for the TSA's to point at.
  rootV1: { rootExactly: true, tsaExt: TSA_USAGE_EXT },
  intermediateV1: { intermediateExt: [], tsaExt: TSA_USAGE_EXT },
  // A v3 root without basicConstraints: it says what it is, and it does not say CA.
  rootWithoutBasicConstraints: { rootExactly: true, rootExt: [CA[1]!], tsaExt: TSA_USAGE_EXT },
  tsaCertSha1: { tsaCertDigest: 'sha1' },
  intermediateSignsSha1: { intermediate: true, tsaCertDigest: 'sha1' },
};

beforeAll(() => {
  for (const [name, options] of Object.entries(CASES)) pkis[name] = makeTestPki(options);
}, 120_000);

describe('a chain through an intermediate CA', () => {
  it('is trusted when every certificate is what its place needs', async () => {
    const { ours, theirs } = await judge(pkis.sound!);
    expect(ours.code).toBe('trusted');
    expect(theirs.ok, theirs.output).toBe(true);
  });

  it('an intermediate that is not a CA, or may not sign certificates, cannot issue the TSA’s', async () => {
    for (const name of ['notCa', 'noCertSign']) {
      const { ours, theirs } = await judge(pkis[name]!);
      expect([name, ours.status, ours.code, ours.params]).toEqual([
        name,
        'invalid',
        'chain_not_ca',
        { subject: INTERMEDIATE },
      ]);
      expect(theirs.ok).toBe(false);
    }
  });

  it('a root allowing no intermediate below it: refused with one, trusted without', async () => {
    const { ours, theirs } = await judge(pkis.rootPathZero!);
    expect([ours.code, ours.params]).toEqual(['chain_path_length', { subject: ROOT }]);
    expect(theirs.ok).toBe(false);
    expect((await judge(pkis.rootPathZeroDirect!)).ours.code).toBe('trusted');
  });

  it('a root allowing one intermediate: trusted with exactly one', async () => {
    const { ours, theirs } = await judge(pkis.rootPathOne!);
    expect(ours.code).toBe('trusted');
    expect(theirs.ok).toBe(true);
  });

  it('a v1 root (no extensions) is a CA by being trusted; a v1 intermediate is not', async () => {
    const root = await judge(pkis.rootV1!);
    expect(root.ours.code).toBe('trusted');
    expect(root.theirs.ok).toBe(true);
    const intermediate = await judge(pkis.intermediateV1!);
    expect([intermediate.ours.code, intermediate.ours.params]).toEqual([
      'chain_not_ca',
      { subject: INTERMEDIATE },
    ]);
    expect(intermediate.theirs.ok).toBe(false);
    // Extensions without basicConstraints are a v3 certificate that does not claim to be a CA.
    const v3 = (await judge(pkis.rootWithoutBasicConstraints!)).ours;
    expect([v3.code, v3.params]).toEqual(['chain_not_ca', { subject: ROOT }]);
  });

  it('a certificate signed with SHA-1, by the root or an intermediate: named, not checked', async () => {
    for (const name of ['tsaCertSha1', 'intermediateSignsSha1']) {
      const { ours } = await judge(pkis[name]!);
      expect([name, ours.status, ours.code, ours.params.subject]).toEqual([
        name,
        'invalid',
        'chain_algorithm',
        TSA,
      ]);
      expect(ours.params.reason).toMatch(/sha-?1|1\.2\.840\.10045\.4\.1/i);
    }
  });

  it('an intermediate whose purposes leave out time stamping cannot vouch for a TSA', async () => {
    const { ours } = await judge(pkis.intermediateCodeSigning!);
    expect([ours.code, ours.params]).toEqual(['chain_purpose', { subject: INTERMEDIATE }]);
    for (const name of ['intermediateTimeStamping', 'intermediateAnyPurpose'])
      expect([name, (await judge(pkis[name]!)).ours.code]).toEqual([name, 'trusted']);
  });

  it('an unknown critical extension fails the TSA or an intermediate, not the trusted root', async () => {
    const tsa = (await judge(pkis.tsaUnknownCritical!)).ours;
    expect([tsa.code, tsa.params]).toEqual([
      'chain_critical_extension',
      { subject: TSA, oid: '1.3.6.1.4.1.99999.7' },
    ]);
    const intermediate = (await judge(pkis.intermediateUnknownCritical!)).ours;
    expect([intermediate.code, intermediate.params]).toEqual([
      'chain_critical_extension',
      { subject: INTERMEDIATE, oid: '1.3.6.1.4.1.99999.7' },
    ]);
    // Not critical: ignored. On the root: the root is trusted as configured, whatever it says.
    expect((await judge(pkis.tsaUnknownNotCritical!)).ours.code).toBe('trusted');
    expect((await judge(pkis.rootUnknownCritical!)).ours.code).toBe('trusted');
  });

  it('an intermediate signed by another root of the same name: its signature fails', async () => {
    // The token's intermediate names "Dalel Test Root CA" as its issuer, but the root trusted
    // here, of that name, has another key.
    const { ours, theirs } = await judge(pkis.intermediateNoAkid!, pkis.sound!.caPem);
    expect([ours.status, ours.code, ours.params]).toEqual([
      'invalid',
      'chain_bad_signature',
      { subject: INTERMEDIATE },
    ]);
    expect(theirs.ok).toBe(false);
  });
});
