// RFC 3161 §2.3: the certificate that signs a token is a time-stamping certificate, and only
// that: its extended key usage is present, critical and time stamping alone, its key usage (when
// given) allows signatures, and it is no CA. One hand-forged token per rule, on a certificate
// `openssl` made with that one defect, and stock `openssl ts -verify` on the same token.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyToken } from '../../../../lib/evidence/timestamp/verify-token';
import { parseCertificate, pemCertificates } from '../../../../lib/evidence/timestamp/x509';
import { forgeToken } from '../../../support/tsa/forge';
import { makeTestPki, opensslVerify, type TestPki } from '../../../support/tsa/pki';

const DATA = Buffer.from('the signature of a package statement stands here');
const der = (pem: string) => pemCertificates(pem)[0]!;
const SUBJECT = 'CN=Dalel Test TSA, O=Dalel Test';
const TIME_STAMPING = 'extendedKeyUsage=critical,timeStamping';

const CASES = {
  sound: [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature',
    TIME_STAMPING,
  ],
  nonRepudiationOnly: ['keyUsage=critical,nonRepudiation', TIME_STAMPING],
  noKeyUsage: [TIME_STAMPING],
  certSignOnly: ['keyUsage=critical,keyCertSign', TIME_STAMPING],
  noEku: ['keyUsage=critical,digitalSignature'],
  moreThanTimeStamping: ['extendedKeyUsage=critical,timeStamping,codeSigning'],
  aCa: ['basicConstraints=critical,CA:TRUE', TIME_STAMPING],
};
const pkis: Partial<Record<keyof typeof CASES, TestPki>> = {};

beforeAll(() => {
  for (const [name, tsaExt] of Object.entries(CASES))
    pkis[name as keyof typeof CASES] = makeTestPki({ tsaExt });
}, 120_000);

async function judge(name: keyof typeof CASES) {
  const pki = pkis[name]!;
  const token = forgeToken({
    imprint: new Uint8Array(createHash('sha256').update(DATA).digest()),
    signerKeyPem: readFileSync(pki.tsaKeyPath, 'utf8'),
    signerCert: der(pki.tsaPem),
  });
  const anchors = pemCertificates(pki.caPem).map(parseCertificate);
  const ours = await verifyToken(token, { bytes: DATA, name: 'statement.sig' }, anchors);
  const theirs = opensslVerify(token, { data: DATA }, pki.caPem);
  return { ours, theirs, verdict: [ours.code, ours.params] };
}

describe('the TSA certificate is for time stamping only', () => {
  it('trusted with a signing key usage (digital signature or non-repudiation) or none given', async () => {
    for (const name of ['sound', 'nonRepudiationOnly', 'noKeyUsage'] as const) {
      const { ours, theirs } = await judge(name);
      expect([name, ours.code]).toEqual([name, 'trusted']);
      expect(theirs.ok, `${name}: ${theirs.output}`).toBe(true);
    }
  });

  it('a key usage that does not allow signing', async () => {
    const { verdict, theirs } = await judge('certSignOnly');
    expect(verdict).toEqual(['tsa_key_usage', { subject: SUBJECT }]);
    expect(theirs.ok).toBe(false);
  });

  it('no extended key usage, or time stamping and more', async () => {
    const none = await judge('noEku');
    expect(none.verdict).toEqual([
      'tsa_purpose',
      { subject: SUBJECT, problem: 'no extended key usage' },
    ]);
    expect(none.theirs.ok).toBe(false);
    const more = await judge('moreThanTimeStamping');
    expect(more.verdict).toEqual([
      'tsa_purpose',
      { subject: SUBJECT, problem: 'extended key usage is not time stamping only' },
    ]);
    expect(more.theirs.ok).toBe(false);
  });

  it('a CA certificate', async () => {
    const { verdict } = await judge('aCa');
    expect(verdict).toEqual([
      'tsa_purpose',
      { subject: SUBJECT, problem: 'it is a CA certificate' },
    ]);
  });
});
