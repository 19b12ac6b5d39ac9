import { createHash } from 'node:crypto';
import { DalelDb } from '../../../lib/store/db';
import type { UnhashedCustodyEvent } from '../../../lib/store/context';
import { Store } from '../../../lib/store/store';

let counter = 0;

/** Key-sorted JSON: enough for the store's own tests; the evidence core has the RFC 8785 one. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function testHashEvent(event: UnhashedCustodyEvent): string {
  return `sha256:${createHash('sha256').update(sortedJson(event)).digest('hex')}`;
}

/** A store over a fresh fake-indexeddb database with a fixed clock. */
export function createTestStore(name = `test-${process.pid}-${++counter}`) {
  let time = Date.parse('2026-05-01T10:00:00.000Z');
  const db = new DalelDb(name);
  const store = new Store({
    db,
    now: () => new Date((time += 1000)),
    actor: () => 'TEST-ACTOR',
    hashEvent: testHashEvent,
  });
  return { db, store };
}
