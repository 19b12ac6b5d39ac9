// The verifier's small shape checker, combinator by combinator: what passes, and for what fails
// exactly which problems are reported, with their codes and paths (a lawyer reads these).
import { describe, expect, it } from 'vitest';
import {
  array,
  assertShape,
  count,
  datetime,
  fingerprint,
  literal,
  nullable,
  object,
  oneOf,
  optional,
  parseShape,
  record,
  sha256Ref,
  ShapeError,
  string,
  unknown,
  where,
  type Shape,
} from '../../../lib/evidence/shape';

/** The problems `shape` reports for `value` (none when it passes), checked against its verdict. */
function problems(shape: Shape<unknown>, value: unknown, path = '') {
  const issues: { code: string; params: unknown }[] = [];
  const ok = shape(value, path, issues as never);
  expect(ok, 'the verdict agrees with the problems').toBe(issues.length === 0);
  return issues;
}

describe('primitives', () => {
  it('string, with an optional format', () => {
    expect(problems(string(), 'x')).toEqual([]);
    expect(problems(string(), 1, 'a.b')).toEqual([
      { code: 'shape_type', params: { path: 'a.b', expected: 'string' } },
    ]);
    const hex = string({ pattern: /^[0-9a-f]+$/, name: 'sha256' });
    expect(problems(hex, 'beef')).toEqual([]);
    expect(problems(hex, 'xyz', 'h')).toEqual([
      { code: 'shape_format', params: { path: 'h', format: 'sha256' } },
    ]);
    // a wrong type is one problem, not a format problem as well
    expect(problems(hex, 7, 'h')).toEqual([
      { code: 'shape_type', params: { path: 'h', expected: 'string' } },
    ]);
  });

  it('count: a non-negative safe integer, nothing else', () => {
    for (const good of [0, 1, Number.MAX_SAFE_INTEGER]) expect(problems(count, good)).toEqual([]);
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, '1', NaN, Infinity, null, true])
      expect(problems(count, bad, 'n'), String(bad)).toEqual([
        { code: 'shape_type', params: { path: 'n', expected: 'non-negative integer' } },
      ]);
  });

  it('literal and oneOf name what is allowed', () => {
    expect(problems(literal('a'), 'a')).toEqual([]);
    expect(problems(literal('a'), 'b', 'k')).toEqual([
      { code: 'shape_value', params: { path: 'k', allowed: '"a"' } },
    ]);
    const kinds = oneOf(['post', 'notice']);
    expect(problems(kinds, 'notice')).toEqual([]);
    expect(problems(kinds, 'page', 'kind')).toEqual([
      { code: 'shape_value', params: { path: 'kind', allowed: '"post" | "notice"' } },
    ]);
    // not a string at all: still one problem, no crash on `includes`
    expect(problems(kinds, ['post'], 'kind')).toHaveLength(1);
  });

  it('nullable and unknown', () => {
    expect(problems(nullable(count), null)).toEqual([]);
    expect(problems(nullable(count), 3)).toEqual([]);
    expect(problems(nullable(count), -3, 'n')).toEqual([
      { code: 'shape_type', params: { path: 'n', expected: 'non-negative integer' } },
    ]);
    expect(problems(unknown, undefined)).toEqual([]);
  });

  it('the formats the records use', () => {
    expect(problems(sha256Ref, `sha256:${'a'.repeat(64)}`)).toEqual([]);
    expect(problems(sha256Ref, `sha256:${'A'.repeat(64)}`)).toHaveLength(1);
    expect(problems(datetime, '2026-12-06T07:00:00.123Z')).toEqual([]);
    expect(problems(datetime, '2026-12-06T07:00:00+00:00')).toHaveLength(1);
    expect(problems(fingerprint, Array(8).fill('ab12').join('-'))).toEqual([]);
    expect(problems(fingerprint, Array(7).fill('ab12').join('-'))).toHaveLength(1);
  });
});

describe('containers: every problem, each at its own path', () => {
  it('array: not an array; then each bad item, by index', () => {
    expect(problems(array(count), {}, 'list')).toEqual([
      { code: 'shape_type', params: { path: 'list', expected: 'array' } },
    ]);
    expect(problems(array(count), [1, -1, 2, 'x'], 'list')).toEqual([
      { code: 'shape_type', params: { path: 'list.1', expected: 'non-negative integer' } },
      { code: 'shape_type', params: { path: 'list.3', expected: 'non-negative integer' } },
    ]);
    // a bad item early does not hide a good verdict for the rest, nor a bad one late
    expect(problems(array(count), [-1, 0])).toHaveLength(1);
    expect(problems(array(count), [0, -1])).toHaveLength(1);
    expect(problems(array(count), [])).toEqual([]);
  });

  it('record: an object of any keys; each bad value by key', () => {
    expect(problems(record(count), [], 'm')).toEqual([
      { code: 'shape_type', params: { path: 'm', expected: 'object' } },
    ]);
    expect(problems(record(count), null, 'm')).toHaveLength(1);
    expect(problems(record(count), { a: 1, b: -1, c: 'x' }, 'm')).toEqual([
      { code: 'shape_type', params: { path: 'm.b', expected: 'non-negative integer' } },
      { code: 'shape_type', params: { path: 'm.c', expected: 'non-negative integer' } },
    ]);
    expect(problems(record(count), { a: -1, b: 1 })).toHaveLength(1);
    // at the root, keys have no leading dot
    expect(problems(record(count), { a: -1 })[0]).toMatchObject({ params: { path: 'a' } });
  });

  it('object: missing, wrong and unknown keys, all reported', () => {
    const shape = object({ id: string(), n: count, note: optional(string()) });
    expect(problems(shape, { id: 'x', n: 1 })).toEqual([]);
    expect(problems(shape, { id: 'x', n: 1, note: 'y' })).toEqual([]);
    expect(problems(shape, 'x', 'rec')).toEqual([
      { code: 'shape_type', params: { path: 'rec', expected: 'object' } },
    ]);
    expect(problems(shape, [], 'rec')).toHaveLength(1);
    expect(problems(shape, { n: -1, note: 5, extra: true, more: 1 }, 'rec')).toEqual([
      { code: 'shape_missing', params: { path: 'rec.id' } },
      { code: 'shape_type', params: { path: 'rec.n', expected: 'non-negative integer' } },
      { code: 'shape_type', params: { path: 'rec.note', expected: 'string' } },
      { code: 'shape_unknown_key', params: { path: 'rec', key: 'extra' } },
      { code: 'shape_unknown_key', params: { path: 'rec', key: 'more' } },
    ]);
    // each kind of problem alone fails the object
    expect(problems(shape, { n: 1 })).toHaveLength(1);
    expect(problems(shape, { id: 'x', n: 1, extra: 1 })).toHaveLength(1);
    expect(problems(shape, { id: 'x', n: -1 })).toHaveLength(1);
    // an inherited key is not a present one
    expect(problems(shape, Object.assign(Object.create({ id: 'x' }), { n: 1 }))).toEqual([
      { code: 'shape_missing', params: { path: 'id' } },
    ]);
  });

  it('loose objects allow other keys; nested paths join with dots', () => {
    const shape = object({ a: object({ b: array(count) }) }, 'loose');
    expect(problems(shape, { a: { b: [1] }, other: 1 })).toEqual([]);
    expect(problems(shape, { a: { b: [1, -2] } })).toEqual([
      { code: 'shape_type', params: { path: 'a.b.1', expected: 'non-negative integer' } },
    ]);
    // the inner object is strict
    expect(problems(shape, { a: { b: [], c: 1 } })).toEqual([
      { code: 'shape_unknown_key', params: { path: 'a', key: 'c' } },
    ]);
  });

  it('where: a rule across fields, judged only on a value of the right shape', () => {
    const range = where(object({ from: count, to: count }), (r) => r.from <= r.to, {
      path: 'to',
      allowed: 'at least from',
    });
    expect(problems(range, { from: 1, to: 2 })).toEqual([]);
    expect(problems(range, { from: 3, to: 2 }, 'r')).toEqual([
      { code: 'shape_value', params: { path: 'r.to', allowed: 'at least from' } },
    ]);
    expect(problems(range, { from: 3 }, 'r')).toEqual([
      { code: 'shape_missing', params: { path: 'r.to' } },
    ]);
  });
});

describe('parseShape and assertShape', () => {
  it('the value back, or the problems', () => {
    expect(parseShape(count, 4)).toEqual({ ok: true, value: 4 });
    expect(parseShape(count, -4)).toEqual({
      ok: false,
      issues: [{ code: 'shape_type', params: { path: '', expected: 'non-negative integer' } }],
    });
    expect(assertShape(array(count), [1, 2])).toEqual([1, 2]);
  });

  it('assertShape throws a ShapeError that counts and carries the problems', () => {
    let thrown: unknown;
    try {
      assertShape(array(count), [-1, -2]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ShapeError);
    expect((thrown as ShapeError).message).toBe('not the expected shape (2 problem(s))');
    expect((thrown as ShapeError).issues.map((i) => i.params)).toEqual([
      { path: '0', expected: 'non-negative integer' },
      { path: '1', expected: 'non-negative integer' },
    ]);
  });
});
