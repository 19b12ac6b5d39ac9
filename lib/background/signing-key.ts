import { generateSigningKey, signingKeyFromPair, type SigningKey } from '../evidence/signing';
import { toBase64 } from '../evidence/hex';
import type { KeysRepo } from '../store/repositories/keys-repo';
import type { KeyRow } from '../store/rows';

/**
 * The installation's signing key, created (with its `key_created` custody event, in one
 * transaction) on first run. The private key is a non-extractable CryptoKey.
 */
export async function ensureSigningKey(keys: KeysRepo, now: () => Date): Promise<SigningKey> {
  const existing = await keys.active();
  if (existing) return signingKeyFromPair(existing);
  const key = await generateSigningKey();
  const row: KeyRow = {
    id: `key_${key.fingerprint.replace(/-/g, '')}`,
    algorithm: 'Ed25519',
    privateKey: key.privateKey,
    publicKey: key.publicKey,
    publicKeyRaw: toBase64(key.publicKeyRaw),
    fingerprint: key.fingerprint,
    createdAt: now().toISOString(),
    active: true,
  };
  await keys.install(row);
  return key;
}
