import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  CanonicalJsonError,
  parseCanonical,
} from '../../../lib/evidence/canonical-json';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const f64 = (hex: string): number =>
  new DataView(new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16))).buffer).getFloat64(0);

describe('RFC 8785 golden vectors', () => {
  it('§3.2.2: the sample object', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('§3.2.3: property sorting by UTF-16 code units', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    ) as Record<string, string>;
    const order = Object.values(JSON.parse(canonicalize(input)) as Record<string, string>);
    const keys = [...canonicalize(input).matchAll(/"([^"]*)":"([^"]*)"/g)].map((m) => m[2]);
    expect(keys).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
    expect(order).toHaveLength(7);
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555555', '333333333.3333333'],
  ])('Appendix B: IEEE 754 %s serializes as %s', (hex, expected) => {
    expect(canonicalize(f64(hex))).toBe(expected);
  });

  it.each(['7fffffffffffffff', '7ff0000000000000'])(
    'Appendix B: %s (NaN/Infinity) is an error',
    (hex) => {
      expect(() => canonicalize(f64(hex))).toThrow(CanonicalJsonError);
    },
  );
});

describe('refuses what would make hashes ambiguous (S6–S9)', () => {
  it('S6: duplicate keys are rejected, naming the key', () => {
    expect(() => parseCanonical(bytes('{"hash":"A","hash":"B"}'), 'm.json')).toThrow(
      'm.json: duplicate key "hash"',
    );
  });

  it('S7: non-canonical bytes are rejected', () => {
    for (const text of [
      '{"b":1, "a":2}',
      '{"b":1,"a":2}',
      '{"a":1.0}',
      '{"a":"\\u0041"}',
      '\ufeff{}',
      '{"a":1}\n',
    ]) {
      expect(() => parseCanonical(bytes(text), 'x'), text).toThrow(CanonicalJsonError);
    }
    expect(parseCanonical(bytes('{"a":2,"b":1}'), 'x')).toEqual({ a: 2, b: 1 });
  });

  it('S8: a 64-bit id as a number does not survive, so it is rejected; as a string it does', () => {
    expect(() => parseCanonical(bytes('{"id":9007199254740993}'), 'x')).toThrow(/canonical/);
    expect(parseCanonical(bytes('{"id":"9007199254740993"}'), 'x')).toEqual({
      id: '9007199254740993',
    });
  });

  it('S9: undefined, lone surrogates, NaN, BigInt and class instances are errors, not silently dropped', () => {
    expect(() => canonicalize({ a: undefined })).toThrow('$.a: undefined is not JSON');
    expect(() => canonicalize({ a: '\ud800' })).toThrow('lone surrogate');
    expect(() => canonicalize({ ['\udc00']: 1 })).toThrow('lone surrogate');
    expect(() => canonicalize([NaN])).toThrow(CanonicalJsonError);
    expect(() => canonicalize({ n: 10n })).toThrow(CanonicalJsonError);
    expect(() => canonicalize(new Date(0))).toThrow('plain objects');
    expect(() => parseCanonical(new Uint8Array([0x22, 0xff, 0x22]), 'x')).toThrow(
      'not valid UTF-8',
    );
  });

  it('S9: NFC and NFD twin keys stay distinct (no normalisation)', () => {
    expect(canonicalize({ 'caf\u00e9': 1, 'cafe\u0301': 2 })).toBe(
      '{"cafe\u0301":2,"caf\u00e9":1}',
    );
  });

  it('round trip: canonical output always parses back to itself', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalize(value);
        return canonicalize(parseCanonical(bytes(text), 'x')) === text;
      }),
    );
  });
});
