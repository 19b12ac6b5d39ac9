import { concatBytes as concat } from '../evidence/hex';
/** Byte helpers shared by the vault: base64 for storing bytes inside JSON, and UTF-8. */

export { fromBase64, toBase64 } from '../evidence/hex';

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

export const concatBytes = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => concat(parts);

/** A fresh random 96-bit AES-GCM nonce: never derived from a counter that a restart could reset. */
export const randomIv = (): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(12));
