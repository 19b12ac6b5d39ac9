// integrity.md D3: a sealed capture must be on disk when the store says it is, so every
// transaction asks IndexedDB for strict durability (Chromium's default, "relaxed", may report a
// commit before the data reaches the disk).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleCapture } from './sample-capture';
import { createTestStore } from './test-store';

afterEach(() => vi.restoreAllMocks());

describe('transaction durability', () => {
  it('every write transaction the store opens is strict', async () => {
    const seen: { mode: string; durability: string }[] = [];
    const open = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = open.apply(this, args);
      seen.push({ mode: tx.mode, durability: tx.durability });
      return tx;
    });
    const { store } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_1');
    await store.captures.seal(capture, artifacts);
    await store.persons.create({ name: 'Aigerim Tleuzhan' });
    expect(await store.captures.get('cap_1')).toEqual(capture);

    const writes = seen.filter((t) => t.mode === 'readwrite');
    expect(writes.length).toBeGreaterThanOrEqual(2);
    // (Dexie's own schema read and upgrade at open are its business: durability is about writes.)
    expect(writes.filter((t) => t.durability !== 'strict')).toEqual([]);
  });

  it('a caller can still choose otherwise for a database it opens itself (tests, tools)', async () => {
    const { DalelDb } = await import('../../../lib/store/db');
    const db = new DalelDb(`relaxed-${process.pid}`, { chromeTransactionDurability: 'relaxed' });
    const durability = await db.transaction('r', db.settings, (tx) => tx.idbtrans.durability);
    expect(durability).toBe('relaxed');
    db.close();
  });
});
