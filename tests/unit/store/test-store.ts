import { eventHashSync } from '../../../lib/evidence/custody';
import { DalelDb } from '../../../lib/store/db';
import { Store } from '../../../lib/store/store';

let counter = 0;

/** The production chain hash: store tests check the same log a package carries. */
export const testHashEvent = eventHashSync;

/**
 * A store over a fresh fake-indexeddb database with a fixed clock. `actor` is who the custody
 * log says acted: the signing key's fingerprint in the extension (packages are checked for it).
 */
export function createTestStore(
  name = `test-${process.pid}-${++counter}`,
  actor: string | (() => string) = 'TEST-ACTOR',
) {
  let time = Date.parse('2026-05-01T10:00:00.000Z');
  const db = new DalelDb(name);
  const store = new Store({
    db,
    now: () => new Date((time += 1000)),
    actor: typeof actor === 'function' ? actor : () => actor,
    hashEvent: testHashEvent,
  });
  return { db, store };
}
