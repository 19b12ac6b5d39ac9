import type { Subkeys } from '../../vault/subkeys';
import { VaultLockedError } from '../../vault/errors';

/** MIME type of an encrypted artifact blob at rest; the repo refuses to store anything else sealed. */
export const SEALED_BLOB_TYPE = 'application/vnd.dalel.sealed';

/**
 * The encryption state the store layer consults on every row it reads or writes.
 * `mode` says how rows are written: `plain` (no lock, or while the lock is being turned off) or
 * `sealed`. `keys` are the data key's subkeys, present only while unlocked; they live in memory.
 * Rows are self-describing (an encrypted row has `$e`), so a read never depends on `mode`.
 */
export class CipherSession {
  mode: 'plain' | 'sealed' = 'plain';
  private subkeys: Subkeys | null = null;
  /** Non-extractable signing keys unwrapped at unlock, by key id. */
  readonly privateKeys = new Map<string, CryptoKey>();
  readonly publicKeys = new Map<string, CryptoKey>();
  /**
   * True while the lock is being turned on or off: rows of both forms coexist, so key lookups of
   * blind-keyed tables try both forms (see the middleware).
   */
  migrating = false;
  /** Set while unlock reads key rows to import their public keys (not yet in `publicKeys`). */
  loadingKeys = false;
  /**
   * Unencrypted rows found in an encrypted store (planted by whoever had the profile's files):
   * refused — never handed to a repository — and reported by the integrity check.
   */
  readonly refused = new Map<string, { table: string; key: string }>();

  /** Whether a stored row of the plain form must be refused: the store is sealed and not moving. */
  refusesPlain(): boolean {
    return this.mode === 'sealed' && !this.migrating;
  }

  get unlocked(): boolean {
    return this.subkeys !== null;
  }

  /** The subkeys, or VaultLockedError: every encrypted read and write goes through here. */
  keys(): Subkeys {
    if (!this.subkeys) throw new VaultLockedError();
    return this.subkeys;
  }

  open(subkeys: Subkeys): void {
    this.subkeys = subkeys;
  }

  /** Forgets every key this session holds (best effort: JS cannot zero what the GC copies). */
  close(): void {
    if (this.subkeys) for (const key of Object.values(this.subkeys)) key.fill(0);
    this.subkeys = null;
    this.privateKeys.clear();
    this.publicKeys.clear();
  }
}
