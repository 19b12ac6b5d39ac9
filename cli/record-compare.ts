/**
 * Compares an extracted record with a partial expected record written by a person: every leaf of
 * the expected record is one field; strings compare after whitespace folding, arrays of scalars
 * as a whole, arrays of objects element by element.
 */

export interface FieldResult {
  path: string;
  expected: unknown;
  actual: unknown;
  ok: boolean;
}

export function compareRecord(expected: unknown, actual: unknown, path = ''): FieldResult[] {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    return Object.entries(expected).flatMap(([key, value]) =>
      compareRecord(value, pick(actual, key), path ? `${path}.${key}` : key),
    );
  }
  if (Array.isArray(expected) && expected.some((v) => v !== null && typeof v === 'object')) {
    return expected.flatMap((value, index) =>
      compareRecord(value, Array.isArray(actual) ? actual[index] : undefined, `${path}.${index}`),
    );
  }
  return [{ path, expected, actual: actual ?? null, ok: same(expected, actual ?? null) }];
}

function pick(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return fold(a) === fold(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => same(value, b[index]));
  }
  return a === b;
}

function fold(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Every leaf of a record as `path: value` lines, for the pretty CLI output. */
export function flattenForDisplay(value: unknown, path = ''): Array<[string, unknown]> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) =>
      flattenForDisplay(child, path ? `${path}.${key}` : key),
    );
  }
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
    return value.flatMap((child, index) => flattenForDisplay(child, `${path}.${index}`));
  }
  return [[path, value]];
}
