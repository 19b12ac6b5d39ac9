/**
 * The extension's only console output. It takes an event code and numbers or booleans, never
 * strings: names, URLs and page text must not reach a log a seized or shared device keeps
 * (tests/meta/no-personal-logs.test.ts keeps every other `console.*` call out of the sources).
 */
export function logEvent(code: string, fields: Record<string, number | boolean> = {}): void {
  if (!/^[a-z][a-z0-9_.]*$/.test(code)) throw new Error(`log codes are snake_case identifiers`);
  console.info(`[dalel] ${code}`, fields);
}
