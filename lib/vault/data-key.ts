import { fromBase64, randomIv, toBase64, utf8 } from './bytes';
import { WrongPassphraseError } from './errors';
import { deriveKek, newArgon2Params } from './kdf';
import type { KdfParams, Sealed } from './record';

const AAD = utf8('dalel/vault/v1/data-key');

export interface WrappedDataKey {
  kdf: KdfParams;
  wrappedDataKey: Sealed;
}

/** A new random 256-bit data key, wrapped under a key derived from the passphrase. */
export async function createDataKey(
  passphrase: string,
  params: KdfParams = newArgon2Params(),
): Promise<{ dataKey: Uint8Array; wrapped: WrappedDataKey }> {
  const dataKey = crypto.getRandomValues(new Uint8Array(32));
  return { dataKey, wrapped: await wrapDataKey(dataKey, passphrase, params) };
}

/**
 * Wraps a data key under fresh KDF parameters (a new salt): changing the passphrase, or moving an
 * old PBKDF2 record to Argon2id, re-wraps only this key.
 */
export async function wrapDataKey(
  dataKey: Uint8Array,
  passphrase: string,
  kdf: KdfParams = newArgon2Params(),
): Promise<WrappedDataKey> {
  const kek = await deriveKek(passphrase, kdf);
  const iv = randomIv();
  const data = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: AAD },
      kek,
      new Uint8Array(dataKey),
    ),
  );
  return { kdf, wrappedDataKey: { iv: toBase64(iv), data: toBase64(data) } };
}

/** The data key, or WrongPassphraseError when the GCM tag fails (K3). */
export async function unwrapDataKey(
  wrapped: WrappedDataKey,
  passphrase: string,
): Promise<Uint8Array> {
  const kek = await deriveKek(passphrase, wrapped.kdf);
  try {
    const key = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(wrapped.wrappedDataKey.iv), additionalData: AAD },
      kek,
      fromBase64(wrapped.wrappedDataKey.data),
    );
    return new Uint8Array(key);
  } catch {
    throw new WrongPassphraseError();
  }
}
