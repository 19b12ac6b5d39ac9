import { fromBase64, toBase64, utf8 } from './bytes';
import type { KdfParams } from './record';

/** OWASP / Bitwarden default for PBKDF2-HMAC-SHA256 (integrity.md K2). */
export const PBKDF2_ITERATIONS = 600_000;

export function newKdfParams(iterations = PBKDF2_ITERATIONS): KdfParams {
  if (iterations < PBKDF2_ITERATIONS)
    throw new Error(`PBKDF2 iterations must be at least ${PBKDF2_ITERATIONS}, got ${iterations}`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) };
}

/** The key-encryption key: AES-256-GCM from the passphrase, never stored. */
export async function deriveKek(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  if (passphrase.length === 0) throw new Error('the passphrase is empty');
  const base = await crypto.subtle.importKey(
    'raw',
    utf8(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    {
      name: 'PBKDF2',
      hash: params.hash,
      salt: fromBase64(params.salt),
      iterations: params.iterations,
    },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
