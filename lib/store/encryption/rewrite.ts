import type { DalelDb } from '../db';
import type { CipherSession } from './cipher-session';
import { SEALED_BLOB_TYPE } from './cipher-session';
import { blobForStorage, blobFromStorage } from './blobs';
import { SEALED_ONLY_TABLES, tableSpecs } from './table-specs';

/**
 * Rewrites every row into the form the session's `mode` asks for (sealed or plain). Idempotent
 * and resumable: each table of records is rewritten in one transaction, each artifact in its own
 * (its blob is re-encrypted with WebCrypto before that transaction opens), so an interruption
 * leaves every row whole, in one form or the other, and the next run finishes the job.
 */
export async function rewriteAll(
  db: DalelDb,
  session: CipherSession,
): Promise<{ rows: number; blobs: number }> {
  let rows = 0;
  for (const name of tableSpecs().keys()) {
    if (name === 'artifacts') continue;
    const table = db.table(name);
    if (SEALED_ONLY_TABLES.has(name) && session.mode === 'plain') {
      await db.transaction('rw', table, () => table.clear());
      continue;
    }
    await db.transaction('rw', table, async () => {
      const all = await table.toArray();
      // Clear, then put back: Chromium compacts a deleted key range, which drops the old
      // (plaintext) versions from LevelDB's files; overwriting in place left them to the filler
      // of flushOldVersions, which missed them in about half the runs once the schema had one
      // more object store (tests/e2e/vault.spec.ts). Same transaction: all or nothing.
      if (all.length) {
        await table.clear();
        await table.bulkPut(all);
      }
      rows += all.length;
    });
  }
  return { rows, blobs: await rewriteArtifacts(db, session) };
}

async function rewriteArtifacts(db: DalelDb, session: CipherSession): Promise<number> {
  const wantSealed = session.mode === 'sealed';
  let done = 0;
  for (const key of await db.artifacts.toCollection().primaryKeys()) {
    const row = await db.artifacts.get(key);
    if (!row || (row.blob.type === SEALED_BLOB_TYPE) === wantSealed) continue;
    const plain = await blobFromStorage(session, key, row.blob, row.mediaType);
    const blob = await blobForStorage(session, key, plain);
    await db.transaction('rw', db.artifacts, async () => {
      await db.artifacts.delete(key); // both key forms while migrating
      await db.artifacts.add({ ...row, blob });
    });
    done++;
  }
  return done;
}
