// Key compromise: a "revoke this key" statement signed by the key itself, made while the monitor
// still holds it and kept off the device as a printable code. A seized or stolen key can sign new
// packages, but it cannot give them a trusted time earlier than the compromise; so once a lawyer
// holds the code and the date the key was lost, a package by that key counts only if a TSA
// token proves it was signed before then (revocation-check.ts).
//
// The code: "DALEL-REVOKE-1" and base32 (RFC 4648, no padding) of
//   public key (32 bytes) ‖ creation time (4 bytes, seconds since 1970, big-endian) ‖ signature (64)
// in groups of four. The signature is Ed25519 over REVOCATION_MESSAGE(fingerprint, created):
// a typo anywhere fails it, so a mistyped code is refused, never misread.
import { fingerprintOf, verifyEd25519, type Signer } from './signing';

export const REVOCATION_PREFIX = 'DALEL-REVOKE-1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export class RevocationError extends Error {}

export interface Revocation {
  fingerprint: string;
  publicKeyRaw: Uint8Array;
  /** When the code was made (not when the key was lost: that date comes from the monitor). */
  created: string;
}

/** The exact bytes signed: readable, and distinct from anything else the key signs. */
export function revocationMessage(fingerprint: string, created: string): Uint8Array {
  return new TextEncoder().encode(
    `dalel/key-revocation/v1\nThe key ${fingerprint} is revoked: do not trust what it signs after it was lost.\nmade ${created}\n`,
  );
}

export async function makeRevocation(
  signer: Signer,
  now: Date,
): Promise<{ code: string } & Revocation> {
  const seconds = Math.floor(now.getTime() / 1000);
  const created = new Date(seconds * 1000).toISOString();
  const signature = await signer.sign(revocationMessage(signer.fingerprint, created));
  const bytes = new Uint8Array(100);
  bytes.set(signer.publicKeyRaw, 0);
  new DataView(bytes.buffer).setUint32(32, seconds);
  bytes.set(signature, 36);
  return {
    code: formatCode(bytes),
    fingerprint: signer.fingerprint,
    publicKeyRaw: signer.publicKeyRaw,
    created,
  };
}

/** Groups of four, eight groups a line, after the prefix: easy to print, read aloud and type. */
function formatCode(bytes: Uint8Array): string {
  const groups = base32(bytes).match(/.{1,4}/g)!;
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 8) lines.push(groups.slice(i, i + 8).join('-'));
  return `${REVOCATION_PREFIX}\n${lines.join('\n')}`;
}

/** Reads a code (spaces, dashes, line breaks and case do not matter) and checks its signature. */
export async function parseRevocation(text: string): Promise<Revocation> {
  // Spacing, dashes and case are free; digits a person may read for look-alike letters are taken
  // as those letters (the alphabet has no 0, 1 or 8).
  const clean = text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  const prefix = REVOCATION_PREFIX.replace(/-/g, '').replace('1', 'I');
  if (!clean.startsWith(prefix))
    throw new RevocationError(`not a revocation code (it starts with ${REVOCATION_PREFIX})`);
  let bytes: Uint8Array;
  try {
    bytes = fromBase32(clean.slice(prefix.length));
  } catch (error) {
    throw new RevocationError((error as Error).message);
  }
  if (bytes.length !== 100)
    throw new RevocationError('the revocation code is incomplete or too long');
  const publicKeyRaw = bytes.slice(0, 32);
  const seconds = new DataView(bytes.buffer, bytes.byteOffset).getUint32(32);
  const created = new Date(seconds * 1000).toISOString();
  const fingerprint = await fingerprintOf(publicKeyRaw);
  const ok = await verifyEd25519(
    publicKeyRaw,
    bytes.slice(36),
    revocationMessage(fingerprint, created),
  );
  if (!ok)
    throw new RevocationError(
      'the revocation code does not verify (mistyped, or not made by that key)',
    );
  return { fingerprint, publicKeyRaw, created };
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`"${ch}" is not part of a revocation code`);
    buffer = (buffer << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return new Uint8Array(out);
}
