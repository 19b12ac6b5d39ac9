// A few lines of validation instead of a schema library, so the offline verifier (verify.html)
// stays small enough for an expert to read: zod alone was 443 KB of its 486. Shapes check
// JSON values (no coercion, no defaults) and report each problem as a code with its path.
import { outcome, type Outcome } from './verify-messages';

export interface Shape<T> {
  /** True when `value` has this shape; problems are appended to `issues`. */
  (value: unknown, path: string, issues: Outcome[]): boolean;
  /** Type carrier only. */
  readonly type?: T;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

const make = <T>(check: (value: unknown, path: string, issues: Outcome[]) => boolean): Shape<T> =>
  check as Shape<T>;

// An item of the top-level value is named by its key alone ("0", not ".0").
const join = (path: string, key: string | number): string =>
  path ? `${path}.${key}` : String(key);

export const string = (format?: {
  pattern: RegExp;
  name: 'sha256' | 'datetime' | 'fingerprint' | 'package id' | 'base64' | 'redaction id';
}): Shape<string> =>
  make((v, path, issues) => {
    if (typeof v !== 'string') {
      issues.push(outcome('shape_type', { path, expected: 'string' }));
      return false;
    }
    if (format && !format.pattern.test(v)) {
      issues.push(outcome('shape_format', { path, format: format.name }));
      return false;
    }
    return true;
  });

export const count: Shape<number> = make((v, path, issues) => {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return true;
  issues.push(outcome('shape_type', { path, expected: 'non-negative integer' }));
  return false;
});

export const literal = <const T extends string>(value: T): Shape<T> =>
  make((v, path, issues) => {
    if (v === value) return true;
    issues.push(outcome('shape_value', { path, allowed: JSON.stringify(value) }));
    return false;
  });

export const oneOf = <const T extends readonly string[]>(values: T): Shape<T[number]> =>
  make((v, path, issues) => {
    if (typeof v === 'string' && values.includes(v)) return true;
    issues.push(
      outcome('shape_value', { path, allowed: values.map((x) => JSON.stringify(x)).join(' | ') }),
    );
    return false;
  });

export const nullable = <T>(inner: Shape<T>): Shape<T | null> =>
  make((v, path, issues) => v === null || inner(v, path, issues));

export const unknown: Shape<unknown> = make(() => true);

export const array = <T>(item: Shape<T>): Shape<T[]> =>
  make((v, path, issues) => {
    if (!Array.isArray(v)) {
      issues.push(outcome('shape_type', { path, expected: 'array' }));
      return false;
    }
    let ok = true;
    v.forEach((x, i) => (ok = item(x, join(path, i), issues) && ok));
    return ok;
  });

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values of any keys, each of one shape (JSON objects used as maps). */
export const record = <T>(values: Shape<T>): Shape<Record<string, T>> =>
  make((v, path, issues) => {
    if (!isPlainObject(v)) {
      issues.push(outcome('shape_type', { path, expected: 'object' }));
      return false;
    }
    let ok = true;
    for (const [k, x] of Object.entries(v)) ok = values(x, join(path, k), issues) && ok;
    return ok;
  });

/** A field an object may leave out (present, it must have the inner shape). */
export interface OptionalShape<T> extends Shape<T> {
  readonly optional: true;
}

export const optional = <T>(inner: Shape<T>): OptionalShape<T> =>
  Object.assign(
    make<T>((v, path, issues) => inner(v, path, issues)),
    { optional: true as const },
  );

type Fields = Record<string, Shape<unknown>>;
type OptionalKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends OptionalShape<unknown> ? K : never;
}[keyof F];
type ObjectOf<F extends Fields> = {
  [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]>;
} & { [K in OptionalKeys<F>]?: Infer<F[K]> };

/**
 * An object with exactly these keys (`strict`, the default) or at least these keys (`loose`: the
 * parts of a record the verifier relies on; the rest is covered by its hash and seal).
 */
export const object = <F extends Fields>(
  fields: F,
  mode: 'strict' | 'loose' = 'strict',
): Shape<ObjectOf<F>> =>
  make((v, path, issues) => {
    if (!isPlainObject(v)) {
      issues.push(outcome('shape_type', { path, expected: 'object' }));
      return false;
    }
    let ok = true;
    for (const [k, shape] of Object.entries(fields)) {
      if (!Object.hasOwn(v, k)) {
        if ((shape as Partial<OptionalShape<unknown>>).optional) continue;
        issues.push(outcome('shape_missing', { path: join(path, k) }));
        ok = false;
      } else ok = shape(v[k], join(path, k), issues) && ok;
    }
    if (mode === 'strict')
      for (const k of Object.keys(v))
        if (!Object.hasOwn(fields, k)) {
          issues.push(outcome('shape_unknown_key', { path, key: k }));
          ok = false;
        }
    return ok;
  });

/** A shape with one more rule across its fields, reported at `path` as what is `allowed`. */
export const where = <T>(
  inner: Shape<T>,
  rule: (value: T) => boolean,
  at: { path: string; allowed: string },
): Shape<T> =>
  make((v, path, issues) => {
    if (!inner(v, path, issues)) return false;
    if (rule(v as T)) return true;
    issues.push(outcome('shape_value', { path: join(path, at.path), allowed: at.allowed }));
    return false;
  });

/** The value as `T`, or the problems found. */
export function parseShape<T>(
  shape: Shape<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; issues: Outcome[] } {
  const issues: Outcome[] = [];
  return shape(value, '', issues) ? { ok: true, value: value as T } : { ok: false, issues };
}

export class ShapeError extends Error {
  constructor(readonly issues: Outcome[]) {
    super(`not the expected shape (${issues.length} problem(s))`);
  }
}

/** The value as `T`; throws ShapeError otherwise (for data we produce ourselves). */
export function assertShape<T>(shape: Shape<T>, value: unknown): T {
  const r = parseShape(shape, value);
  if (!r.ok) throw new ShapeError(r.issues);
  return r.value;
}

/** RFC 3339 UTC time as JavaScript writes it (what `z.iso.datetime()` accepts). */
export const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const SHA256_REF = /^sha256:[0-9a-f]{64}$/;
export const FINGERPRINT = /^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/;

export const sha256Ref = string({ pattern: SHA256_REF, name: 'sha256' });
export const datetime = string({ pattern: DATETIME, name: 'datetime' });
export const fingerprint = string({ pattern: FINGERPRINT, name: 'fingerprint' });
