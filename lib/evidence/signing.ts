import { sha256 } from './sha256';
import { bytesEqual, concatBytes, fromBase64, toBase64, toHex } from './hex';

/** What a package needs from a signing key; the private half never leaves WebCrypto. */
export interface Signer {
  sign(bytes: Uint8Array): Promise<Uint8Array>;
  publicKeyRaw: Uint8Array;
  fingerprint: string;
}

export interface SigningKey extends Signer {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

const ED25519 = { name: 'Ed25519' } as const;
/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32-byte key follows. */
const SPKI_PREFIX = new Uint8Array([
  0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
]);

/**
 * Fingerprint of a raw Ed25519 public key: the first 16 bytes of its SHA-256, lower-case hex in
 * eight groups of four ("3f2a-9c01-…"). Hex so a lawyer can recompute it with sha256sum alone.
 */
export async function fingerprintOf(publicKeyRaw: Uint8Array): Promise<string> {
  const hex = toHex((await sha256(publicKeyRaw)).subarray(0, 16));
  return hex.match(/.{4}/g)!.join('-');
}

/** Normalise a user-typed fingerprint (any case, spaces, dashes or colons) for comparison. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.toLowerCase().replace(/[\s:-]/g, '');
  return /^[0-9a-f]{32}$/.test(hex) ? hex.match(/.{4}/g)!.join('-') : null;
}

/** Create a fresh Ed25519 key; the private key is non-extractable. */
export async function generateSigningKey(): Promise<SigningKey> {
  const pair = (await crypto.subtle.generateKey(ED25519, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return signingKeyFromPair(pair);
}

/** Wrap a stored key pair (e.g. read back from IndexedDB) as a signer. */
export async function signingKeyFromPair(pair: CryptoKeyPair): Promise<SigningKey> {
  const publicKeyRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privateKey = pair.privateKey;
  return {
    privateKey,
    publicKey: pair.publicKey,
    publicKeyRaw,
    fingerprint: await fingerprintOf(publicKeyRaw),
    sign: async (bytes) =>
      new Uint8Array(
        await crypto.subtle.sign(ED25519, privateKey, bytes as Uint8Array<ArrayBuffer>),
      ),
  };
}

/** True when `signature` is a valid Ed25519 signature of `data` by `publicKeyRaw`. */
export async function verifyEd25519(
  publicKeyRaw: Uint8Array,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  if (publicKeyRaw.length !== 32 || signature.length !== 64) return false;
  if (hasSmallOrder(publicKeyRaw) || hasSmallOrder(signature.subarray(0, 32))) return false;
  try {
    const key = await crypto.subtle.importKey(
      'raw',
      publicKeyRaw as Uint8Array<ArrayBuffer>,
      ED25519,
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(
      ED25519,
      key,
      signature as Uint8Array<ArrayBuffer>,
      data as Uint8Array<ArrayBuffer>,
    );
  } catch {
    // A malformed key (not a curve point) is a failed verification, not a crash.
    return false;
  }
}

// Encodings of the points of order 1, 2, 4 and 8 (and their non-canonical twins), as in
// libsodium's ge25519_has_small_order. OpenSSL (so Node's WebCrypto) accepts the identity as a
// public key, with which R = identity, S = 0 "verifies" every message: we refuse them first.
const SMALL_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

/** True when a 32-byte point encoding is a small-order point (sign bit ignored). */
export function hasSmallOrder(point: Uint8Array): boolean {
  const masked = point.slice();
  masked[31]! &= 0x7f;
  const hex = toHex(masked);
  return SMALL_ORDER.includes(hex);
}

/** PEM SubjectPublicKeyInfo, the form `openssl pkeyutl -verify -pubin` reads. */
export function publicKeyPem(publicKeyRaw: Uint8Array): string {
  const b64 = toBase64(concatBytes([SPKI_PREFIX, publicKeyRaw]));
  return `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/**
 * Raw 32-byte Ed25519 public key from a PEM SPKI, base64 of the raw key or of the SPKI, or the
 * raw/DER bytes themselves. Throws naming what was wrong.
 */
export function parsePublicKey(input: string | Uint8Array): Uint8Array {
  let der: Uint8Array;
  if (typeof input === 'string') {
    const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(input);
    try {
      der = fromBase64(pem ? pem[1]! : input.trim());
    } catch {
      throw new PublicKeyError('pem_not_base64', 'public key: not PEM or base64');
    }
  } else {
    der = input;
  }
  if (der.length === 32) return der;
  if (der.length === 44 && bytesEqual(der.subarray(0, 12), SPKI_PREFIX)) return der.slice(12);
  throw new PublicKeyError(
    'pem_not_ed25519',
    'public key: not an Ed25519 key (expected 32 raw bytes or an Ed25519 SPKI)',
  );
}

export class PublicKeyError extends Error {
  constructor(
    readonly code: 'pem_not_base64' | 'pem_not_ed25519',
    message: string,
  ) {
    super(message);
  }
}
