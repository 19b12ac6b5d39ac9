// The installation's signing key, kept in IndexedDB as non-extractable CryptoKeys (structured
// clone keeps them usable but never readable). Plain IndexedDB, not Dexie: lib/evidence stays
// pure, and the key needs only one record. Creation and rotation return custody drafts, which
// the caller appends to the log: key changes are custody events.
import type { CustodyDraft } from './custody';
import { generateSigningKey, signingKeyFromPair, type SigningKey } from './signing';

export interface KeyStoreOptions {
  indexedDB?: IDBFactory;
  /** Database name; tests pass their own. */
  dbName?: string;
  now?: () => Date;
}

interface StoredKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  fingerprint: string;
  createdAt: string;
}

const STORE = 'keys';
const CURRENT = 'signing';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function openDb(options: KeyStoreOptions): Promise<IDBDatabase> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) throw new Error('key store: IndexedDB is not available');
  const req = factory.open(options.dbName ?? 'dalel-keys', 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

async function withStore<T>(
  options: KeyStoreOptions,
  mode: IDBTransactionMode,
  fn: (store: IDBObjectStore) => Promise<T>,
): Promise<T> {
  const db = await openDb(options);
  try {
    const tx = db.transaction(STORE, mode, { durability: 'strict' });
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('key store transaction failed'));
    });
    const result = await fn(tx.objectStore(STORE));
    await done;
    return result;
  } finally {
    db.close();
  }
}

async function createAndStore(
  options: KeyStoreOptions,
  previous: StoredKey | null,
): Promise<{ key: SigningKey; record: StoredKey }> {
  const key = await generateSigningKey();
  const record: StoredKey = {
    privateKey: key.privateKey,
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
  };
  await withStore(options, 'readwrite', async (store) => {
    if (previous) await request(store.put(previous, `retired:${previous.fingerprint}`));
    await request(store.put(record, CURRENT));
  });
  return { key, record };
}

/** The installation's key, created on first use; `event` is the custody draft when one was created. */
export async function loadOrCreateSigningKey(
  options: KeyStoreOptions = {},
): Promise<{ key: SigningKey; event: CustodyDraft | null }> {
  const stored = await withStore(options, 'readonly', (store) =>
    request(store.get(CURRENT) as IDBRequest<StoredKey | undefined>),
  );
  if (stored) return { key: await signingKeyFromPair(stored), event: null };
  const { key, record } = await createAndStore(options, null);
  return {
    key,
    event: {
      at: record.createdAt,
      actor: key.fingerprint,
      type: 'key_created',
      subject: { kind: 'key', id: key.fingerprint },
      data: { algorithm: 'Ed25519' },
    },
  };
}

/** Replace the key (the old one is kept as retired, for the record); returns the custody draft. */
export async function rotateSigningKey(
  options: KeyStoreOptions = {},
): Promise<{ key: SigningKey; event: CustodyDraft }> {
  const previous = await withStore(options, 'readonly', (store) =>
    request(store.get(CURRENT) as IDBRequest<StoredKey | undefined>),
  );
  if (!previous) throw new Error('key store: no key to rotate');
  const { key, record } = await createAndStore(options, previous);
  return {
    key,
    event: {
      at: record.createdAt,
      actor: previous.fingerprint,
      type: 'key_rotated',
      subject: { kind: 'key', id: key.fingerprint },
      data: { previous: previous.fingerprint, next: key.fingerprint, algorithm: 'Ed25519' },
    },
  };
}
