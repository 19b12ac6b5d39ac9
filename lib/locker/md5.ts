/**
 * Incremental MD5 (RFC 1321), for S3's `Content-MD5` and ETags only — never as evidence (that is
 * SHA-256). WebCrypto has no MD5; `@noble/hashes/legacy` has one but ran at ~40 MB/s here, too
 * slow for a 1 GB package, so this is the classic unrolled form over 32-bit words (the 64 steps
 * below are RFC 1321's table, generated, not typed by hand; tests compare with node:crypto).
 */

const ff = (a: number, b: number, c: number, d: number, x: number, s: number, t: number) => {
  const n = (a + ((b & c) | (~b & d)) + x + t) | 0;
  return (((n << s) | (n >>> (32 - s))) + b) | 0;
};
const gg = (a: number, b: number, c: number, d: number, x: number, s: number, t: number) => {
  const n = (a + ((b & d) | (c & ~d)) + x + t) | 0;
  return (((n << s) | (n >>> (32 - s))) + b) | 0;
};
const hh = (a: number, b: number, c: number, d: number, x: number, s: number, t: number) => {
  const n = (a + (b ^ c ^ d) + x + t) | 0;
  return (((n << s) | (n >>> (32 - s))) + b) | 0;
};
const ii = (a: number, b: number, c: number, d: number, x: number, s: number, t: number) => {
  const n = (a + (c ^ (b | ~d)) + x + t) | 0;
  return (((n << s) | (n >>> (32 - s))) + b) | 0;
};

export class Md5 {
  private readonly state = new Int32Array([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476]);
  private readonly block = new Uint8Array(64);
  private used = 0;
  private length = 0;
  private done = false;

  update(data: Uint8Array): this {
    if (this.done) throw new Error('md5: digest() was already called');
    this.length += data.length;
    let at = 0;
    if (this.used > 0) {
      const take = Math.min(64 - this.used, data.length);
      this.block.set(data.subarray(0, take), this.used);
      this.used += take;
      at = take;
      if (this.used < 64) return this;
      compress(this.state, this.block, 0);
      this.used = 0;
    }
    for (; at + 64 <= data.length; at += 64) compress(this.state, data, at);
    if (at < data.length) {
      this.block.set(data.subarray(at), 0);
      this.used = data.length - at;
    }
    return this;
  }

  /** The 16-byte digest; the hasher cannot be used afterwards. */
  digest(): Uint8Array {
    if (this.done) throw new Error('md5: digest() was already called');
    const bits = this.length * 8;
    const pad = new Uint8Array((this.used < 56 ? 56 : 120) - this.used + 8);
    pad[0] = 0x80;
    const view = new DataView(pad.buffer);
    view.setUint32(pad.length - 8, bits >>> 0, true);
    view.setUint32(pad.length - 4, Math.floor(bits / 2 ** 32), true);
    this.update(pad);
    this.done = true;
    const out = new Uint8Array(16);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 4; i++) outView.setInt32(i * 4, this.state[i]!, true);
    return out;
  }
}

function compress(st: Int32Array, m: Uint8Array, at: number): void {
  const w0 = m[at + 0]! | (m[at + 1]! << 8) | (m[at + 2]! << 16) | (m[at + 3]! << 24);
  const w1 = m[at + 4]! | (m[at + 5]! << 8) | (m[at + 6]! << 16) | (m[at + 7]! << 24);
  const w2 = m[at + 8]! | (m[at + 9]! << 8) | (m[at + 10]! << 16) | (m[at + 11]! << 24);
  const w3 = m[at + 12]! | (m[at + 13]! << 8) | (m[at + 14]! << 16) | (m[at + 15]! << 24);
  const w4 = m[at + 16]! | (m[at + 17]! << 8) | (m[at + 18]! << 16) | (m[at + 19]! << 24);
  const w5 = m[at + 20]! | (m[at + 21]! << 8) | (m[at + 22]! << 16) | (m[at + 23]! << 24);
  const w6 = m[at + 24]! | (m[at + 25]! << 8) | (m[at + 26]! << 16) | (m[at + 27]! << 24);
  const w7 = m[at + 28]! | (m[at + 29]! << 8) | (m[at + 30]! << 16) | (m[at + 31]! << 24);
  const w8 = m[at + 32]! | (m[at + 33]! << 8) | (m[at + 34]! << 16) | (m[at + 35]! << 24);
  const w9 = m[at + 36]! | (m[at + 37]! << 8) | (m[at + 38]! << 16) | (m[at + 39]! << 24);
  const w10 = m[at + 40]! | (m[at + 41]! << 8) | (m[at + 42]! << 16) | (m[at + 43]! << 24);
  const w11 = m[at + 44]! | (m[at + 45]! << 8) | (m[at + 46]! << 16) | (m[at + 47]! << 24);
  const w12 = m[at + 48]! | (m[at + 49]! << 8) | (m[at + 50]! << 16) | (m[at + 51]! << 24);
  const w13 = m[at + 52]! | (m[at + 53]! << 8) | (m[at + 54]! << 16) | (m[at + 55]! << 24);
  const w14 = m[at + 56]! | (m[at + 57]! << 8) | (m[at + 58]! << 16) | (m[at + 59]! << 24);
  const w15 = m[at + 60]! | (m[at + 61]! << 8) | (m[at + 62]! << 16) | (m[at + 63]! << 24);
  let a = st[0]!;
  let b = st[1]!;
  let c = st[2]!;
  let d = st[3]!;
  a = ff(a, b, c, d, w0, 7, -0x28955b88);
  d = ff(d, a, b, c, w1, 12, -0x173848aa);
  c = ff(c, d, a, b, w2, 17, 0x242070db);
  b = ff(b, c, d, a, w3, 22, -0x3e423112);
  a = ff(a, b, c, d, w4, 7, -0x0a83f051);
  d = ff(d, a, b, c, w5, 12, 0x4787c62a);
  c = ff(c, d, a, b, w6, 17, -0x57cfb9ed);
  b = ff(b, c, d, a, w7, 22, -0x02b96aff);
  a = ff(a, b, c, d, w8, 7, 0x698098d8);
  d = ff(d, a, b, c, w9, 12, -0x74bb0851);
  c = ff(c, d, a, b, w10, 17, -0x0000a44f);
  b = ff(b, c, d, a, w11, 22, -0x76a32842);
  a = ff(a, b, c, d, w12, 7, 0x6b901122);
  d = ff(d, a, b, c, w13, 12, -0x02678e6d);
  c = ff(c, d, a, b, w14, 17, -0x5986bc72);
  b = ff(b, c, d, a, w15, 22, 0x49b40821);
  a = gg(a, b, c, d, w1, 5, -0x09e1da9e);
  d = gg(d, a, b, c, w6, 9, -0x3fbf4cc0);
  c = gg(c, d, a, b, w11, 14, 0x265e5a51);
  b = gg(b, c, d, a, w0, 20, -0x16493856);
  a = gg(a, b, c, d, w5, 5, -0x29d0efa3);
  d = gg(d, a, b, c, w10, 9, 0x02441453);
  c = gg(c, d, a, b, w15, 14, -0x275e197f);
  b = gg(b, c, d, a, w4, 20, -0x182c0438);
  a = gg(a, b, c, d, w9, 5, 0x21e1cde6);
  d = gg(d, a, b, c, w14, 9, -0x3cc8f82a);
  c = gg(c, d, a, b, w3, 14, -0x0b2af279);
  b = gg(b, c, d, a, w8, 20, 0x455a14ed);
  a = gg(a, b, c, d, w13, 5, -0x561c16fb);
  d = gg(d, a, b, c, w2, 9, -0x03105c08);
  c = gg(c, d, a, b, w7, 14, 0x676f02d9);
  b = gg(b, c, d, a, w12, 20, -0x72d5b376);
  a = hh(a, b, c, d, w5, 4, -0x0005c6be);
  d = hh(d, a, b, c, w8, 11, -0x788e097f);
  c = hh(c, d, a, b, w11, 16, 0x6d9d6122);
  b = hh(b, c, d, a, w14, 23, -0x021ac7f4);
  a = hh(a, b, c, d, w1, 4, -0x5b4115bc);
  d = hh(d, a, b, c, w4, 11, 0x4bdecfa9);
  c = hh(c, d, a, b, w7, 16, -0x0944b4a0);
  b = hh(b, c, d, a, w10, 23, -0x41404390);
  a = hh(a, b, c, d, w13, 4, 0x289b7ec6);
  d = hh(d, a, b, c, w0, 11, -0x155ed806);
  c = hh(c, d, a, b, w3, 16, -0x2b10cf7b);
  b = hh(b, c, d, a, w6, 23, 0x04881d05);
  a = hh(a, b, c, d, w9, 4, -0x262b2fc7);
  d = hh(d, a, b, c, w12, 11, -0x1924661b);
  c = hh(c, d, a, b, w15, 16, 0x1fa27cf8);
  b = hh(b, c, d, a, w2, 23, -0x3b53a99b);
  a = ii(a, b, c, d, w0, 6, -0x0bd6ddbc);
  d = ii(d, a, b, c, w7, 10, 0x432aff97);
  c = ii(c, d, a, b, w14, 15, -0x546bdc59);
  b = ii(b, c, d, a, w5, 21, -0x036c5fc7);
  a = ii(a, b, c, d, w12, 6, 0x655b59c3);
  d = ii(d, a, b, c, w3, 10, -0x70f3336e);
  c = ii(c, d, a, b, w10, 15, -0x00100b83);
  b = ii(b, c, d, a, w1, 21, -0x7a7ba22f);
  a = ii(a, b, c, d, w8, 6, 0x6fa87e4f);
  d = ii(d, a, b, c, w15, 10, -0x01d31920);
  c = ii(c, d, a, b, w6, 15, -0x5cfebcec);
  b = ii(b, c, d, a, w13, 21, 0x4e0811a1);
  a = ii(a, b, c, d, w4, 6, -0x08ac817e);
  d = ii(d, a, b, c, w11, 10, -0x42c50dcb);
  c = ii(c, d, a, b, w2, 15, 0x2ad7d2bb);
  b = ii(b, c, d, a, w9, 21, -0x14792c6f);
  st[0] = (st[0]! + a) | 0;
  st[1] = (st[1]! + b) | 0;
  st[2] = (st[2]! + c) | 0;
  st[3] = (st[3]! + d) | 0;
}

export function md5(data: Uint8Array): Uint8Array {
  return new Md5().update(data).digest();
}
