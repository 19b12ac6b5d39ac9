// An empty bulk write under the lock (lib/store/encryption/middleware.ts): Dexie still sends it
// down, with no row to take the last key from, and it must succeed and write nothing.
import { describe, expect, it } from 'vitest';
import { createVaultStore } from '../vault-store';

describe('empty bulk writes under the lock', () => {
  it('succeed and write nothing', async () => {
    const s = createVaultStore();
    await s.vault.enable('бос жазба 2026');
    await s.db.persons.bulkPut([]);
    expect(await s.db.persons.bulkAdd([], { allKeys: true })).toEqual([]);
    expect(await s.db.artifacts.bulkPut([], { allKeys: true })).toEqual([]);
    expect(await s.db.persons.count()).toBe(0);
  });
});
