import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Js } from '../../../lib/evidence/crc32';
import { jsPrimitives } from '../../../lib/evidence/primitives';
import { toHex } from '../../../lib/evidence/hex';
import {
  hashInOneShot,
  ONE_SHOT_LIMIT,
  sha256OfBlob,
  sha256OfStream,
  sha256RefOf,
} from '../../../lib/evidence/sha256';
import { JsSha256, padding } from '../../../lib/evidence/sha256-js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

// FIPS 180-4 / NIST CAVP examples.
const VECTORS: [string, Uint8Array, string][] = [
  ['empty', enc(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', enc('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    '448 bits',
    enc('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  [
    '896 bits',
    enc(
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
    ),
    'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
  ],
  [
    'a million a',
    new Uint8Array(1_000_000).fill(0x61),
    'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
  ],
];

describe('SHA-256 golden vectors', () => {
  it.each(VECTORS)(
    '%s: WebCrypto and the incremental hash agree with the vector',
    async (_, bytes, hex) => {
      expect(await sha256RefOf(bytes)).toBe(`sha256:${hex}`);
      const h = new JsSha256();
      h.update(bytes);
      expect(toHex(h.digest())).toBe(hex);
    },
  );

  it('the incremental hash equals node:crypto for any input split into any chunks', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat(600), { maxLength: 6 }),
        (data, cuts) => {
          const h = new JsSha256();
          let at = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            h.update(data.subarray(at, Math.max(at, Math.min(cut, data.length))));
            at = Math.max(at, Math.min(cut, data.length));
          }
          h.update(data.subarray(at));
          return toHex(h.digest()) === createHash('sha256').update(data).digest('hex');
        },
      ),
    );
  });

  it('refuses to go on after the digest, rather than hash a padded message further', () => {
    const h = new JsSha256();
    h.update(enc('abc'));
    expect(toHex(h.digest())).toBe(VECTORS[1]![2]);
    expect(() => h.update(enc('d'))).toThrow('sha256: update after digest');
    expect(() => h.digest()).toThrow('sha256: digest called twice');
  });

  it('pads to 56 bytes past a block boundary and ends with the length in bits, 64-bit', () => {
    const tail = (length: number) => toHex(padding(length).slice(-8));
    expect([0, 55, 56, 63, 64].map((n) => padding(n).length)).toEqual([64, 9, 72, 65, 64]);
    expect(padding(56)[0]).toBe(0x80);
    expect(
      padding(56)
        .slice(1, -8)
        .every((b) => b === 0),
    ).toBe(true);
    expect(tail(3)).toBe('0000000000000018');
    // From 512 MiB (2^32 bits) on, the length needs the high word: a long video.
    expect(tail(2 ** 29 - 1)).toBe('00000000fffffff8');
    expect(tail(2 ** 29)).toBe('0000000100000000');
    expect(tail(2 ** 29 + 1)).toBe('0000000100000008');
    expect(tail(5 * 2 ** 30)).toBe('0000000a00000000');
  });

  it('hashes streams and large Blobs chunk by chunk, small Blobs in one call', async () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 31) & 0xff);
    const expected = `sha256:${createHash('sha256').update(data).digest('hex')}`;
    expect(await sha256OfBlob(new Blob([data]))).toBe(expected);
    expect(await sha256OfBlob(new Blob([data]), jsPrimitives, 1000)).toBe(expected);
    const { sha256, size } = await sha256OfStream(new Blob([data]).stream());
    expect([sha256, size]).toEqual([expected, data.length]);
  });

  it('sha256OfBlob follows that rule: the incremental hasher is used exactly when it says stream', async () => {
    const data = new Uint8Array(5000).map((_, i) => i & 0xff);
    const expected = `sha256:${createHash('sha256').update(data).digest('hex')}`;
    let hashers = 0;
    const counting = (native: boolean) => ({
      ...jsPrimitives,
      native,
      sha256: () => (hashers++, jsPrimitives.sha256()),
    });
    expect(await sha256OfBlob(new Blob([data]), counting(false), 5000)).toBe(expected);
    expect(hashers).toBe(0);
    expect(await sha256OfBlob(new Blob([data]), counting(false), 4999)).toBe(expected);
    expect(hashers).toBe(1);
    expect(await sha256OfBlob(new Blob([data]), counting(true), 5000)).toBe(expected);
    expect(hashers).toBe(2);
  });

  it('one rule picks one shot or streaming: JS hashing only, up to ONE_SHOT_LIMIT', () => {
    expect(hashInOneShot(0, jsPrimitives)).toBe(true);
    expect(hashInOneShot(ONE_SHOT_LIMIT, jsPrimitives)).toBe(true);
    expect(hashInOneShot(ONE_SHOT_LIMIT + 1, jsPrimitives)).toBe(false);
    expect(hashInOneShot(1, { native: true })).toBe(false);
    expect(hashInOneShot(1001, jsPrimitives, 1000)).toBe(false);
  });
});

describe('CRC-32', () => {
  it('matches the check value and zlib for any input and split', () => {
    expect(crc32Js(enc('123456789'))).toBe(0xcbf43926);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (data, cut) => {
        const c = Math.min(cut, data.length);
        return crc32Js(data.subarray(c), crc32Js(data.subarray(0, c))) === crc32(data);
      }),
    );
  });
});

describe('base64', () => {
  it('matches Buffer for any bytes and round-trips', async () => {
    const { toBase64, fromBase64 } = await import('../../../lib/evidence/hex');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (data) => {
        const b64 = toBase64(data);
        return (
          b64 === Buffer.from(data).toString('base64') &&
          Buffer.from(fromBase64(b64)).equals(Buffer.from(data))
        );
      }),
    );
  });
});
