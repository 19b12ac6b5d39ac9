import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../lib/evidence/hex';
import {
  fingerprintOf,
  generateSigningKey,
  normalizeFingerprint,
  parsePublicKey,
  publicKeyPem,
  verifyEd25519,
} from '../../../lib/evidence/signing';

const b64url = (b: Uint8Array): string => Buffer.from(b).toString('base64url');

// RFC 8032 §7.1, tests 1–3 and SHA(abc).
const RFC8032 = [
  {
    name: 'TEST 1',
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2',
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3',
    secret: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    public: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

async function importRfcKey(secret: string, pub: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'Ed25519', d: b64url(fromHex(secret)), x: b64url(fromHex(pub)) },
    { name: 'Ed25519' },
    false,
    ['sign'],
  );
}

describe('Ed25519 (RFC 8032 golden vectors)', () => {
  it.each(RFC8032)('$name: WebCrypto signs exactly the vector, and it verifies', async (v) => {
    const key = await importRfcKey(v.secret, v.public);
    const sig = new Uint8Array(
      await crypto.subtle.sign(
        { name: 'Ed25519' },
        key,
        fromHex(v.message) as Uint8Array<ArrayBuffer>,
      ),
    );
    expect(toHex(sig)).toBe(v.signature);
    expect(await verifyEd25519(fromHex(v.public), fromHex(v.signature), fromHex(v.message))).toBe(
      true,
    );
  });

  it.each(RFC8032)('$name: a one-bit flip in message, signature or key fails', async (v) => {
    const msg = fromHex(v.message);
    const sig = fromHex(v.signature);
    const pub = fromHex(v.public);
    const flip = (b: Uint8Array, i: number): Uint8Array => {
      const c = b.slice();
      c[i % c.length]! ^= 1;
      return c;
    };
    if (msg.length) expect(await verifyEd25519(pub, sig, flip(msg, 0))).toBe(false);
    expect(await verifyEd25519(pub, sig, new Uint8Array([...msg, 0]))).toBe(false);
    for (const i of [0, 31, 32, 63])
      expect(await verifyEd25519(pub, flip(sig, i), msg)).toBe(false);
    expect(await verifyEd25519(flip(pub, 5), sig, msg)).toBe(false);
  });

  it('S11: rejects a non-canonical S (S + L) and small-order public keys', async () => {
    const v = RFC8032[0]!;
    const sig = fromHex(v.signature);
    // L = 2^252 + 27742317777372353535851937790883648493, little-endian in the second half.
    const L = fromHex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
    const s = sig.slice(32);
    let carry = 0;
    for (let i = 0; i < 32; i++) {
      const sum = s[i]! + L[i]! + carry;
      s[i] = sum & 0xff;
      carry = sum >> 8;
    }
    const malleated = new Uint8Array([...sig.subarray(0, 32), ...s]);
    expect(await verifyEd25519(fromHex(v.public), malleated, fromHex(v.message))).toBe(false);
    // The identity point as public key with R = identity, S = 0 "verifies" any message in lax verifiers.
    const identity = fromHex('0100000000000000000000000000000000000000000000000000000000000000');
    const forged = new Uint8Array([...identity, ...new Uint8Array(32)]);
    expect(await verifyEd25519(identity, forged, new TextEncoder().encode('any message'))).toBe(
      false,
    );
    // The same forgery with the sign bit set, or p+1 (a non-canonical identity), fails too.
    const signed = identity.slice();
    signed[31] = 0x80;
    expect(await verifyEd25519(signed, forged, new TextEncoder().encode('any message'))).toBe(
      false,
    );
    const nonCanonical = fromHex(
      'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    );
    expect(await verifyEd25519(nonCanonical, forged, new TextEncoder().encode('x'))).toBe(false);
  });

  it('S10: returns false, not a crash, for malformed keys and signatures (e.g. a 70-byte DER-style signature)', async () => {
    expect(await verifyEd25519(new Uint8Array(31), new Uint8Array(64), new Uint8Array(1))).toBe(
      false,
    );
    expect(
      await verifyEd25519(new Uint8Array(32).fill(0xff), new Uint8Array(64), new Uint8Array(1)),
    ).toBe(false);
    expect(await verifyEd25519(new Uint8Array(32), new Uint8Array(70), new Uint8Array(1))).toBe(
      false,
    );
  });
});

describe('signing keys', () => {
  it('creates a non-extractable private key that signs verifiable statements', async () => {
    const key = await generateSigningKey();
    expect(key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', key.privateKey)).rejects.toThrow();
    const msg = new TextEncoder().encode('statement');
    expect(await verifyEd25519(key.publicKeyRaw, await key.sign(msg), msg)).toBe(true);
  });

  it('fingerprint: first 16 bytes of sha256(raw key) as 8 hex groups; normalises user input', async () => {
    const raw = fromHex(RFC8032[0]!.public);
    const fp = await fingerprintOf(raw);
    expect(fp).toMatch(/^([0-9a-f]{4}-){7}[0-9a-f]{4}$/);
    const expected = toHex(
      new Uint8Array(await crypto.subtle.digest('SHA-256', raw as Uint8Array<ArrayBuffer>)),
    ).slice(0, 32);
    expect(fp.replace(/-/g, '')).toBe(expected);
    expect(normalizeFingerprint(fp.toUpperCase().replace(/-/g, ' '))).toBe(fp);
    expect(normalizeFingerprint('abc')).toBeNull();
  });

  it('public key round-trips through PEM, base64 and raw bytes; rejects other keys', () => {
    const raw = fromHex(RFC8032[1]!.public);
    const pem = publicKeyPem(raw);
    expect(parsePublicKey(pem)).toEqual(raw);
    expect(parsePublicKey(Buffer.from(raw).toString('base64'))).toEqual(raw);
    expect(parsePublicKey(raw)).toEqual(raw);
    expect(() => parsePublicKey('not a key!')).toThrow('not PEM or base64');
    expect(() => parsePublicKey(new Uint8Array(33))).toThrow('not an Ed25519 key');
  });

  it('openssl verifies our signature with our PEM, as README.txt tells a lawyer to do', async (ctx) => {
    try {
      execFileSync('openssl', ['version']);
    } catch {
      ctx.skip();
    }
    const key = await generateSigningKey();
    const msg = new TextEncoder().encode('{"type":"dalel/package-signature/v1"}');
    const dir = mkdtempSync(join(tmpdir(), 'dalel-openssl-'));
    try {
      writeFileSync(join(dir, 'signer.pem'), publicKeyPem(key.publicKeyRaw));
      writeFileSync(join(dir, 'statement.json'), msg);
      writeFileSync(join(dir, 'statement.sig'), await key.sign(msg));
      const out = execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          'signer.pem',
          '-rawin',
          '-in',
          'statement.json',
          '-sigfile',
          'statement.sig',
        ],
        { cwd: dir },
      ).toString();
      expect(out).toContain('Signature Verified Successfully');
      writeFileSync(join(dir, 'statement.json'), new TextEncoder().encode('{"type":"tampered"}'));
      expect(() =>
        execFileSync(
          'openssl',
          [
            'pkeyutl',
            '-verify',
            '-pubin',
            '-inkey',
            'signer.pem',
            '-rawin',
            '-in',
            'statement.json',
            '-sigfile',
            'statement.sig',
          ],
          { cwd: dir, stdio: 'pipe' },
        ),
      ).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
