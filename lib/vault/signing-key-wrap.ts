import { fromBase64, randomIv, toBase64, utf8 } from './bytes';
import { VaultDataError } from './errors';
import type { Sealed } from './record';

const ED25519 = { name: 'Ed25519' } as const;
const aad = (keyId: string) => utf8(`dalel/vault/v1/signing-key/${keyId}`);

function wrappingKey(signingSubkey: Uint8Array, usage: 'wrapKey' | 'unwrapKey') {
  return crypto.subtle.importKey('raw', new Uint8Array(signingSubkey), 'AES-GCM', false, [usage]);
}

/**
 * Wraps an extractable Ed25519 private key (pkcs8, AES-GCM under the data key's signing subkey).
 * Under the lock the key is generated extractable only for this moment and then dropped: what is
 * kept is this wrapped form and, once unlocked, a non-extractable copy in memory.
 */
export async function wrapSigningKey(
  privateKey: CryptoKey,
  keyId: string,
  signingSubkey: Uint8Array,
): Promise<Sealed> {
  const iv = randomIv();
  const wrapped = await crypto.subtle.wrapKey(
    'pkcs8',
    privateKey,
    await wrappingKey(signingSubkey, 'wrapKey'),
    {
      name: 'AES-GCM',
      iv,
      additionalData: aad(keyId),
    },
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(wrapped)) };
}

/** Unwraps the signing key as a NON-extractable CryptoKey: it can sign but never be exported. */
export async function unwrapSigningKey(
  sealed: Sealed,
  keyId: string,
  signingSubkey: Uint8Array,
  /** Only over storage.local, which can keep a key only as bytes (lib/store/mirror/key-codec.ts). */
  extractable = false,
): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey(
      'pkcs8',
      fromBase64(sealed.data),
      await wrappingKey(signingSubkey, 'unwrapKey'),
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: aad(keyId) },
      ED25519,
      extractable,
      ['sign'],
    );
  } catch {
    throw new VaultDataError(`signing key ${keyId} could not be unwrapped`);
  }
}

export function importPublicKey(publicKeyRaw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(publicKeyRaw), ED25519, true, ['verify']);
}
