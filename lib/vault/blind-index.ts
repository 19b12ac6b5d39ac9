import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { utf8 } from './bytes';

/**
 * A blind index value: a keyed HMAC of a field's value, so equality lookups (`where(url).equals`)
 * still work while the plaintext (a person's name, a URL) is not stored. Table and field are bound
 * in, so equal values in two fields do not produce equal index entries. Truncated to 128 bits.
 */
export function blindIndex(
  indexKey: Uint8Array,
  table: string,
  field: string,
  value: unknown,
): string {
  const encoded = JSON.stringify(value);
  const mac = hmac(sha256, indexKey, utf8(`${table}\u0000${field}\u0000${encoded}`));
  return `b:${bytesToHex(mac.subarray(0, 16))}`;
}
