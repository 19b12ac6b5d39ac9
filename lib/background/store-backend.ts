import { browser } from 'wxt/browser';
import { DalelDb } from '../store/db';
import type { MirrorPort } from '../store/mirror/mirror-port';
import { MIRROR_META } from '../store/mirror/mirror-port';
import { openMirroredDb } from '../store/mirror/open-mirrored';

/**
 * Where the archive lives. `indexeddb`: the browser's IndexedDB (Chrome; Firefox in ordinary
 * windows). `extension-storage`: `storage.local` through the mirrored store (lib/store/mirror/),
 * because Firefox and Tor Browser in permanent private browsing refuse IndexedDB and the
 * origin-private file system to extensions.
 */
export type StoreBackend = 'indexeddb' | 'extension-storage';

/** `storage.local` as the mirror's port: one `set` is one transaction of Firefox's own. */
export const storageLocalPort: MirrorPort = {
  load: () => browser.storage.local.get(null),
  write: (entries) => browser.storage.local.set(entries),
  remove: (keys) => browser.storage.local.remove(keys),
};

/**
 * Chosen once per start. An archive already kept in `storage.local` stays there (it does not
 * vanish when the monitor leaves private browsing). Otherwise a private context — where Firefox
 * refuses IndexedDB today, and where any IndexedDB it granted would be deleted with the private
 * session — gets `storage.local`; everything else IndexedDB.
 */
export async function chooseStoreBackend(): Promise<StoreBackend> {
  const existing = await browser.storage.local.get(MIRROR_META).catch(() => ({}));
  if (MIRROR_META in existing) return 'extension-storage';
  const incognito = (browser as { extension?: { inIncognitoContext?: boolean } }).extension
    ?.inIncognitoContext;
  return incognito ? 'extension-storage' : 'indexeddb';
}

export interface OpenedDb {
  db: DalelDb;
  /** Over storage.local a signing key can be kept only as bytes, so it is made extractable. */
  extractableKeys: boolean;
}

/** Opens the database on the chosen backend; `onBroken` runs if a mirrored write fails. */
export async function openDbOn(
  backend: StoreBackend,
  onBroken: () => void,
  dbName?: string,
): Promise<OpenedDb> {
  if (backend === 'indexeddb') return { db: new DalelDb(dbName), extractableKeys: false };
  const { db } = await openMirroredDb(storageLocalPort, { name: dbName, onBroken });
  return { db, extractableKeys: true };
}
