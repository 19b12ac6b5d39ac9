// WebCrypto has no incremental digest, so hashing a stream or a Blob too large to hold at once
// needs this. Native SHA-256 is still 3-4x faster; Node callers inject node:crypto instead.
// Written for V8: Int32Array state (a Uint32Array element above 2^31 is a heap double), big-endian
// words read with a DataView, eight rounds unrolled with rotating roles instead of eight moves per
// round. In Chromium that is ~1.5x the straightforward loop (bench/chromium-hash.bench.ts).
import type { Sha256Hasher } from './primitives';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const S0 = (a: number) =>
  ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
const S1 = (e: number) =>
  ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));

/** Compresses the 64-byte blocks of `view` from `at` to `end` into `state`. */
function compress(state: Int32Array, w: Int32Array, view: DataView, at: number, end: number): void {
  let a = state[0]!,
    b = state[1]!,
    c = state[2]!,
    d = state[3]!,
    e = state[4]!,
    f = state[5]!,
    g = state[6]!,
    h = state[7]!;
  for (; at + 64 <= end; at += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getInt32(at + t * 4);
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!;
      const y = w[t - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (((w[t - 16]! + s0) | 0) + ((w[t - 7]! + s1) | 0)) | 0;
    }
    const a0 = a,
      b0 = b,
      c0 = c,
      d0 = d,
      e0 = e,
      f0 = f,
      g0 = g,
      h0 = h;
    let x: number;
    for (let t = 0; t < 64; t += 8) {
      x = (((h + S1(e)) | 0) + (((e & f) ^ (~e & g)) + ((K[t + 0]! + w[t + 0]!) | 0))) | 0;
      d = (d + x) | 0;
      h = (x + ((S0(a) + ((a & b) ^ (a & c) ^ (b & c))) | 0)) | 0;
      x = (((g + S1(d)) | 0) + (((d & e) ^ (~d & f)) + ((K[t + 1]! + w[t + 1]!) | 0))) | 0;
      c = (c + x) | 0;
      g = (x + ((S0(h) + ((h & a) ^ (h & b) ^ (a & b))) | 0)) | 0;
      x = (((f + S1(c)) | 0) + (((c & d) ^ (~c & e)) + ((K[t + 2]! + w[t + 2]!) | 0))) | 0;
      b = (b + x) | 0;
      f = (x + ((S0(g) + ((g & h) ^ (g & a) ^ (h & a))) | 0)) | 0;
      x = (((e + S1(b)) | 0) + (((b & c) ^ (~b & d)) + ((K[t + 3]! + w[t + 3]!) | 0))) | 0;
      a = (a + x) | 0;
      e = (x + ((S0(f) + ((f & g) ^ (f & h) ^ (g & h))) | 0)) | 0;
      x = (((d + S1(a)) | 0) + (((a & b) ^ (~a & c)) + ((K[t + 4]! + w[t + 4]!) | 0))) | 0;
      h = (h + x) | 0;
      d = (x + ((S0(e) + ((e & f) ^ (e & g) ^ (f & g))) | 0)) | 0;
      x = (((c + S1(h)) | 0) + (((h & a) ^ (~h & b)) + ((K[t + 5]! + w[t + 5]!) | 0))) | 0;
      g = (g + x) | 0;
      c = (x + ((S0(d) + ((d & e) ^ (d & f) ^ (e & f))) | 0)) | 0;
      x = (((b + S1(g)) | 0) + (((g & h) ^ (~g & a)) + ((K[t + 6]! + w[t + 6]!) | 0))) | 0;
      f = (f + x) | 0;
      b = (x + ((S0(c) + ((c & d) ^ (c & e) ^ (d & e))) | 0)) | 0;
      x = (((a + S1(f)) | 0) + (((f & g) ^ (~f & h)) + ((K[t + 7]! + w[t + 7]!) | 0))) | 0;
      e = (e + x) | 0;
      a = (x + ((S0(b) + ((b & c) ^ (b & d) ^ (c & d))) | 0)) | 0;
    }
    a = (a + a0) | 0;
    b = (b + b0) | 0;
    c = (c + c0) | 0;
    d = (d + d0) | 0;
    e = (e + e0) | 0;
    f = (f + f0) | 0;
    g = (g + g0) | 0;
    h = (h + h0) | 0;
  }
  state.set([a, b, c, d, e, f, g, h]);
}

/** Incremental SHA-256 (FIPS 180-4) in plain TypeScript. */
export class JsSha256 implements Sha256Hasher {
  private readonly h = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private readonly w = new Int32Array(64);
  private readonly block = new Uint8Array(64);
  private readonly blockView = new DataView(this.block.buffer);
  private blockLength = 0;
  private total = 0;
  private done = false;

  update(data: Uint8Array): void {
    if (this.done) throw new Error('sha256: update after digest');
    this.total += data.length;
    let i = 0;
    if (this.blockLength > 0) {
      const take = Math.min(64 - this.blockLength, data.length);
      this.block.set(data.subarray(0, take), this.blockLength);
      this.blockLength += take;
      i = take;
      if (this.blockLength < 64) return;
      compress(this.h, this.w, this.blockView, 0, 64);
      this.blockLength = 0;
    }
    const end = i + ((data.length - i) & ~63);
    if (end > i)
      compress(this.h, this.w, new DataView(data.buffer, data.byteOffset, data.length), i, end);
    if (end < data.length) {
      this.block.set(data.subarray(end), 0);
      this.blockLength = data.length - end;
    }
  }

  digest(): Uint8Array {
    if (this.done) throw new Error('sha256: digest called twice');
    this.update(padding(this.total));
    this.done = true;
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    for (let j = 0; j < 8; j++) outView.setInt32(j * 4, this.h[j]!);
    return out;
  }
}

/**
 * FIPS 180-4 §5.1.1: what follows a message of `length` bytes: 0x80, zeros to 56 bytes past a
 * block boundary, and the length in bits as a 64-bit big-endian number (33 bits and more from
 * 512 MiB on, the size of a long video).
 */
export function padding(length: number): Uint8Array {
  const inBlock = length % 64;
  const pad = new Uint8Array(inBlock < 56 ? 64 - inBlock : 128 - inBlock);
  pad[0] = 0x80;
  const bits = length * 8;
  const view = new DataView(pad.buffer);
  view.setUint32(pad.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(pad.length - 4, bits >>> 0);
  return pad;
}
