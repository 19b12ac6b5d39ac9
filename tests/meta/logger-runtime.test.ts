// ARCHITECTURE.md, Invariants: lib/log.ts takes codes and numbers only. The types say so; this
// checks that the code refuses at run time what a cast, an `any` or a parsed message smuggles in,
// without printing it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logEvent } from '../../lib/log';

const PERSONAL = 'Aigerim Tleuzhan';
let printed: unknown[][] = [];

afterEach(() => {
  vi.restoreAllMocks();
  printed = [];
});

function capture() {
  for (const method of ['info', 'log', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args));
}

const smuggle = (fields: unknown) => () =>
  logEvent('capture.done', fields as Record<string, number>);

describe('the logger at run time', () => {
  it('prints a code with numbers and booleans', () => {
    capture();
    logEvent('capture.done', { screens: 3, partial: false, ms: 12.5 });
    expect(printed).toEqual([['[dalel] capture.done', { screens: 3, partial: false, ms: 12.5 }]]);
  });

  it('refuses string, object, array, null and undefined values, printing nothing', () => {
    capture();
    for (const value of [PERSONAL, { name: PERSONAL }, [PERSONAL], null, undefined, 10n])
      expect(smuggle({ person: value }), String(value)).toThrow(/numbers or booleans/);
    expect(printed).toEqual([]);
  });

  it('refuses field names that are not identifiers (a name can be the personal data)', () => {
    capture();
    expect(smuggle({ [PERSONAL]: 1 })).toThrow(/field names are identifiers/);
    expect(smuggle({ 'https://x.com/a': 1 })).toThrow(/field names are identifiers/);
    expect(printed).toEqual([]);
  });

  it('never echoes the refused key or value in its error', () => {
    for (const fields of [{ person: PERSONAL }, { [PERSONAL]: 1 }])
      expect(() => smuggle(fields)()).toThrow(
        expect.objectContaining({
          message: expect.not.stringContaining('Aigerim'),
        }),
      );
  });

  it('refuses fields that are not an object, and codes that are not strings', () => {
    capture();
    expect(smuggle(PERSONAL)).toThrow(/fields must be an object/);
    expect(smuggle([1, 2])).toThrow(/fields must be an object/);
    expect(smuggle(null)).toThrow(/fields must be an object/);
    expect(() => logEvent(42 as unknown as string)).toThrow(/snake_case/);
    expect(printed).toEqual([]);
  });
});
