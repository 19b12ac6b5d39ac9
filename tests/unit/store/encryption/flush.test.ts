// flushOldVersions (lib/store/encryption/flush.ts), which pushes old row versions out of
// Chromium's files by writing incompressible filler: exactly the asked size in 48 KiB random rows,
// written in batches of 32 alongside a mark in the first and last tables, and nothing of it left
// behind afterwards (neither filler, nor mark, nor the scratch database), the vault record intact.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DalelDb } from '../../../../lib/store/db';
import { flushOldVersions } from '../../../../lib/store/encryption/flush';

let n = 0;
afterEach(() => vi.restoreAllMocks());

type Filler = { id: string; data: Uint8Array };

async function flushed(megabytes: number) {
  const db = new DalelDb(`flush-${process.pid}-${++n}`);
  await db.open();
  await db.vault.put({ id: 'vault', kept: true } as never);
  await db.persons.put({ id: 'per_1', name: 'A', aliases: [] } as never);
  const batches: Filler[][] = [];
  const marks: unknown[] = [];
  // Spied on Dexie's Table prototype: flush looks its tables up by name.
  const proto = Object.getPrototypeOf(db.vault) as {
    bulkPut: (this: { name: string }, rows: unknown) => Promise<unknown>;
    put: (this: { name: string }, row: unknown) => Promise<unknown>;
  };
  const { bulkPut, put } = proto;
  vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: { name: string }, rows) {
    if (this.name === 'vault') batches.push(rows as Filler[]);
    return bulkPut.call(this, rows);
  });
  vi.spyOn(proto, 'put').mockImplementation(function (this: { name: string }, row) {
    if (this.name === 'persons' || this.name === 'secrets') marks.push([this.name, row]);
    return put.call(this, row);
  });
  await flushOldVersions(db, megabytes);
  return { db, batches, marks };
}

describe('flushOldVersions', () => {
  it('writes the asked megabytes as 48 KiB random rows, 32 at a time, then removes them', async () => {
    const { db, batches, marks } = await flushed(2);
    // 2 MiB / 48 KiB = 42.7: 43 rows, a batch of 32 and one of 11.
    expect(batches.map((b) => b.length)).toEqual([32, 11]);
    const rows = batches.flat();
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => `filler-${i}`));
    for (const { data } of rows) {
      expect(data.length).toBe(48 * 1024);
      // Random, so incompressible: (almost) no zero bytes.
      expect(data.filter((b) => b === 0).length).toBeLessThan(1024);
    }
    // Each batch also touched the first and the last table, with a mark deleted at once.
    const mark = { id: '~flush' };
    expect(marks).toEqual([
      ['persons', mark],
      ['secrets', mark],
      ['persons', mark],
      ['secrets', mark],
    ]);
    expect(await db.vault.toArray()).toEqual([{ id: 'vault', kept: true }]);
    expect(await db.persons.toCollection().primaryKeys()).toEqual(['per_1']);
    expect(await db.secrets.count()).toBe(0);
    db.close();
  });

  it('writes whole batches only: 3 MiB is exactly two batches of 32', async () => {
    const { db, batches } = await flushed(3);
    expect(batches.map((b) => b.length)).toEqual([32, 32]);
    expect(await db.vault.count()).toBe(1);
    db.close();
  });

  it('without a store, fills a scratch database of the origin and deletes it', async () => {
    await flushOldVersions(undefined, 1);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('dalel-flush');
  });
});
