// The certificate parser and signature checks against Node's own X509Certificate (OpenSSL) on
// the same certificates: the test PKIs (EC, RSA, RSA-PSS, expired) and every root certificate
// the machine trusts (/etc/ssl/certs, ~140 real CAs with all the algorithms in use).
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../../../../lib/evidence/timestamp/oids';
import {
  UnsupportedAlgorithm,
  verifySignature,
} from '../../../../lib/evidence/timestamp/signature';
import {
  certificatePem,
  parseCertificate,
  pemCertificates,
  type Certificate,
} from '../../../../lib/evidence/timestamp/x509';
import { makeTestPki, type TestPki } from '../../../support/tsa/pki';

const SYSTEM_CERTS = '/etc/ssl/certs';

/** Node prints validity as "Jan  1 00:00:00 2020 GMT". */
const nodeDate = (s: string) => new Date(s).toISOString();

async function compare(ours: Certificate, theirs: X509Certificate, issuer?: X509Certificate) {
  expect(ours.serialHex.toUpperCase().replace(/^0+/, '')).toBe(
    theirs.serialNumber.toUpperCase().replace(/^0+/, ''),
  );
  expect(ours.notBefore.toISOString()).toBe(nodeDate(theirs.validFrom));
  expect(ours.notAfter.toISOString()).toBe(nodeDate(theirs.validTo));
  expect(ours.ca?.isCa ?? false).toBe(theirs.ca);
  // Node lists the extended key usages as `keyUsage`.
  expect(ours.extKeyUsage ?? undefined).toEqual(theirs.keyUsage ?? undefined);
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(theirs.subject)?.[1];
  if (cn && !cn.includes('\\')) expect(ours.subjectText).toContain(`CN=${cn}`);
  const signer = issuer ?? theirs;
  let ourVerdict: boolean | 'unsupported';
  try {
    ourVerdict = await verifySignature(
      parseCertificate(new Uint8Array(signer.raw)),
      ours.signatureAlgorithm,
      ours.signature,
      ours.tbs,
    );
  } catch (error) {
    if (!(error instanceof UnsupportedAlgorithm)) throw error;
    ourVerdict = 'unsupported';
  }
  if (ourVerdict !== 'unsupported') expect(ourVerdict).toBe(theirs.verify(signer.publicKey));
  return ourVerdict;
}

describe('test PKI certificates', () => {
  let pkis: TestPki[];
  beforeAll(() => {
    pkis = [
      makeTestPki(),
      makeTestPki({ tsaKey: 'rsa-2048', caPss: true, intermediate: true }),
      makeTestPki({ expired: true, tsaKey: 'ec-p384', caKey: 'ec-p384' }),
    ];
  }, 60_000);

  it('parse like OpenSSL, and their signatures verify as OpenSSL says', async () => {
    for (const pki of pkis) {
      const root = new X509Certificate(pki.caPem);
      const inter = pki.intermediatePath
        ? new X509Certificate(readFileSync(pki.intermediatePath))
        : null;
      const tsa = new X509Certificate(pki.tsaPem);
      expect(await compare(parseCertificate(new Uint8Array(root.raw)), root)).toBe(true);
      if (inter)
        expect(await compare(parseCertificate(new Uint8Array(inter.raw)), inter, root)).toBe(true);
      const ours = parseCertificate(new Uint8Array(tsa.raw));
      expect(await compare(ours, tsa, inter ?? root)).toBe(true);
      expect(ours.extKeyUsage).toEqual([OID.timeStamping]);
      expect(ours.extensions.get(OID.extKeyUsage)?.critical).toBe(true);
      // and a certificate does not verify under the wrong issuer
      const other = pkis.find((p) => p !== pki)!;
      expect(await compare(ours, tsa, new X509Certificate(other.caPem))).not.toBe(true);
    }
  });

  it('PEM round trip', () => {
    const pki = pkis[0]!;
    const der = pemCertificates(pki.caPem)[0]!;
    expect(certificatePem(der).trim()).toBe(pki.caPem.trim());
  });
});

describe.runIf(existsSync(SYSTEM_CERTS))('every system root certificate', () => {
  it('parses like OpenSSL and its self-signature agrees (or is refused as SHA-1/unsupported)', async () => {
    const files = readdirSync(SYSTEM_CERTS).filter((f) => f.endsWith('.pem'));
    expect(files.length).toBeGreaterThan(50);
    let checked = 0;
    let verified = 0;
    for (const file of files) {
      const pem = readFileSync(path.join(SYSTEM_CERTS, file), 'utf8');
      const node = new X509Certificate(pem);
      const ours = parseCertificate(pemCertificates(pem)[0]!);
      const verdict = await compare(ours, node);
      checked++;
      if (verdict === true) verified++;
    }
    expect(checked).toBe(files.length);
    // SHA-1 roots are refused; the rest must verify.
    expect(verified).toBeGreaterThan(files.length / 2);
  });
});
