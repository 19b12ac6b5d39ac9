/**
 * The extension's only console output. It takes an event code and numbers or booleans, never
 * strings: names, URLs and page text must not reach a log a seized or shared device keeps
 * (tests/meta/no-personal-logs.test.ts keeps every other `console.*` call out of the sources).
 * The types say so, and so does the code at run time: a value smuggled past the types (an `any`,
 * a parsed message) throws instead of being printed.
 */
export function logEvent(code: string, fields: Record<string, number | boolean> = {}): void {
  if (typeof code !== 'string' || !/^[a-z][a-z0-9_.]*$/.test(code))
    throw new Error(`log codes are snake_case identifiers`);
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    throw new TypeError(`log ${code}: fields must be an object of numbers and booleans`);
  const safe: Record<string, number | boolean> = {};
  for (const [key, value] of Object.entries(fields)) {
    // Neither the key nor the value is echoed: either might be the personal data.
    if (!/^[a-zA-Z][a-zA-Z0-9_]*$/.test(key))
      throw new TypeError(`log ${code}: field names are identifiers`);
    if (typeof value !== 'number' && typeof value !== 'boolean')
      throw new TypeError(`log ${code}: field values are numbers or booleans`);
    safe[key] = value;
  }
  console.info(`[dalel] ${code}`, safe);
}
