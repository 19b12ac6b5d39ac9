// Why bytes are not canonical JSON, as the verifier tells a lawyer: the outcome code and the
// words, and the duplicate-key finder's reading of nesting, arrays, values and escapes (a key
// repeated only in a sibling or nested object is not a duplicate). canonical-json.test.ts checks
// that such bytes are refused; this checks that the reason given is the right one.
import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  CanonicalJsonError,
  findDuplicateKey,
  parseCanonical,
} from '../../../lib/evidence/canonical-json';

const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(input: Uint8Array): CanonicalJsonError {
  try {
    parseCanonical(input, 'records/x.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CanonicalJsonError);
    return error as CanonicalJsonError;
  }
  throw new Error('accepted');
}

describe('findDuplicateKey', () => {
  it('finds a key repeated in one object, at any depth, escapes included', () => {
    expect(findDuplicateKey('{"a":1,"b":{"c":2},"a":3}')).toBe('a');
    expect(findDuplicateKey('{"x":[{"k":1,"k":2}]}')).toBe('k');
    expect(findDuplicateKey('{"a\\"b":1,"a\\"b":2}')).toBe('a"b');
    // After an array closes, the object around it is the one its keys belong to again.
    expect(findDuplicateKey('{"a":[1],"b":1,"b":2}')).toBe('b');
    expect(findDuplicateKey('{"a":[[]],"b":{"c":[]},"b":2}')).toBe('b');
  });

  it('a key shared by nested or sibling objects, or a value that equals a key, is no duplicate', () => {
    expect(findDuplicateKey('{"a":{"b":1},"b":2}')).toBeNull();
    expect(findDuplicateKey('{"a":[{"b":1},{"b":2}]}')).toBeNull();
    expect(findDuplicateKey('{"a":["x","a"]}')).toBeNull();
    expect(findDuplicateKey('{"a":"b","b":1}')).toBeNull();
    expect(findDuplicateKey('{"a":"a"}')).toBeNull();
    expect(findDuplicateKey('{"a":[],"b":[1,{"a":1}],"c":{}}')).toBeNull();
    expect(findDuplicateKey('["a","a"]')).toBeNull();
  });
});

describe('parseCanonical names why it refuses', () => {
  it('invalid UTF-8', () => {
    const e = refusal(new Uint8Array([0x22, 0xff, 0x22]));
    expect(e.outcome).toEqual({ code: 'json_not_utf8', params: {} });
    expect(e.message).toBe('records/x.json: not valid UTF-8');
  });

  it('not JSON, with the parser’s own detail', () => {
    const e = refusal(bytes('{"a":'));
    expect(e.outcome?.code).toBe('json_invalid');
    const detail = (e.outcome!.params as { detail: string }).detail;
    expect(detail.length).toBeGreaterThan(0);
    expect(e.message).toBe(`records/x.json: not valid JSON (${detail})`);
  });

  it('a lone surrogate', () => {
    const e = refusal(bytes('{"a":"\\ud800"}'));
    expect(e.outcome).toEqual({ code: 'json_lone_surrogate', params: {} });
    expect(e.message).toBe('records/x.json: $.a: lone surrogate in string');
  });

  it('nesting deeper than the reader can follow, named as such (not as a lone surrogate)', () => {
    const e = refusal(bytes(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    expect(e.outcome?.code).toBe('json_invalid');
    const detail = (e.outcome!.params as { detail: string }).detail;
    expect(detail).toMatch(/^nested too deeply to read \(.+\)$/);
    expect(e.message).toBe(`records/x.json: not valid JSON (${detail})`);
    // Deep, but within reach, is read.
    expect(parseCanonical(bytes(`${'['.repeat(500)}${']'.repeat(500)}`), 'x')).toBeInstanceOf(
      Array,
    );
  });

  it('a duplicate key, by name; other non-canonical forms, by rule', () => {
    const dup = refusal(bytes('{"a":1,"a":1}'));
    expect(dup.outcome).toEqual({ code: 'json_duplicate_key', params: { key: 'a' } });
    expect(dup.message).toBe('records/x.json: duplicate key "a"');
    const spaced = refusal(bytes('{"a": 1}'));
    expect(spaced.outcome).toEqual({ code: 'json_not_canonical', params: {} });
    expect(spaced.message).toBe(
      'records/x.json: not in canonical form (RFC 8785: sorted keys, no whitespace, exact numbers)',
    );
  });
});

describe('canonicalize says where a value cannot be canonical', () => {
  it('names the path of NaN, a hole, undefined, a function and a class instance', () => {
    expect(() => canonicalize({ a: [1, Number.NaN] })).toThrow(
      new CanonicalJsonError('$.a[1]: NaN is not JSON'),
    );
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalize({ h: [1, , 3] })).toThrow(
      new CanonicalJsonError('$.h[1]: hole in array'),
    );
    expect(() => canonicalize({ u: undefined })).toThrow(
      new CanonicalJsonError('$.u: undefined is not JSON'),
    );
    expect(() => canonicalize({ f: () => 1 })).toThrow(
      new CanonicalJsonError('$.f: function cannot be canonical JSON'),
    );
    expect(() => canonicalize({ d: new Date(0) })).toThrow(
      new CanonicalJsonError('$.d: only plain objects can be canonical JSON'),
    );
    expect(canonicalize({ n: Object.assign(Object.create(null), { b: 1 }) })).toBe('{"n":{"b":1}}');
    expect(canonicalize([true, false, null, -0])).toBe('[true,false,null,0]');
  });
});
