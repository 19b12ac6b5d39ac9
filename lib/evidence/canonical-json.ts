// RFC 8785 (JCS). Everything hashed or signed goes through here, so it refuses rather than guesses:
// `undefined`, NaN, Infinity, lone surrogates, BigInt and non-plain objects are errors (plain
// JSON.stringify would silently drop or rewrite them).

import { outcome, type Outcome } from './verify-messages';

export class CanonicalJsonError extends Error {
  /** Set when parsing bytes: why they are not canonical JSON, as a verifier outcome. */
  outcome?: Outcome;
}

function parseError(what: string, o: Outcome, text: string): CanonicalJsonError {
  const error = new CanonicalJsonError(`${what}: ${text}`);
  error.outcome = o;
  return error;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(`${path}: lone surrogate in string`);
  // JSON.stringify escapes exactly as JCS §3.2.2.2 requires (short escapes, lower-case \u00xx).
  return JSON.stringify(value);
}

function serialize(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${value} is not JSON`);
      // ECMAScript Number serialization is the JCS number format; -0 becomes 0.
      return JSON.stringify(value);
    case 'string':
      return serializeString(value, path);
    case 'object':
      return Array.isArray(value) ? serializeArray(value, path) : serializeObject(value, path);
    default:
      throw new CanonicalJsonError(`${path}: ${typeof value} cannot be canonical JSON`);
  }
}

function serializeArray(value: unknown[], path: string): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new CanonicalJsonError(`${path}[${i}]: hole in array`);
    parts.push(serialize(value[i], `${path}[${i}]`));
  }
  return `[${parts.join(',')}]`;
}

function serializeObject(value: object, path: string): string {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalJsonError(`${path}: only plain objects can be canonical JSON`);
  }
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is the JCS property order.
  const keys = Object.keys(record).sort();
  const parts = keys.map((key) => {
    const v = record[key];
    if (v === undefined) throw new CanonicalJsonError(`${path}.${key}: undefined is not JSON`);
    return `${serializeString(key, path)}:${serialize(v, `${path}.${key}`)}`;
  });
  return `{${parts.join(',')}}`;
}

/** The RFC 8785 canonical JSON text of `value`. */
export function canonicalize(value: unknown): string {
  return serialize(value, '$');
}

/** UTF-8 bytes of the canonical JSON of `value`. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}

/**
 * Parse bytes that must already be canonical JSON. Rejects invalid UTF-8, a BOM, duplicate keys,
 * numbers that do not survive a round trip (e.g. 64-bit ids) and any other non-canonical form,
 * because what is signed is the bytes, and the bytes must have exactly one meaning.
 */
export function parseCanonical(bytes: Uint8Array, what: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw parseError(what, outcome('json_not_utf8'), 'not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    throw parseError(what, outcome('json_invalid', { detail }), `not valid JSON (${detail})`);
  }
  let canonical: string;
  try {
    canonical = canonicalize(value);
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) {
      // Arrays or objects nested deeper than the call stack (JSON.parse reads them, the
      // recursive serializer cannot): a hostile file, not a lone surrogate.
      const detail = `nested too deeply to read (${(error as Error).message})`;
      throw parseError(what, outcome('json_invalid', { detail }), `not valid JSON (${detail})`);
    }
    // JSON.parse gives only plain values; a lone surrogate is what cannot be canonical.
    throw parseError(what, outcome('json_lone_surrogate'), error.message);
  }
  if (canonical !== text) {
    const dup = findDuplicateKey(text);
    throw dup !== null
      ? parseError(what, outcome('json_duplicate_key', { key: dup }), `duplicate key "${dup}"`)
      : parseError(
          what,
          outcome('json_not_canonical'),
          'not in canonical form (RFC 8785: sorted keys, no whitespace, exact numbers)',
        );
  }
  return value;
}

/** First key repeated within one object, found with a small tokenizer (JSON.parse keeps the last). */
export function findDuplicateKey(text: string): string | null {
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] !== null && stack.length > 0;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      expectKey = false;
      i = j;
    }
  }
  return null;
}
