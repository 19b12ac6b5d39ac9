// A stored entry with a data descriptor has no length in its local header, so a streaming reader
// (bsdtar reading a pipe, streaming unzip libraries) ends it at the first data-descriptor
// signature followed by a matching CRC-32 and sizes — and reads whatever follows as more files.
// Such a look-alike can be planted inside captured media (a hostile page serves the image). A
// chance one has probability 2^-64, so finding one means the entry would read differently.
import { SIG } from './format';

const SIGNATURE = new Uint8Array([0x50, 0x4b, 0x07, 0x08]);
/** Signature, CRC-32 and two 64-bit sizes: the longest descriptor. */
const SPAN = 24;

export type FindBytes = (haystack: Uint8Array, needle: Uint8Array, from: number) => number;

/** Portable search (the platform's own, e.g. Node's Buffer.indexOf, is injected where faster). */
export const findBytesJs: FindBytes = (haystack, needle, from) => {
  const first = needle[0]!;
  for (let i = haystack.indexOf(first, from); i !== -1; i = haystack.indexOf(first, i + 1)) {
    if (i + needle.length > haystack.length) return -1;
    let k = 1;
    while (k < needle.length && haystack[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
};

interface Pending {
  at: number;
  crc: number;
  bytes: Uint8Array;
}

export class DescriptorScan {
  private seen = 0;
  private crc = 0;
  private pending: Pending[] = [];

  constructor(
    private readonly crc32: (data: Uint8Array, previous: number) => number,
    private readonly find: FindBytes = findBytesJs,
  ) {}

  /** Feed the next chunk (before it is CRC'd elsewhere); returns the offset of a look-alike or -1. */
  push(chunk: Uint8Array): number {
    const start = this.seen;
    for (const p of this.pending.splice(0)) {
      const bytes = concat(p.bytes, chunk.subarray(0, SPAN - p.bytes.length));
      if (bytes.length < SPAN) this.pending.push({ ...p, bytes });
      else if (lookalike(bytes, p.at, p.crc)) return p.at;
    }
    for (let i = this.find(chunk, SIGNATURE, 0); i !== -1; i = this.find(chunk, SIGNATURE, i + 1)) {
      const at = start + i;
      const crc = this.crc32(chunk.subarray(0, i), this.crc);
      const bytes = chunk.subarray(i, i + SPAN);
      if (bytes.length < SPAN) this.pending.push({ at, crc, bytes: bytes.slice() });
      else if (lookalike(bytes, at, crc)) return at;
    }
    this.seen += chunk.length;
    this.crc = this.crc32(chunk, this.crc);
    return -1;
  }

  /** At the end of the data: look-alikes cut short by it (a 32-bit descriptor needs 16 bytes). */
  finish(): number {
    for (const p of this.pending) if (lookalike(p.bytes, p.at, p.crc)) return p.at;
    return -1;
  }
}

function lookalike(b: Uint8Array, at: number, crc: number): boolean {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 16 || v.getUint32(0, true) !== SIG.descriptor) return false;
  const sizes32 = v.getUint32(8, true) === at && v.getUint32(12, true) === at;
  const sizes64 =
    b.length >= SPAN &&
    v.getUint32(8, true) === at % 2 ** 32 &&
    v.getUint32(12, true) === Math.floor(at / 2 ** 32) &&
    v.getUint32(16, true) === at % 2 ** 32 &&
    v.getUint32(20, true) === Math.floor(at / 2 ** 32);
  return (sizes32 || sizes64) && v.getUint32(4, true) === crc >>> 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
