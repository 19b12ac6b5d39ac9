import type { KeysRepo } from '../store/repositories/keys-repo';
import type { KeyRow } from '../store/rows';

// TEMPORARY (foundation): key generation and fingerprint move to lib/evidence/signing.ts when the
// evidence core lands; the store contract (non-extractable private CryptoKey) stays.

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/**
 * A new Ed25519 key row. `extractable` is true only under the passphrase lock, so the vault can
 * wrap it at once (lib/store/repositories/vault-repo.ts); otherwise it never leaves the browser.
 */
export async function createKey(now: Date, extractable = false): Promise<KeyRow> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, extractable, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  const hex = Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  const fingerprint = hex.toUpperCase().match(/.{4}/g)!.join('-');
  return {
    id: `key_${hex}`,
    algorithm: 'Ed25519',
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    publicKeyRaw: base64(raw),
    fingerprint,
    createdAt: now.toISOString(),
    active: true,
  };
}

/** The active signing key, created (with its custody event) on first run. */
export async function ensureSigningKey(keys: KeysRepo, now: () => Date): Promise<KeyRow> {
  const existing = await keys.active();
  if (existing) return existing;
  const key = await createKey(now());
  await keys.install(key);
  return (await keys.active())!;
}
