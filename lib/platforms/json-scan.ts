/**
 * Finds JSON embedded in page scripts without evaluating anything: a balanced-brace scanner that
 * respects string literals, then JSON.parse. Platforms assign their state with
 * `window._sharedData = {...};` or `var ytInitialPlayerResponse = {...};`.
 */

/** Index just past the `{…}` or `[…]` that opens at `start`, or -1 when unbalanced. */
export function scanBalanced(text: string, start: number): number {
  const open = text[start];
  if (open !== '{' && open !== '[') return -1;
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

export function tryParseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Strips anti-hijacking prefixes (`for (;;);`, `)]}'`) that some platform APIs put before JSON. */
export function stripJsonPrefix(text: string): string {
  return text.replace(/^\uFEFF?\s*(for\s*\(;;\);|\)\]\}',?|while\s*\(1\);)\s*/, '');
}

/**
 * Every JSON value assigned to `name` in `source` (`name = {...}`, `name={...}`,
 * `"name": {...}`, `name":{…}`), parsed; unparseable candidates are reported, not thrown.
 */
export function findAssignedJson(
  source: string,
  name: string,
): { values: unknown[]; errors: string[] } {
  const values: unknown[] = [];
  const errors: string[] = [];
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escaped}["']?\\s*[=:]\\s*(?=[{[])`, 'g');
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    const start = m.index + m[0].length;
    const end = scanBalanced(source, start);
    if (end < 0) {
      errors.push(`${name}: unbalanced JSON at offset ${start}`);
      continue;
    }
    const parsed = tryParseJson(source.slice(start, end));
    if (parsed.ok) values.push(parsed.value);
    else errors.push(`${name}: ${parsed.error}`);
    pattern.lastIndex = end;
  }
  return { values, errors };
}

/** Reads a nested property by path (`['entry_data', 'PostPage', 0]`) without throwing. */
export function dig(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current == null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function asString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  // Ids may arrive as numbers in old payloads; only safe integers can be turned back into text.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

export function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Depth-first search for the first object satisfying `test` (bounded, for large page state). */
export function findDeep(
  value: unknown,
  test: (node: Record<string, unknown>) => boolean,
  maxNodes = 200_000,
): Record<string, unknown> | null {
  const stack: unknown[] = [value];
  let seen = 0;
  while (stack.length && seen++ < maxNodes) {
    const node = stack.pop();
    if (node == null || typeof node !== 'object') continue;
    if (!Array.isArray(node) && test(node as Record<string, unknown>)) {
      return node as Record<string, unknown>;
    }
    const children = Array.isArray(node) ? node : Object.values(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return null;
}
