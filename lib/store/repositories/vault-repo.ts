import { fromBase64 } from '../../evidence/hex';
import { signRotation, type SignedRotation } from '../../evidence/key-rotation';
import { signingKeyFromPair } from '../../evidence/signing';
import { ReasonedError } from '../../i18n/reason';
import { createDataKey, unwrapDataKey, wrapDataKey } from '../../vault/data-key';
import { ARGON2_COST, newArgon2Params, type Argon2Cost } from '../../vault/kdf';
import { VaultLockedError } from '../../vault/errors';
import {
  vaultRecordSchema,
  type KdfParams,
  type VaultRecord,
  type VaultState,
} from '../../vault/record';
import { importPublicKey, unwrapSigningKey, wrapSigningKey } from '../../vault/signing-key-wrap';
import { deriveSubkeys } from '../../vault/subkeys';
import type { StoreContext } from '../context';
import type { DalelDb } from '../db';
import type { CipherSession } from '../encryption/cipher-session';
import { flushOldVersions } from '../encryption/flush';
import { rewriteAll } from '../encryption/rewrite';
import type { KeyRow } from '../rows';
import { KeysRepo } from './keys-repo';

const ID = 'vault' as const;

/** Makes a new Ed25519 key row; `extractable` only so the vault can wrap it at once. */
export type NewSigningKey = (extractable: boolean) => Promise<KeyRow>;

export interface VaultStatus {
  enabled: boolean;
  locked: boolean;
  state: VaultState | null;
}

/**
 * The passphrase lock over the store: turning it on (encrypting every row and blob in place),
 * unlocking, locking, changing the passphrase, turning it off, and the panic wipe.
 */
export class VaultRepo {
  private readonly keysRepo: KeysRepo;
  constructor(
    private readonly ctx: StoreContext,
    private readonly newSigningKey: NewSigningKey,
    /** Argon2id cost of new wraps; tests pass a small one (the code path is the same). */
    private readonly kdfCost: Argon2Cost = ARGON2_COST,
  ) {
    this.keysRepo = new KeysRepo(ctx);
  }

  private get session(): CipherSession {
    if (!this.ctx.cipher) throw new Error('the store was opened without the encryption layer');
    return this.ctx.cipher;
  }

  async record(): Promise<VaultRecord | undefined> {
    const row = await this.ctx.db.vault.get(ID);
    return row && vaultRecordSchema.parse(row);
  }

  async status(): Promise<VaultStatus> {
    const record = await this.record();
    return {
      enabled: record !== undefined,
      locked: record !== undefined && !this.session.unlocked,
      state: record?.state ?? null,
    };
  }

  /** Sets the session's write mode from the stored record; call once after opening. */
  async prepare(): Promise<VaultRecord | undefined> {
    const record = await this.record();
    this.session.mode = record && record.state !== 'decrypting' ? 'sealed' : 'plain';
    this.session.migrating = record !== undefined && record.state !== 'ready';
    return record;
  }

  /**
   * Turns the lock on: a new data key under the passphrase, a new signing key wrapped under it
   * (the old non-extractable key cannot be wrapped, so it is retired and its private half
   * dropped), then every row and blob rewritten encrypted. Returns the data key for the session.
   */
  async enable(passphrase: string, kdf?: KdfParams): Promise<Uint8Array> {
    if (await this.record()) throw new ReasonedError('fail_lock_already_on');
    const { dataKey, wrapped } = await createDataKey(
      passphrase,
      kdf ?? newArgon2Params(this.kdfCost),
    );
    const record: VaultRecord = vaultRecordSchema.parse({
      id: ID,
      format: 1,
      ...wrapped,
      signingKeys: {},
      state: 'encrypting',
      createdAt: this.ctx.now().toISOString(),
    });
    await this.ctx.db.vault.put(record);
    await this.openWithDataKey(dataKey.slice());
    return dataKey;
  }

  /** The data key for a passphrase; WrongPassphraseError otherwise. Does not change the session. */
  async dataKeyFor(passphrase: string): Promise<Uint8Array> {
    const record = await this.record();
    if (!record) throw new ReasonedError('fail_lock_off');
    return unwrapDataKey(record, passphrase);
  }

  async unlock(passphrase: string): Promise<Uint8Array> {
    const dataKey = await this.dataKeyFor(passphrase);
    await this.upgradeKdf(dataKey, passphrase);
    await this.openWithDataKey(dataKey.slice());
    return dataKey;
  }

  /**
   * An archive locked before Argon2id (PBKDF2, 600,000 iterations) is re-wrapped under Argon2id
   * at its first unlock — the passphrase is known only then. The old wrapped key is overwritten
   * and pushed out of the browser's files, so the cheaper-to-guess copy does not linger on disk.
   */
  private async upgradeKdf(dataKey: Uint8Array, passphrase: string): Promise<void> {
    const record = await this.record();
    if (!record || record.kdf.name === 'Argon2id') return;
    const wrapped = await wrapDataKey(dataKey, passphrase, newArgon2Params(this.kdfCost));
    await this.ctx.db.vault.update(ID, {
      kdf: wrapped.kdf,
      wrappedDataKey: wrapped.wrappedDataKey,
    });
    await this.flush(this.ctx.db);
  }

  /** Opens the session with a data key (after unlock, or restored after a worker restart). */
  async openWithDataKey(dataKey: Uint8Array): Promise<void> {
    const session = this.session;
    const subkeys = deriveSubkeys(dataKey);
    dataKey.fill(0);
    session.open(subkeys);
    const record = await this.prepare();
    if (!record) throw new ReasonedError('fail_lock_off');
    for (const [id, entry] of Object.entries(record.signingKeys)) {
      session.privateKeys.set(
        id,
        await unwrapSigningKey(entry.wrapped, id, subkeys.signing, this.ctx.keysExtractable),
      );
      session.publicKeys.set(id, await importPublicKey(entry.publicKeyRaw));
    }
    session.loadingKeys = true;
    let rows: KeyRow[];
    try {
      rows = await this.ctx.db.keys.toArray();
    } finally {
      session.loadingKeys = false;
    }
    for (const row of rows) {
      if (!session.publicKeys.has(row.id))
        session.publicKeys.set(row.id, row.publicKey ?? (await importPublicKey(row.publicKeyRaw)));
    }
    if (record.state === 'encrypting') await this.finishEncrypting(record);
    if (record.state === 'decrypting') await this.finishDecrypting();
  }

  private async finishEncrypting(record: VaultRecord): Promise<void> {
    const active = await this.keysRepo.active();
    if (!active || !record.signingKeys[active.id]) await this.installWrappedKey();
    await rewriteAll(this.ctx.db, this.session);
    await this.flush(this.ctx.db);
    await this.ctx.db.vault.update(ID, { state: 'ready' });
    this.session.migrating = false;
  }

  /**
   * Creates a signing key under the lock: generated extractable, wrapped at once into the vault
   * record, kept in memory only as a non-extractable copy, installed as the active key.
   */
  async installWrappedKey(): Promise<KeyRow> {
    const session = this.session;
    const subkeys = session.keys();
    const key = await this.newSigningKey(true);
    if (!key.privateKey) throw new Error('a new signing key has no private key');
    const wrapped = await wrapSigningKey(key.privateKey, key.id, subkeys.signing);
    const record = (await this.record())!;
    record.signingKeys[key.id] = { wrapped, publicKeyRaw: key.publicKeyRaw };
    await this.ctx.db.vault.put(record);
    const privateKey = await unwrapSigningKey(
      wrapped,
      key.id,
      subkeys.signing,
      this.ctx.keysExtractable,
    );
    session.privateKeys.set(key.id, privateKey);
    session.publicKeys.set(key.id, key.publicKey);
    const row = { ...key, privateKey };
    await this.keysRepo.install(row, await this.handover(row));
    return row;
  }

  /**
   * The key being replaced signs that it hands over to the new one (before its private half is
   * dropped), so a lawyer who pinned the old fingerprint can confirm what the new key signs.
   * Null when there is no earlier key, or its private half is already gone.
   */
  private async handover(next: KeyRow): Promise<SignedRotation | null> {
    const previous = await this.keysRepo.active();
    if (!previous?.privateKey || previous.id === next.id) return null;
    const signer = await signingKeyFromPair({
      privateKey: previous.privateKey,
      publicKey: previous.publicKey,
    });
    return signRotation(
      signer,
      { publicKeyRaw: fromBase64(next.publicKeyRaw), fingerprint: next.fingerprint },
      this.ctx.now(),
    );
  }

  /** Physically drops old row versions from the browser's files; off in Node tests (no LevelDB). */
  flush: (db?: DalelDb) => Promise<void> = (db) =>
    typeof navigator !== 'undefined' && navigator.userAgent.includes('Chrome')
      ? flushOldVersions(db)
      : Promise.resolve();

  /** Forgets the keys; the archive stays encrypted until the next unlock. */
  lock(): void {
    this.session.close();
  }

  /** Re-wraps only the data key under the new passphrase (new salt); rows are untouched. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const dataKey = await this.dataKeyFor(current);
    const wrapped = await wrapDataKey(dataKey, next, newArgon2Params(this.kdfCost));
    dataKey.fill(0);
    await this.ctx.db.vault.update(ID, {
      kdf: wrapped.kdf,
      wrappedDataKey: wrapped.wrappedDataKey,
    });
  }

  /**
   * Turns the lock off: every row and blob rewritten in plaintext, the signing key stored again
   * as a non-extractable CryptoKey, then the vault record deleted.
   */
  async disable(passphrase: string): Promise<void> {
    const dataKey = await this.dataKeyFor(passphrase);
    await this.ctx.db.vault.update(ID, { state: 'decrypting' });
    await this.openWithDataKey(dataKey);
  }

  private async finishDecrypting(): Promise<void> {
    await rewriteAll(this.ctx.db, this.session);
    await this.ctx.db.vault.delete(ID);
    this.session.mode = 'plain';
    this.session.migrating = false;
    this.session.close();
  }

  /**
   * The panic wipe's first, fast step: destroys the wrapped data key, its salt and the wrapped
   * signing keys (one row), and every stored signing key, in one transaction. After it nothing
   * encrypted can be opened, whatever passphrase is known. The caller then calls `deleteDatabase`.
   */
  async shred(): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', db.vault, db.keys, async () => {
      await db.vault.clear();
      await db.keys.clear();
    });
    this.ctx.cipher?.close();
  }

  /**
   * The panic wipe's last step, after `shred`: the whole database goes (the store owns it; the
   * background asks, and opens a fresh one afterwards).
   */
  deleteDatabase(): Promise<void> {
    return this.ctx.db.delete();
  }

  /** Throws VaultLockedError while the lock is on and the session has no keys. */
  async assertOpen(): Promise<void> {
    if ((await this.record()) && !this.session.unlocked) throw new VaultLockedError();
  }
}
