import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from './bytes';

/** Keys derived from the one data key, one per purpose, so no key serves two algorithms. */
export interface Subkeys {
  /** AES-256-GCM over each row's value (sync, inside transactions). */
  rows: Uint8Array;
  /** AES-256-GCM over artifact blobs, chunked (WebCrypto, before transactions). */
  blobs: Uint8Array;
  /** HMAC-SHA256 key of the blind indices that replace plaintext index values. */
  index: Uint8Array;
  /** AES-GCM key that wraps the Ed25519 signing key (pkcs8). */
  signing: Uint8Array;
}

const derive = (dataKey: Uint8Array, purpose: string) =>
  hmac(sha256, dataKey, utf8(`dalel/vault/v1/${purpose}`));

export function deriveSubkeys(dataKey: Uint8Array): Subkeys {
  if (dataKey.length !== 32) throw new Error(`data key must be 32 bytes, got ${dataKey.length}`);
  return {
    rows: derive(dataKey, 'rows'),
    blobs: derive(dataKey, 'blobs'),
    index: derive(dataKey, 'index'),
    signing: derive(dataKey, 'signing'),
  };
}
