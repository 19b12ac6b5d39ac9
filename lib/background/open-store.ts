import { eventHashSync } from '../evidence/custody';
import { DalelDb } from '../store/db';
import { attachCipher } from '../store/encryption/attach';
import { VaultRepo } from '../store/repositories/vault-repo';
import { Store } from '../store/store';
import { createKeyRow, ensureSigningKey } from './signing-key';
import { VaultController, type AlarmPort, type SessionPort } from './vault-controller';

export interface OpenedStore {
  store: Store;
  vault: VaultController;
}

export interface OpenerPorts {
  session: SessionPort;
  alarm?: AlarmPort;
  removeFiles?: () => Promise<void>;
  /** After a panic wipe: whatever was built over the deleted database must be rebuilt. */
  onWiped?: () => void;
  /** The panic wipe deletes the custody log's witness too (it lives outside IndexedDB). */
  forgetWitness?: () => Promise<void>;
  clearDrafts?: () => Promise<void>;
  removeFromHistory?: (urls: readonly string[] | null) => Promise<number>;
  /** The list the passphrase strength check refuses. */
  commonPasswords?: () => Promise<ReadonlySet<string>>;
  /** After the store becomes usable (no lock, or unlocked): work that waited may start. */
  onUnlocked?: () => void;
  /**
   * Opens the database (IndexedDB by default; the mirror over `storage.local` in permanent
   * private browsing, see store-backend.ts). `onBroken`: the memoised store must be dropped.
   */
  openDb?: (onBroken: () => void) => Promise<{ db: DalelDb; extractableKeys: boolean }>;
}

/**
 * Opens the database with the encryption layer and the passphrase lock. When the store is not
 * locked it makes sure this installation has a signing key, whose fingerprint is the actor of
 * every custody event. Memoised: the service worker opens it once per life (and again after a
 * wipe).
 */
export function createStoreOpener(ports: OpenerPorts, dbName?: string) {
  let opening: Promise<OpenedStore> | undefined;
  return function openStore(): Promise<OpenedStore> {
    opening ??= (async () => {
      let actor = 'locked';
      const forget = () => {
        opening = undefined;
        ports.onWiped?.();
      };
      const { db, extractableKeys } = ports.openDb
        ? await ports.openDb(forget)
        : { db: new DalelDb(dbName), extractableKeys: false };
      const cipher = attachCipher(db);
      const store = new Store({
        db,
        now: () => new Date(),
        actor: () => actor,
        hashEvent: eventHashSync,
        cipher,
        keysExtractable: extractableKeys,
      });
      const repo = new VaultRepo(store.ctx, (extractable) =>
        createKeyRow(store.ctx.now(), extractable),
      );
      // Under the lock a new key must be born wrapped; without it, non-extractable as before.
      const ensureKey = async () => {
        if (cipher.mode === 'sealed')
          return (await store.keys.active()) ?? repo.installWrappedKey();
        return ensureSigningKey(store.keys, store.ctx.now, extractableKeys);
      };
      const vault = new VaultController(store, repo, {
        ...ports,
        onUnlocked: async () => {
          actor = (await ensureKey()).fingerprint;
          ports.onUnlocked?.();
        },
        onWiped: forget,
      });
      await vault.restore();
      return { store, vault };
    })();
    // A failed open (e.g. storage unavailable) must not poison every later request.
    opening.catch(() => (opening = undefined));
    return opening;
  };
}
