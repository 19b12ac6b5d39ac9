import type { CustodyEvent } from '../model/custody';
import type { DalelDb } from './db';
import type { CipherSession } from './encryption/cipher-session';

export type UnhashedCustodyEvent = Omit<CustodyEvent, 'hash'>;

/**
 * What every repository needs besides the database. `hashEvent` must be synchronous: the
 * custody entry is chained inside the same IndexedDB transaction as the record it describes,
 * and awaiting anything but IndexedDB there would commit the transaction early (integrity.md D2).
 */
export interface StoreContext {
  db: DalelDb;
  now: () => Date;
  /** Who acts: the fingerprint of this installation's signing key. */
  actor: () => string;
  hashEvent: (event: UnhashedCustodyEvent) => string;
  /**
   * The passphrase lock's state, when the database was opened with the encryption middleware
   * (`attachCipher`). Absent: nothing is encrypted (tests, the CLI).
   */
  cipher?: CipherSession;
  /**
   * The database is mirrored to storage.local, which can keep a signing key only as bytes: keys
   * unwrapped at unlock stay extractable so that turning the lock off can store them.
   */
  keysExtractable?: boolean;
}
