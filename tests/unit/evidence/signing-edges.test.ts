// The edges of the signer's key handling that a forger or a mistyped fingerprint would reach:
// a small-order public key with an ordinary R, keys and signatures of the wrong length, pinned
// fingerprints of the wrong length, and public keys in every form a lawyer may paste.
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { fromHex, toBase64 } from '../../../lib/evidence/hex';
import {
  generateSigningKey,
  normalizeFingerprint,
  parsePublicKey,
  publicKeyPem,
  PublicKeyError,
  verifyEd25519,
} from '../../../lib/evidence/signing';

const L = 2n ** 252n + 27742317777372353535851937790883648493n; // the order of the base point
const IDENTITY = fromHex('0100000000000000000000000000000000000000000000000000000000000000');

function littleEndian(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

/**
 * A signature (R, S) that "verifies" every message under the identity public key while R is an
 * ordinary point: with A the identity, [S]B = R + [k]A is just [S]B = R. An Ed25519 key pair
 * gives such a pair: R is its public key [a]B, S its secret scalar a (mod L).
 */
function forgeryForIdentityKey(): Uint8Array {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = fromBase64url(privateKey.export({ format: 'jwk' }).d!);
  const h = createHash('sha512').update(seed).digest();
  h[0]! &= 248;
  h[31]! &= 127;
  h[31]! |= 64;
  let a = 0n;
  for (let i = 31; i >= 0; i--) a = (a << 8n) | BigInt(h[i]!);
  const r = fromBase64url(publicKey.export({ format: 'jwk' }).x!);
  const signature = new Uint8Array(64);
  signature.set(r, 0);
  signature.set(littleEndian(a % L, 32), 32);
  return signature;
}
const fromBase64url = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));

describe('verifyEd25519 refuses a forger’s inputs', () => {
  it('a small-order public key, even when R is an ordinary point', async () => {
    const signature = forgeryForIdentityKey();
    const data = new TextEncoder().encode('any statement at all');
    // The forgery is real: OpenSSL, asked directly, accepts it for the identity key.
    const spki = new Uint8Array([
      0x30,
      0x2a,
      0x30,
      0x05,
      0x06,
      0x03,
      0x2b,
      0x65,
      0x70,
      0x03,
      0x21,
      0x00,
      ...IDENTITY,
    ]);
    const identity = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    expect(verify(null, data, identity, signature)).toBe(true);
    expect(await verifyEd25519(IDENTITY, signature, data)).toBe(false);
  });

  it('keys and signatures of the wrong length', async () => {
    const key = await generateSigningKey();
    const data = new TextEncoder().encode('statement');
    const signature = await key.sign(data);
    expect(await verifyEd25519(key.publicKeyRaw, signature, data)).toBe(true);
    expect(await verifyEd25519(key.publicKeyRaw.subarray(0, 31), signature, data)).toBe(false);
    expect(await verifyEd25519(key.publicKeyRaw, signature.subarray(0, 63), data)).toBe(false);
    const longer = new Uint8Array(65);
    longer.set(signature);
    expect(await verifyEd25519(key.publicKeyRaw, longer, data)).toBe(false);
  });

  it('a key the platform refuses to import is a failed verification, not a crash', async () => {
    // Node imports any 32 bytes and fails the verification later; a browser's WebCrypto may
    // refuse a point that is not on the curve at import (a DataError) instead.
    const key = await generateSigningKey();
    const data = new TextEncoder().encode('statement');
    const signature = await key.sign(data);
    const refused = vi
      .spyOn(crypto.subtle, 'importKey')
      .mockRejectedValue(new DOMException('not a point on the curve', 'DataError'));
    try {
      expect(await verifyEd25519(key.publicKeyRaw, signature, data)).toBe(false);
      expect(refused).toHaveBeenCalledOnce();
    } finally {
      refused.mockRestore();
    }
  });
});

describe('normalizeFingerprint takes exactly 32 hex digits', () => {
  const typed = '3F2A 9C01-ab12:cd34 ef56 7890 1234 5678';
  it('in any case and grouping', () => {
    expect(normalizeFingerprint(typed)).toBe('3f2a-9c01-ab12-cd34-ef56-7890-1234-5678');
  });
  it('not 31, 33 or 40 digits, nor a letter past f', () => {
    expect(normalizeFingerprint(typed.slice(0, -1))).toBeNull();
    expect(normalizeFingerprint(`${typed}9`)).toBeNull();
    expect(normalizeFingerprint(`${typed} 9abc def0`)).toBeNull();
    expect(normalizeFingerprint(`0${typed}`)).toBeNull();
    expect(normalizeFingerprint(typed.replace('F', 'g'))).toBeNull();
  });
});

describe('public keys as a lawyer may paste them', () => {
  it('PEM lines of 64 characters, as openssl writes them, and read back', async () => {
    const key = await generateSigningKey();
    const pem = publicKeyPem(key.publicKeyRaw);
    const lines = pem.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN PUBLIC KEY-----');
    expect(lines.at(-1)).toBe('-----END PUBLIC KEY-----');
    expect(lines.slice(1, -1).map((l) => l.length)).toEqual([60]);
    expect(parsePublicKey(pem)).toEqual(key.publicKeyRaw);
    expect(parsePublicKey(`  ${toBase64(key.publicKeyRaw)}\n`)).toEqual(key.publicKeyRaw);
  });

  it('names what is wrong: not base64, or 44 bytes that are not an Ed25519 SPKI', () => {
    const notBase64 = (() => {
      try {
        parsePublicKey('not a key!');
      } catch (e) {
        return e as PublicKeyError;
      }
    })();
    expect(notBase64).toBeInstanceOf(PublicKeyError);
    expect([notBase64!.code, notBase64!.message]).toEqual([
      'pem_not_base64',
      'public key: not PEM or base64',
    ]);
    const fortyFour = new Uint8Array(44).fill(7);
    expect(() => parsePublicKey(fortyFour)).toThrow(
      new PublicKeyError(
        'pem_not_ed25519',
        'public key: not an Ed25519 key (expected 32 raw bytes or an Ed25519 SPKI)',
      ),
    );
  });

  it('an Ed25519 SPKI with a byte more or less is not taken for one', async () => {
    const key = await generateSigningKey();
    const spki = new Uint8Array(
      createPublicKey(publicKeyPem(key.publicKeyRaw)).export({ format: 'der', type: 'spki' }),
    );
    expect(parsePublicKey(spki)).toEqual(key.publicKeyRaw);
    for (const wrong of [concat(spki, [0]), spki.subarray(0, 43)])
      expect(() => parsePublicKey(wrong)).toThrow(PublicKeyError);
  });
});

const concat = (bytes: Uint8Array, more: number[]) => new Uint8Array([...bytes, ...more]);
