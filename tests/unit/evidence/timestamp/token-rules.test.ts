// The token check's rules one by one, each on a hand-forged token that breaks only that rule
// (tests/support/tsa/forge.ts): the verdict, its code and the exact parameters a lawyer reads,
// and where stock `openssl ts -verify` checks the same rule, its verdict on the same token.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { int, oidBytes, seq } from '../../../../lib/evidence/timestamp/der';
import { OID } from '../../../../lib/evidence/timestamp/oids';
import {
  MAX_TOKEN_SIZE,
  verifyToken,
  type Covered,
} from '../../../../lib/evidence/timestamp/verify-token';
import {
  parseCertificate,
  pemCertificates,
  type Certificate,
} from '../../../../lib/evidence/timestamp/x509';
import { forgeToken, type ForgeInput } from '../../../support/tsa/forge';
import { makeTestPki, opensslVerify, TSA_USAGE_EXT, type TestPki } from '../../../support/tsa/pki';

const DATA = Buffer.from('statement.sig stand-in: the bytes a capture-time token covers');
const covered: Covered = { bytes: DATA, name: 'statement.sig' };
const der = (pem: string) => pemCertificates(pem)[0]!;
const hash = (algorithm: string, b: Uint8Array) =>
  new Uint8Array(createHash(algorithm).update(b).digest());
const SHA1 = '1.3.14.3.2.26';
const MD5 = '1.2.840.113549.2.5';

let pki: TestPki;
let highSerial: TestPki;
let zeroSerial: TestPki;
let noKeyId: TestPki;
let anchors: Certificate[];

beforeAll(() => {
  pki = makeTestPki();
  // A serial whose first byte has its high bit set is written with a 0x00 sign byte.
  highSerial = makeTestPki({ tsaSerial: '0x8F01' });
  // Serial 0 (RFC 5280 forbids it, OpenSSL writes it): its one byte is 0x00 and is not a sign byte.
  zeroSerial = makeTestPki({ tsaSerial: '0' });
  noKeyId = makeTestPki({
    tsaExt: [
      ...TSA_USAGE_EXT,
      // OpenSSL 3 adds an identifier unless told not to.
      'subjectKeyIdentifier=none',
    ],
  });
  anchors = pemCertificates(pki.caPem).map(parseCertificate);
}, 60_000);

afterEach(() => {
  vi.useRealTimers();
});

const forged = (overrides: Partial<ForgeInput> = {}, from: TestPki = pki) =>
  forgeToken({
    imprint: hash('sha256', DATA),
    signerKeyPem: readFileSync(from.tsaKeyPath, 'utf8'),
    signerCert: der(from.tsaPem),
    extraCerts: [der(from.caPem)],
    ...overrides,
  });

const verify = (token: Uint8Array, from: TestPki = pki, what: Covered = covered) =>
  verifyToken(
    token,
    what,
    from === pki ? anchors : pemCertificates(from.caPem).map(parseCertificate),
  );
const openssl = (token: Uint8Array, from: TestPki = pki) =>
  opensslVerify(token, { data: DATA }, from.caPem).ok;

describe('the response around the token', () => {
  it('granted with modifications (status 1) is granted; 2 and up are not, with their texts', async () => {
    expect((await verify(forged({ status: 1 }))).code).toBe('trusted');
    expect(await verify(forged({ status: 2 }))).toMatchObject({
      status: 'invalid',
      code: 'not_granted',
      params: { status: '2', text: '' },
    });
    const utf8 = (s: string) => new Uint8Array([0x0c, s.length, ...Buffer.from(s)]);
    const refused = seq(seq(int(3), seq(utf8('busy'), utf8('try later'))));
    expect((await verify(refused)).params).toEqual({ status: '3', text: 'busy; try later' });
  });

  it(`a token of ${MAX_TOKEN_SIZE} bytes is read; one byte more is refused unread`, async () => {
    const sized = (size: number) => {
      // The padding extension's header grows with it, and an ECDSA signature is 70 to 72 bytes:
      // adjust the padding by what the last token missed until one is exactly `size`.
      let pad = size - forged({ extensionBytes: 0 }).length;
      for (let attempt = 0; attempt < 100; attempt++) {
        const token = forged({ extensionBytes: pad });
        if (token.length === size) return token;
        pad += size - token.length;
      }
      throw new Error(`no token of ${size} bytes`);
    };
    const largest = sized(MAX_TOKEN_SIZE);
    expect(largest.length).toBe(MAX_TOKEN_SIZE);
    expect((await verify(largest)).code).toBe('trusted');
    const over = sized(MAX_TOKEN_SIZE + 1);
    expect(await verify(over)).toMatchObject({
      status: 'invalid',
      code: 'unparsable',
      params: { reason: `larger than ${MAX_TOKEN_SIZE} bytes` },
    });
  });

  it('32 certificates are read; 33 are refused', async () => {
    const ca = der(pki.caPem);
    const withCerts = (n: number) =>
      forged({ extraCerts: Array.from({ length: n - 1 }, () => ca) });
    expect((await verify(withCerts(32))).code).toBe('trusted');
    expect(await verify(withCerts(33))).toMatchObject({
      code: 'unparsable',
      params: { reason: 'more than 32 certificates' },
      time: null,
    });
  });

  it('content other than a TSTInfo', async () => {
    const result = await verify(forged({ eContentType: '1.2.840.113549.1.7.1' }));
    expect(result).toMatchObject({ status: 'invalid', code: 'not_tst_info', params: {} });
    expect(openssl(forged({ eContentType: '1.2.840.113549.1.7.1' }))).toBe(false);
  });

  it('a malformed part is named, and a trusted token carries what it states', async () => {
    const result = await verify(seq(seq(int(0)), seq(oidBytes(OID.signedData))));
    expect(result).toEqual({
      status: 'invalid',
      code: 'unparsable',
      params: { reason: expect.stringMatching(/./) },
      time: null,
      tsa: null,
      serial: null,
      policy: null,
      nonce: null,
      accuracyMs: null,
      notes: [],
    });
    // Whole seconds, and not before the TSA certificate made a moment ago.
    const genTime = new Date();
    genTime.setUTCMilliseconds(0);
    const trusted = await verify(forged({ genTime, serial: 4242 }));
    expect(trusted).toEqual({
      status: 'trusted',
      code: 'trusted',
      params: { tsa: 'Dalel Test TSA', time: genTime.toISOString() },
      time: genTime.toISOString(),
      tsa: 'Dalel Test TSA',
      serial: (4242).toString(16),
      policy: '1.3.6.1.4.1.99999.1',
      nonce: null,
      accuracyMs: null,
      notes: [],
    });
  });
});

describe('the imprint', () => {
  it('a hash the verifier does not accept is named, SHA-1 by name and others by OID', async () => {
    const sha1 = await verify(forged({ imprintAlgorithm: SHA1, imprint: hash('sha1', DATA) }));
    expect(sha1).toMatchObject({ code: 'imprint_algorithm', params: { algorithm: 'sha1' } });
    const md5 = await verify(forged({ imprintAlgorithm: MD5, imprint: hash('md5', DATA) }));
    expect(md5).toMatchObject({ code: 'imprint_algorithm', params: { algorithm: MD5 } });
  });

  it('over bytes any accepted hash is recomputed; over a seal only SHA-256 can be compared', async () => {
    const sha384 = forged({ imprintAlgorithm: OID.sha384, imprint: hash('sha384', DATA) });
    expect((await verify(sha384)).code).toBe('trusted');
    expect(openssl(sha384)).toBe(true);
    const seal: Covered = { sha256: hash('sha256', DATA), name: 'capture seal' };
    expect(await verify(sha384, pki, seal)).toMatchObject({
      code: 'imprint_algorithm',
      params: { algorithm: 'sha384' },
    });
    expect((await verify(forged(), pki, seal)).code).toBe('trusted');
  });

  it('a mismatch names what was covered, and both hashes with their algorithm', async () => {
    const other = Buffer.from('other bytes');
    const result = await verify(
      forged({ imprintAlgorithm: OID.sha512, imprint: hash('sha512', other) }),
    );
    expect(result).toMatchObject({
      code: 'imprint_mismatch',
      params: {
        covered: 'statement.sig',
        expected: `sha512:${Buffer.from(hash('sha512', DATA)).toString('hex')}`,
        found: `sha512:${Buffer.from(hash('sha512', other)).toString('hex')}`,
      },
    });
  });
});

describe('finding the signer', () => {
  it('exactly one SignerInfo', async () => {
    for (const count of [0, 2])
      expect(await verify(forged({ signerCount: count }))).toMatchObject({
        status: 'invalid',
        code: 'signer_count',
        params: { count: String(count) },
      });
  });

  it('by subject key identifier: the certificate with that identifier, none other', async () => {
    const tsa = parseCertificate(der(pki.tsaPem));
    const byKeyId = forged({ sidKeyId: tsa.subjectKeyId!, signerCertLast: true });
    expect((await verify(byKeyId)).code).toBe('trusted');
    // CMS (RFC 5652) allows it; OpenSSL 3.0 reads tokens as PKCS#7, which cannot parse it at all.
    expect(openssl(byKeyId)).toBe(false);
    const unknown = forged({ sidKeyId: new Uint8Array(randomBytes(20)) });
    expect((await verify(unknown)).code).toBe('signer_cert_missing');
    // A certificate without an identifier is never the one named by identifier.
    const bare = parseCertificate(der(noKeyId.tsaPem));
    expect(bare.subjectKeyId).toBeNull();
    const none = forged({ sidKeyId: new Uint8Array(20) }, noKeyId);
    expect((await verify(none, noKeyId)).code).toBe('signer_cert_missing');
  });

  it('by issuer and serial: the sign byte of a high serial is not part of it', async () => {
    const token = forged({ signerCertLast: true }, highSerial);
    expect(parseCertificate(der(highSerial.tsaPem)).serialHex).toBe('8f01');
    expect((await verify(token, highSerial)).code).toBe('trusted');
    expect(openssl(token, highSerial)).toBe(true);
  });

  it('by issuer and serial 0: a lone zero byte is the serial, not a sign byte to drop', async () => {
    const token = forged({ signerCertLast: true }, zeroSerial);
    expect(parseCertificate(der(zeroSerial.tsaPem)).serialHex).toBe('00');
    expect((await verify(token, zeroSerial)).code).toBe('trusted');
    expect(openssl(token, zeroSerial)).toBe(true);
  });

  it('the serial alone is not enough: another issuer’s certificate with it is not the signer', async () => {
    // The root is listed first; the signer's certificate is not in the token at all.
    const token = forged({ omitSignerCert: true, extraCerts: [der(pki.caPem)] });
    expect((await verify(token)).code).toBe('signer_cert_missing');
  });
});

describe('the signed attributes', () => {
  it('the content-type attribute must be present and say TSTInfo', async () => {
    for (const contentTypeAttr of [null, '1.2.840.113549.1.7.1']) {
      const token = forged({ contentTypeAttr });
      expect(await verify(token)).toMatchObject({ code: 'content_type_attr', params: {} });
      // RFC 5652 §11.1 requires it; OpenSSL 3.0 does not check it: stricter here, on purpose.
      expect(openssl(token)).toBe(true);
    }
  });

  it('a SignerInfo digest the verifier does not accept', async () => {
    const result = await verify(forged({ signerDigest: SHA1 }));
    expect(result).toMatchObject({
      status: 'invalid',
      code: 'algorithm_unsupported',
      params: { reason: `digest algorithm ${SHA1} is not accepted` },
    });
    // Read before the refusal: what the token states is still shown.
    expect(result.tsa).toBe('Dalel Test TSA');
    expect(result.time).not.toBeNull();
  });

  it('a message-digest attribute that is not an OCTET STRING is unparsable, named', async () => {
    const result = await verify(forged({ messageDigestAttr: int(5) }));
    expect(result).toMatchObject({
      status: 'invalid',
      code: 'unparsable',
      params: { reason: 'expected tag 0x04, found 0x02' },
    });
    expect(result.tsa).toBe('Dalel Test TSA');
    expect(result.serial).not.toBeNull();
  });

  it('the ESS certificate id: v1 (SHA-1) and v2 with SHA-384 or its default identify the signer', async () => {
    for (const input of [
      { essVersion: 1 as const },
      { essAlgorithm: OID.sha384 },
      { essAlgorithm: null },
    ]) {
      const token = forged(input);
      expect((await verify(token)).code, JSON.stringify(input)).toBe('trusted');
      expect(openssl(token), JSON.stringify(input)).toBe(true);
    }
  });

  it('the ESS certificate id: missing, an unknown hash, another certificate', async () => {
    expect(await verify(forged({ omitEss: true }))).toMatchObject({
      code: 'signing_cert_attr',
      params: { problem: 'is missing' },
    });
    expect(await verify(forged({ essAlgorithm: MD5 }))).toMatchObject({
      code: 'signing_cert_attr',
      params: { problem: `uses unknown hash ${MD5}` },
    });
    for (const essVersion of [1, 2] as const)
      expect(await verify(forged({ essVersion, essCert: der(pki.caPem) }))).toMatchObject({
        code: 'signing_cert_attr',
        params: { problem: 'names a different certificate than the signer' },
      });
  });
});

describe('after the checks', () => {
  it('a TSA certificate that has expired since the token was made: trusted, with a note', async () => {
    const token = forged();
    const notAfter = parseCertificate(der(pki.tsaPem)).notAfter;
    expect((await verify(token)).notes).toEqual([]);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(notAfter.getTime() + 1000);
    const later = await verify(token);
    expect(later.code).toBe('trusted');
    expect(later.notes).toEqual([
      { code: 'tsa_cert_expired_since', params: { notAfter: notAfter.toISOString() } },
    ]);
    // On its last valid second it has not expired yet.
    vi.setSystemTime(notAfter.getTime());
    expect((await verify(token)).notes).toEqual([]);
  });
});
