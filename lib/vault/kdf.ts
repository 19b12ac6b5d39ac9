import { argon2idAsync } from '@noble/hashes/argon2.js';
import { fromBase64, toBase64, utf8 } from './bytes';
import type { Argon2idParams, KdfParams } from './record';

/** OWASP / Bitwarden default for PBKDF2-HMAC-SHA256 (integrity.md K2); the lock's first KDF. */
export const PBKDF2_ITERATIONS = 600_000;

/** Argon2id cost: memory in KiB, passes over it, lanes. */
export interface Argon2Cost {
  memoryKiB: number;
  passes: number;
  parallelism: number;
}

/**
 * The cost new passphrases are wrapped with: 32 MiB, 2 passes, 1 lane (the service worker has one
 * thread). Chosen by `npm run bench -- kdf`, which times it against native PBKDF2-SHA256 at
 * 600,000 iterations in the same run: pure-JS Argon2id (@noble/hashes, no WebAssembly, so the
 * extension's CSP needs no `wasm-unsafe-eval`) at this cost takes about 2× as long as that
 * PBKDF2, i.e. ~0.5 s on an idle core of this machine and ~1 s on a low-end laptop. Above
 * OWASP's Argon2id floors (19 MiB × 2, 46 MiB × 1). Each guess at a seized archive costs an
 * attacker 32 MiB of memory-hard work, where PBKDF2 was cheap on a GPU. Stored per record, so it
 * can be raised later.
 */
export const ARGON2_COST: Argon2Cost = { memoryKiB: 32 * 1024, passes: 2, parallelism: 1 };

/** RFC 9106's floor; below it Argon2 is not Argon2. Tests use small costs to stay fast. */
const ARGON2_FLOOR = { memoryKiB: 8, passes: 1 };

export function newArgon2Params(cost: Argon2Cost = ARGON2_COST): Argon2idParams {
  if (
    cost.memoryKiB < Math.max(ARGON2_FLOOR.memoryKiB, 8 * cost.parallelism) ||
    cost.passes < ARGON2_FLOOR.passes
  )
    throw new Error(`Argon2id cost below RFC 9106's minimum: ${JSON.stringify(cost)}`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { name: 'Argon2id', version: 0x13, ...cost, salt: toBase64(salt) };
}

/** Kept so that archives locked before Argon2id still open (and are re-wrapped at once). */
export function newPbkdf2Params(iterations = PBKDF2_ITERATIONS): KdfParams {
  if (iterations < PBKDF2_ITERATIONS)
    throw new Error(`PBKDF2 iterations must be at least ${PBKDF2_ITERATIONS}, got ${iterations}`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) };
}

async function importKek(raw: Uint8Array): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]);
  } finally {
    raw.fill(0);
  }
}

/** The key-encryption key: AES-256-GCM from the passphrase, never stored. */
export async function deriveKek(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  if (passphrase.length === 0) throw new Error('the passphrase is empty');
  const secret = utf8(passphrase.normalize('NFC'));
  if (params.name === 'Argon2id') {
    const raw = await argon2idAsync(secret, fromBase64(params.salt), {
      m: params.memoryKiB,
      t: params.passes,
      p: params.parallelism,
      version: params.version,
      dkLen: 32,
      // Yield to the worker's event loop every 20 ms: messages keep being answered meanwhile.
      asyncTick: 20,
      maxmem: (params.memoryKiB + 1024) * 1024,
    });
    secret.fill(0);
    return importKek(raw);
  }
  const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
  secret.fill(0);
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
