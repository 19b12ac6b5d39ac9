import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DalelDb } from '../db';
import { LATEST_VERSION, migrations } from '../migrations/index';
import { MirrorWriter, mirrorMiddleware, type MirrorBrokenError } from './mirror-middleware';
import { groupRows, MIRROR_META, MIRROR_PREFIX, rowKey, type MirrorPort } from './mirror-port';

export interface MirroredDb {
  db: DalelDb;
  writer: MirrorWriter;
}

function declare(db: Dexie, upTo: number) {
  for (const m of migrations.filter((m) => m.version <= upTo)) {
    const version = db.version(m.version).stores(m.stores);
    if (m.upgrade) version.upgrade(m.upgrade);
  }
}

/** Puts rows into a database as they are (no middleware: they are already in stored form). */
async function putRaw(db: Dexie, tables: Map<string, unknown[]>): Promise<void> {
  const idb = db.backendDB();
  const names = [...tables.keys()].filter((t) => idb.objectStoreNames.contains(t));
  if (names.length === 0) return;
  const tx = idb.transaction(names, 'readwrite');
  for (const name of names) {
    const store = tx.objectStore(name);
    for (const row of tables.get(name)!) store.put(row);
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Every row of every table as stored (raw IndexedDB, under any middleware), for a rewrite. */
async function allRaw(db: Dexie): Promise<Map<string, { table: string; value: unknown }>> {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const out = new Map<string, { table: string; value: unknown }>();
  if (names.length === 0) return out;
  const tx = idb.transaction(names, 'readonly');
  const ask = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  for (const name of names) {
    const store = tx.objectStore(name);
    const [keys, rows] = await Promise.all([ask(store.getAllKeys()), ask(store.getAll())]);
    keys.forEach((key, i) => out.set(rowKey(name, key), { table: name, value: rows[i] }));
  }
  return out;
}

/**
 * The store over `storage.local`, for when the browser refuses IndexedDB to the extension
 * (Firefox and Tor Browser in permanent private browsing): the same Dexie database and
 * repositories, running on an in-memory IndexedDB (fake-indexeddb) that is loaded from
 * `storage.local` when it opens and mirrored back, one atomic write per committed transaction
 * (see MirrorWriter). Rows are stored exactly as IndexedDB would hold them — under the
 * passphrase lock, ciphertext — and artifact Blobs stay Blobs (Firefox keeps them as files).
 */
export async function openMirroredDb(
  port: MirrorPort,
  options: { name?: string; onBroken?: (error: MirrorBrokenError) => void } = {},
): Promise<MirroredDb> {
  const name = options.name ?? 'dalel';
  const factory = new IDBFactory();
  const writer = new MirrorWriter(port, (e) => options.onBroken?.(e));
  const { tables, tombstones, meta } = groupRows(await port.load());
  const stored = meta?.version ?? LATEST_VERSION;
  if (stored > LATEST_VERSION)
    throw new Error(
      `the archive was written by a newer Dalel (schema ${stored}); update Dalel to open it`,
    );
  const keys = tables.get('keys');
  if (keys)
    tables.set(
      'keys',
      await Promise.all(keys.map((row) => writer.keys.decode(row as Record<string, unknown>))),
    );
  // Rows go in at the schema they were written with; opening the latest then runs the upgrades.
  const seed = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  declare(seed, stored);
  await seed.open();
  await putRaw(seed, tables);
  seed.close();

  const db = new DalelDb(name, { indexedDB: factory, IDBKeyRange });
  db.use(mirrorMiddleware(writer));
  db.on('ready', async () => {
    if (!meta || stored < LATEST_VERSION) {
      // After an upgrade every row is written again in its new form, then the new version.
      if (stored < LATEST_VERSION) await writer.write(await allRaw(db));
      await port.write({
        [MIRROR_META]: {
          version: LATEST_VERSION,
          createdAt: meta?.createdAt ?? new Date().toISOString(),
        },
      });
    }
    if (tombstones.length) await port.remove(tombstones).catch(() => undefined);
  });
  // The panic wipe deletes the database: here that is the mirrored rows in the port too.
  const deleteDb = db.delete.bind(db);
  db.delete = ((...args: Parameters<DalelDb['delete']>) =>
    Dexie.Promise.resolve(
      (async () => {
        await deleteDb(...args);
        await writer.settled();
        writer.keys.forget();
        await deleteMirror(port);
      })(),
    )) as DalelDb['delete'];
  return { db, writer };
}

/** Deletes the mirrored archive from the port (the panic wipe). */
export async function deleteMirror(port: MirrorPort): Promise<void> {
  const keys = Object.keys(await port.load()).filter(
    (k) => k.startsWith(MIRROR_PREFIX) || k === MIRROR_META,
  );
  if (keys.length) await port.remove(keys);
}
