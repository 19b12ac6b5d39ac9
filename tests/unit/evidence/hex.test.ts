// Hex and base64 as the verifier reads them from records, keys and signatures: strict, so one
// text has one meaning (atob alone would take unpadded or space-riddled base64 and loose hex).
import { describe, expect, it } from 'vitest';
import { bytesEqual, fromBase64, fromHex, toBase64, toHex } from '../../../lib/evidence/hex';

describe('hex', () => {
  it('round-trips every byte, read in either case', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromHex(toHex(all))).toEqual(all);
    expect(fromHex('ABcd')).toEqual(Uint8Array.of(0xab, 0xcd));
  });

  it('refuses an odd length or any non-hex character, anywhere', () => {
    for (const bad of ['abc', 'zz', 'x0ab', 'ab0x', 'ab cd', '0x'])
      expect(() => fromHex(bad), bad).toThrow(new Error('invalid hex string'));
    expect(fromHex('')).toEqual(new Uint8Array());
  });
});

describe('base64', () => {
  it('writes what Node writes, for every length of tail', () => {
    for (let n = 0; n <= 7; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => 250 - i * 37);
      expect(toBase64(bytes), `${n} bytes`).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
  });

  it('reads base64 broken over lines, and refuses other characters, missing padding or padding inside', () => {
    expect(fromBase64('Zm9v\nYmFy\r\n')).toEqual(new TextEncoder().encode('foobar'));
    for (const bad of ['Zm9', 'Zm9v!', '!Zm9v', 'Zm9v=', 'Zg=A', 'Zm9v-_8='])
      expect(() => fromBase64(bad), bad).toThrow(new Error('invalid base64'));
  });
});

describe('bytesEqual', () => {
  it('equal bytes only, and a prefix is not equal', () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1, 0), Uint8Array.of(1))).toBe(false);
  });
});
