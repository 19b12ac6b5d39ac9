import Dexie, { type Table } from 'dexie';
import type { DalelDb } from '../db';
import { migrations } from '../migrations/index';

/** Small enough to stay inside LevelDB (Chromium moves larger values into separate blob files). */
const ROW_BYTES = 48 * 1024;
const SCRATCH = 'dalel-flush';

/**
 * Pushes overwritten and deleted rows out of the browser's files on disk. Chromium keeps
 * IndexedDB in LevelDB, whose write-ahead log and level-0 tables still hold old versions of
 * rewritten or deleted rows (the plaintext of rows just encrypted; the wrapped data key just
 * shredded) until enough new data forces a flush and a compaction. Writing `megabytes` of
 * incompressible filler — into the store's own `vault` table, or, when the store was just deleted,
 * into a scratch database of the same origin (one LevelDB per origin) — then deleting it, forces
 * both. Best effort: the browser decides when files go; tests/e2e/vault.spec.ts checks the
 * profile's files after turning the lock on and after a panic wipe.
 */
export async function flushOldVersions(db?: DalelDb, megabytes = 32): Promise<void> {
  const scratch = db ? null : new Dexie(SCRATCH);
  scratch?.version(1).stores({ vault: 'id' });
  const table = (db ?? scratch!).table('vault');
  const ids: string[] = [];
  try {
    const rows = Math.ceil((megabytes * 1024 * 1024) / ROW_BYTES);
    for (let batch = 0; batch < rows; batch += 32) {
      const chunk = Array.from({ length: Math.min(32, rows - batch) }, (_, i) => {
        const data = new Uint8Array(ROW_BYTES);
        for (let at = 0; at < ROW_BYTES; at += 65536)
          crypto.getRandomValues(data.subarray(at, Math.min(at + 65536, ROW_BYTES)));
        const id = `filler-${batch + i}`;
        ids.push(id);
        return { id, data };
      });
      await writeSpanning(db, table, chunk);
    }
  } finally {
    if (scratch) await scratch.delete();
    else await table.bulkDelete(ids);
  }
}

/**
 * The first and the last object store created (object store ids follow creation order, and
 * LevelDB keys are ordered by object store id),
 * so a write batch touching both makes every table file it flushes span the whole database.
 * A compaction then merges it with every file of the level below, and an old version is dropped
 * only when it is merged with its replacement. Filler in `vault` alone leaves that to the order
 * in which LevelDB happens to pick files (pre-lock plaintext survived about one flush in three
 * once `custodyTree` followed `vault`; with spanning and 32 MB, none in fourteen).
 */
const SPAN = [
  Object.keys(migrations[0]!.stores)[0]!,
  Object.keys(migrations[migrations.length - 1]!.stores).at(-1)!,
];
const MARK = '~flush';

async function writeSpanning(
  db: DalelDb | undefined,
  table: Table,
  rows: { id: string; data: Uint8Array }[],
): Promise<void> {
  if (!db) {
    await table.bulkPut(rows);
    return;
  }
  const ends = SPAN.map((name) => db.table(name));
  // Put and delete in one transaction: nothing is left behind even if the browser dies here.
  await db.transaction('rw', [table, ...ends], async () => {
    for (const end of ends) await end.put({ [end.schema.primKey.keyPath as string]: MARK });
    await table.bulkPut(rows);
    for (const end of ends) await end.delete(MARK);
  });
}
