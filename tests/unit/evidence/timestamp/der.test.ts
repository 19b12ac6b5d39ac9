// The DER reader against hostile input: malformed encodings are refused with DerError and
// nothing else, random bytes never crash it, and no mutation of a real token makes the token
// check say "trusted" about anything but what the TSA signed.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  boolean,
  children,
  DerError,
  int,
  integerHex,
  oid,
  oidBytes,
  parseDer,
  smallInt,
  time,
  text,
  tlv,
  TAG,
  wellFormed,
} from '../../../../lib/evidence/timestamp/der';
import { verifyToken } from '../../../../lib/evidence/timestamp/verify-token';
import { parseCertificate, pemCertificates } from '../../../../lib/evidence/timestamp/x509';
import { makeTestPki, opensslStamp, opensslVerify, type TestPki } from '../../../support/tsa/pki';

const bytes = (...b: number[]) => new Uint8Array(b);
const refuses = (input: Uint8Array, reason: RegExp) =>
  expect(() => parseDer(input)).toThrow(reason);

describe('DER reader: the encodings it refuses', () => {
  it('indefinite, non-minimal, oversized and truncated lengths; trailing bytes', () => {
    refuses(bytes(0x30, 0x80, 0, 0), /indefinite/);
    refuses(bytes(0x04, 0x81, 0x05, 1, 2, 3, 4, 5), /non-minimal length/);
    refuses(bytes(0x04, 0x82, 0x00, 0x81, ...new Array(0x81).fill(0)), /non-minimal length/);
    refuses(bytes(0x04, 0x85, 1, 0, 0, 0, 0), /length field too long/);
    refuses(bytes(0x04, 0x05, 1, 2), /truncated/);
    refuses(bytes(0x04, 0x01, 1, 0), /trailing bytes/);
    refuses(bytes(0x1f, 0x81, 0x01, 0x00), /multi-byte tag/);
    refuses(bytes(0x30), /truncated/);
  });

  it('children must tile their parent exactly', () => {
    // A SEQUENCE of 3 bytes holding an OCTET STRING that claims 2 bytes but has 1.
    const outer = parseDer(bytes(0x30, 0x03, 0x04, 0x02, 0x00));
    expect(() => children(outer)).toThrow(/truncated/);
    expect(() => children(parseDer(bytes(0x04, 0x01, 0x00)))).toThrow(/not constructed/);
  });

  it('INTEGER, BOOLEAN and OBJECT IDENTIFIER in their one DER form', () => {
    expect(() => smallInt(parseDer(bytes(0x02, 0x02, 0x00, 0x01)))).toThrow(/non-minimal INTEGER/);
    expect(() => smallInt(parseDer(bytes(0x02, 0x02, 0xff, 0x80)))).toThrow(/non-minimal INTEGER/);
    expect(() => smallInt(parseDer(bytes(0x02, 0x01, 0x80)))).toThrow(/negative/);
    expect(() => smallInt(parseDer(bytes(0x02, 0x00)))).toThrow(/empty/);
    expect(() => boolean(parseDer(bytes(0x01, 0x01, 0x01)))).toThrow(/0xFF/);
    expect(() => oid(parseDer(bytes(0x06, 0x02, 0x2a, 0x80)))).toThrow(/truncated/);
    expect(() => oid(parseDer(bytes(0x06, 0x03, 0x2a, 0x80, 0x01)))).toThrow(/non-minimal/);
  });

  it('strings: invalid UTF-8 is a DerError, not a crash', () => {
    expect(() => text(parseDer(tlv(TAG.utf8String, bytes(0xc3, 0x28))))).toThrow(DerError);
  });

  it('algorithm parameters must be well-formed DER down to the leaves', () => {
    expect(() => wellFormed(parseDer(bytes(0x25, 0x00)))).toThrow(/primitive/);
    expect(() => wellFormed(parseDer(bytes(0x30, 0x03, 0x01, 0x01, 0x07)))).toThrow(/0xFF/);
    expect(() => wellFormed(parseDer(bytes(0x05, 0x01, 0x00)))).toThrow(/NULL/);
    expect(() => wellFormed(parseDer(bytes(0x30, 0x02, 0x05, 0x00)))).not.toThrow();
  });

  it('times: UTC, with seconds, Z, no trailing fraction zeros, real dates', () => {
    const t = (tag: number, s: string) => time(parseDer(tlv(tag, new TextEncoder().encode(s))));
    expect(t(TAG.generalizedTime, '20260501120000Z').toISOString()).toBe(
      '2026-05-01T12:00:00.000Z',
    );
    expect(t(TAG.generalizedTime, '20260501120000.25Z').toISOString()).toBe(
      '2026-05-01T12:00:00.250Z',
    );
    expect(t(TAG.utcTime, '491231235959Z').toISOString()).toBe('2049-12-31T23:59:59.000Z');
    expect(t(TAG.utcTime, '500101000000Z').toISOString()).toBe('1950-01-01T00:00:00.000Z');
    for (const bad of [
      '20260501120000.50Z',
      '202605011200Z',
      '20260501120000',
      '20260230120000Z',
      '20260501120000+0100',
      '20260501250000Z',
    ])
      expect(() => t(TAG.generalizedTime, bad), bad).toThrow(DerError);
  });
});

describe('DER writer and reader agree', () => {
  it('INTEGER round trip for any safe non-negative integer', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const node = parseDer(int(n));
        expect(node.tag).toBe(TAG.integer);
        expect(BigInt(`0x${integerHex(node)}`)).toBe(BigInt(n));
      }),
    );
  });

  it('OBJECT IDENTIFIER round trip', () => {
    const arc = fc.integer({ min: 0, max: 2 ** 40 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 39 }),
        fc.array(arc, { maxLength: 8 }),
        (a, b, rest) => {
          const dotted = [a, b, ...rest].join('.');
          expect(oid(parseDer(oidBytes(dotted)))).toBe(dotted);
        },
      ),
    );
  });
});

describe.each([
  ['EC P-256 TSA', {}],
  [
    'RSA TSA under an RSA-PSS intermediate',
    { tsaKey: 'rsa-2048', caPss: true, intermediate: true },
  ],
] as const)('hostile input: %s', (_name, options) => {
  let pki: TestPki;
  let token: Uint8Array;
  const data = new TextEncoder().encode('the bytes that were stamped');
  beforeAll(() => {
    pki = makeTestPki(options);
    token = new Uint8Array(opensslStamp(pki, Buffer.from(data))); // a copy: Buffer#slice is a view
  }, 30_000);

  it('random bytes: DerError or a value, never another exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (input) => {
        try {
          parseDer(input);
        } catch (error) {
          expect(error).toBeInstanceOf(DerError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('random bytes and random certificates: the token check answers, never throws, never trusts', async () => {
    const anchors = pemCertificates(pki.caPem).map(parseCertificate);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (input) => {
        const result = await verifyToken(input, { bytes: data, name: 'x' }, anchors);
        expect(result.status).not.toBe('trusted');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (input) => {
        try {
          parseCertificate(input);
        } catch (error) {
          expect(error).toBeInstanceOf(DerError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('mutated real tokens: trusted only with exactly what the TSA signed, and then openssl agrees', async () => {
    const anchors = pemCertificates(pki.caPem).map(parseCertificate);
    const original = await verifyToken(token, { bytes: data, name: 'x' }, anchors);
    expect(original.status).toBe('trusted');
    const claims = (r: typeof original) => [r.time, r.serial, r.nonce, r.policy, r.tsa];
    let trustedMutants = 0;
    let opensslChecks = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: token.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        fc.constantFrom('flip', 'cut', 'insert'),
        async (at, value, how) => {
          let mutant: Uint8Array;
          if (how === 'flip') {
            mutant = token.slice();
            mutant[at] = mutant[at]! ^ value;
          } else if (how === 'cut') {
            mutant = token.slice(0, at);
          } else {
            mutant = new Uint8Array([...token.subarray(0, at), value, ...token.subarray(at)]);
          }
          const result = await verifyToken(mutant, { bytes: data, name: 'x' }, anchors);
          if (result.status !== 'trusted') return;
          trustedMutants++;
          // Only bytes outside what the TSA signed (e.g. the copy of the CA certificate it
          // included, which the chain does not need) can change without losing trust.
          expect(claims(result)).toEqual(claims(original));
          if (opensslChecks++ < 15) {
            const theirs = opensslVerify(mutant, { data }, pki.caPem);
            expect(theirs.ok, theirs.output).toBe(true);
          }
        },
      ),
      { numRuns: 600 },
    );
    expect(trustedMutants).toBeLessThan(600);
  });

  it('a digest the token covers is compared in full', async () => {
    const anchors = pemCertificates(pki.caPem).map(parseCertificate);
    const digest = new Uint8Array(createHash('sha256').update(data).digest());
    const whole = await verifyToken(token, { sha256: digest, name: 'seal' }, anchors);
    expect(whole.code, JSON.stringify(whole.params)).toBe('trusted');
    digest[31] = digest[31]! ^ 1;
    const changed = await verifyToken(token, { sha256: digest, name: 'seal' }, anchors);
    expect(changed.code).toBe('imprint_mismatch');
  });
});
