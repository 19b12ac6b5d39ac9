import Dexie from 'dexie';
import { createKeyRow } from '../../../lib/background/signing-key';
import { DalelDb } from '../../../lib/store/db';
import { attachCipher } from '../../../lib/store/encryption/attach';
import { VaultRepo } from '../../../lib/store/repositories/vault-repo';
import { Store } from '../../../lib/store/store';
import { testHashEvent } from './test-store';

let counter = 0;

/**
 * Argon2id at a small cost for tests: the same derivation code, without ~1 s per unlock
 * (`npm run bench -- kdf` measures the real cost, `ARGON2_COST`).
 */
export const TEST_KDF_COST = { memoryKiB: 256, passes: 1, parallelism: 1 };

/**
 * A store over fake-indexeddb with the encryption layer, as the background opens it. Call again
 * with the same name to simulate a restart (a new worker: new session, no keys in memory).
 */
export function createVaultStore(
  name = `vault-${process.pid}-${++counter}`,
  actor: () => string = () => 'TEST-ACTOR',
) {
  let time = Date.parse('2026-05-01T10:00:00.000Z');
  const db = new DalelDb(name);
  const session = attachCipher(db);
  const store = new Store({
    db,
    now: () => new Date((time += 1000)),
    actor,
    hashEvent: testHashEvent,
    cipher: session,
  });
  const vault = new VaultRepo(
    store.ctx,
    (extractable) => createKeyRow(store.ctx.now(), extractable),
    TEST_KDF_COST,
  );
  return { name, db, session, store, vault };
}

/**
 * Everything IndexedDB holds for a database, read WITHOUT the encryption layer (a plain Dexie
 * in dynamic mode, as a forensic reader of a seized profile would), as one searchable string
 * plus every blob's bytes.
 */
export async function rawDump(name: string): Promise<{ text: string; bytes: Uint8Array[] }> {
  const raw = new Dexie(name);
  await raw.open();
  const parts: string[] = [];
  const bytes: Uint8Array[] = [];
  const walk = async (v: unknown): Promise<void> => {
    if (v instanceof Blob) bytes.push(new Uint8Array(await v.arrayBuffer()));
    else if (v instanceof Uint8Array) bytes.push(v);
    else if (Array.isArray(v)) for (const x of v) await walk(x);
    else if (v && typeof v === 'object') {
      if (Object.prototype.toString.call(v) === '[object CryptoKey]') parts.push('[CryptoKey]');
      for (const [k, x] of Object.entries(v)) {
        parts.push(k);
        await walk(x);
      }
    } else parts.push(String(v));
  };
  for (const table of raw.tables) {
    parts.push(`#${table.name}`);
    for (const row of await table.toArray()) await walk(row);
    for (const key of await table.toCollection().primaryKeys()) parts.push(String(key));
  }
  raw.close();
  return { text: parts.join('\n'), bytes };
}

/** Whether `needle` occurs anywhere in any of the byte arrays. */
export function containsBytes(haystacks: Uint8Array[], needle: Uint8Array): boolean {
  return haystacks.some((h) => Buffer.from(h).includes(Buffer.from(needle)));
}
