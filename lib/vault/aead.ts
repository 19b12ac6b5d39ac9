import { gcm } from '@noble/ciphers/aes.js';
import { concatBytes, randomIv, utf8 } from './bytes';
import { VaultDataError } from './errors';

/**
 * Synchronous AES-256-GCM (pure JS, @noble/ciphers). Synchronous on purpose: rows are encrypted
 * inside IndexedDB transactions, where awaiting WebCrypto would commit the transaction early
 * (integrity.md D2). Output is `iv (12) ‖ ciphertext ‖ tag (16)`, with a fresh random IV each call.
 */
export function sealBytes(key: Uint8Array, plaintext: Uint8Array, aad: string): Uint8Array {
  const iv = randomIv();
  return concatBytes(iv, gcm(key, iv, utf8(aad)).encrypt(plaintext));
}

/** Opens what `sealBytes` produced; a changed byte, key or `aad` throws VaultDataError. */
export function openBytes(key: Uint8Array, sealed: Uint8Array, aad: string): Uint8Array {
  if (sealed.length < 28) throw new VaultDataError(`${aad}: ciphertext too short`);
  try {
    return gcm(key, sealed.subarray(0, 12), utf8(aad)).decrypt(sealed.subarray(12));
  } catch {
    throw new VaultDataError(aad);
  }
}

export function sealJson(key: Uint8Array, value: unknown, aad: string): Uint8Array {
  return sealBytes(key, utf8(JSON.stringify(value)), aad);
}

export function openJson<T = unknown>(key: Uint8Array, sealed: Uint8Array, aad: string): T {
  return JSON.parse(new TextDecoder().decode(openBytes(key, sealed, aad))) as T;
}
