import { toBase64 } from '../evidence/hex';
import { signingKeyFromPair, type SigningKey } from '../evidence/signing';
import type { KeysRepo } from '../store/repositories/keys-repo';
import type { KeyRow } from '../store/rows';

/**
 * A new Ed25519 key as a store row. Non-extractable, except under the passphrase lock, where the
 * vault must wrap it at once and keeps only the wrapped form and a non-extractable copy
 * (lib/store/repositories/vault-repo.ts).
 */
export async function createKeyRow(now: Date, extractable = false): Promise<KeyRow> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, extractable, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const key = await signingKeyFromPair(pair);
  return {
    id: `key_${key.fingerprint.replace(/-/g, '')}`,
    algorithm: 'Ed25519',
    privateKey: key.privateKey,
    publicKey: key.publicKey,
    publicKeyRaw: toBase64(key.publicKeyRaw),
    fingerprint: key.fingerprint,
    createdAt: now.toISOString(),
    active: true,
  };
}

/** The active key as a signer; null private key = shredded (never the active key). */
export function signerOf(row: KeyRow): Promise<SigningKey> {
  if (!row.privateKey) throw new Error(`signing key ${row.fingerprint} has no private key`);
  return signingKeyFromPair({ privateKey: row.privateKey, publicKey: row.publicKey });
}

/**
 * The installation's signing key, created (with its `key_created` custody event, in one
 * transaction) on first run. The private key is a non-extractable CryptoKey — except over
 * `storage.local` (`extractable`), which can hold a key only as bytes (lib/store/mirror/key-codec.ts).
 */
export async function ensureSigningKey(
  keys: KeysRepo,
  now: () => Date,
  extractable = false,
): Promise<SigningKey> {
  const existing = await keys.active();
  if (existing) return signerOf(existing);
  const row = await createKeyRow(now(), extractable);
  await keys.install(row);
  return signerOf(row);
}
