// What an adversary does to a file between two reads: change its bytes and keep its ZIP CRC-32,
// so only a cryptographic hash notices. Independent of lib/evidence/zip on purpose (Node's own
// zlib.crc32 and a direct read of the ZIP records), so a bug there cannot hide one here.
import { crc32 } from 'node:zlib';

/** Where the bytes of a stored (uncompressed) entry lie in a ZIP held in memory. */
export function storedEntryRange(zip: Uint8Array, name: string): { start: number; size: number } {
  const { start, size, method } = entryRange(zip, name);
  if (method !== 0) throw new Error(`${name} is compressed`);
  return { start, size };
}

/** Where the (possibly compressed) bytes of an entry lie in a ZIP held in memory. */
export function entryRange(
  zip: Uint8Array,
  name: string,
): { start: number; size: number; method: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const dec = new TextDecoder();
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  let at = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad central directory');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true); // compressed size
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const entryName = dec.decode(zip.subarray(at + 46, at + 46 + nameLen));
    if (entryName === name) {
      if (size === 0xffffffff || local === 0xffffffff) throw new Error(`${name} is ZIP64`);
      const start =
        local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      return { start, size, method };
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in the archive`);
}

/**
 * `data` with the byte at `at` flipped and four bytes at `fix` (not overlapping `at`) changed so
 * that its CRC-32 is what it was. CRC-32 is affine over GF(2): the effect of each of the 32 bits
 * at `fix` on the CRC is measured, and the combination cancelling the flip is solved for.
 */
export function flipKeepingCrc(data: Uint8Array, at: number, fix: number): Uint8Array {
  if (fix + 4 > data.length || (at >= fix && at < fix + 4)) throw new Error('bad positions');
  const base = crc32(data);
  const out = data.slice();
  out[at]! ^= 0x01;
  const target = (crc32(out) ^ base) >>> 0;
  // Column j: how flipping bit j of the four bytes at `fix` changes the CRC.
  const columns: number[] = [];
  for (let j = 0; j < 32; j++) {
    const probe = out.slice();
    probe[fix + (j >> 3)]! ^= 1 << (j & 7);
    columns.push((crc32(probe) ^ crc32(out)) >>> 0);
  }
  // Solve columns · x = target by Gaussian elimination over GF(2), tracking combinations.
  const rows = columns.map((c, j) => ({ value: c, combo: 2 ** j }));
  let residual = target;
  let chosen = 0;
  for (let bit = 31; bit >= 0; bit--) {
    const mask = 2 ** bit;
    const pivot = rows.find((r) => (r.value & mask) !== 0);
    if (!pivot) continue;
    for (const r of rows)
      if (r !== pivot && (r.value & mask) !== 0) {
        r.value = (r.value ^ pivot.value) >>> 0;
        r.combo = xorU32(r.combo, pivot.combo);
      }
    if ((residual & mask) !== 0) {
      residual = (residual ^ pivot.value) >>> 0;
      chosen = xorU32(chosen, pivot.combo);
    }
    pivot.value = 0; // used: higher bits are already cleared from every other row
  }
  if (residual !== 0) throw new Error('no CRC-preserving fix at this position');
  for (let j = 0; j < 32; j++)
    if (Math.floor(chosen / 2 ** j) % 2 === 1) out[fix + (j >> 3)]! ^= 1 << (j & 7);
  if (crc32(out) !== base) throw new Error('CRC fix failed');
  return out;
}

/** XOR as an unsigned 32-bit number (JS bitwise operators answer signed ones). */
const xorU32 = (a: number, b: number): number => (a ^ b) >>> 0;
