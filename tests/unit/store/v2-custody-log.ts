// A custody log as schema v2 wrote it, before the custody tree existed: what the migration tests
// open with today's store.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { eventHashSync, GENESIS_HASH } from '../../../lib/evidence/custody';
import type { CustodyEvent } from '../../../lib/model/custody';
import { migrations } from '../../../lib/store/migrations/index';

/** A log of `seqs` written under schema v2 (no custody tree), in a database named `name`. */
export async function v2Log(name: string, seqs: number[]): Promise<CustodyEvent[]> {
  const old = new Dexie(name);
  for (const m of migrations.filter((m) => m.version <= 2)) old.version(m.version).stores(m.stores);
  const log: CustodyEvent[] = [];
  for (const seq of seqs) {
    const unhashed = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
      actor: 'OLD',
      type: 'tagged' as const,
      subject: { kind: 'capture' as const, id: `cap_${seq % 3}` },
      data: { seq },
      prevHash: log.at(-1)?.hash ?? GENESIS_HASH,
    };
    log.push({ ...unhashed, hash: eventHashSync(unhashed) });
  }
  await old.table('custody').bulkAdd(log);
  old.close();
  return log;
}
