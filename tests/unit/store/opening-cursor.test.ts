import type { DBCoreCursor } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openingCursor } from '../../../lib/store/encryption/middleware';

/**
 * Stands in for Chromium's IDBCursor: its accessors check their receiver (private fields throw a
 * TypeError when read through another object, as "Illegal invocation" does there), unlike
 * fake-indexeddb's, which is why the unit tests of the store never saw the difference.
 */
class BrandCheckedCursor {
  readonly #key: unknown;
  readonly #primaryKey: unknown;
  readonly #value: unknown;
  // Dexie assigns its own fields and bound methods on the native cursor object.
  done = false;
  continue: (key?: unknown) => void;
  constructor(key: unknown, primaryKey: unknown, value: unknown, onContinue: (k: unknown) => void) {
    this.#key = key;
    this.#primaryKey = primaryKey;
    this.#value = value;
    this.continue = (k) => onContinue(k);
  }
  get key() {
    return this.#key;
  }
  get primaryKey() {
    return this.#primaryKey;
  }
  get value() {
    return this.#value;
  }
}

describe('the encryption middleware cursor', () => {
  it('reads key, primary key and value from the cursor itself, opening the value once', () => {
    const continued: unknown[] = [];
    let opened = 0;
    const native = new BrandCheckedCursor('cap_1', 'link_1', { sealed: 'row' }, (k) =>
      continued.push(k),
    );
    const wrapped = openingCursor(native as unknown as DBCoreCursor, (raw) => {
      opened++;
      return { opened: raw };
    });
    expect(wrapped.key).toBe('cap_1');
    expect(wrapped.primaryKey).toBe('link_1');
    expect(wrapped.value).toEqual({ opened: { sealed: 'row' } });
    expect(wrapped.value).toEqual({ opened: { sealed: 'row' } });
    expect(opened).toBe(1);
    expect(wrapped.done).toBe(false);
    wrapped.continue('cap_2');
    expect(continued).toEqual(['cap_2']);
  });
});
