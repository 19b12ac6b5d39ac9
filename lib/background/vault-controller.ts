import { ProtocolError } from '../messaging/router';
import { ALLOWED_WHILE_LOCKED } from '../messaging/messages/vault';
import type { VaultRepo, VaultStatus } from '../store/repositories/vault-repo';
import type { Store } from '../store/store';
import { fromBase64, toBase64 } from '../vault/bytes';
import { checkPassphrase } from '../vault/strength';

/** What survives a service-worker restart while unlocked: kept in memory-only session storage. */
export interface SavedSession {
  dataKey: string;
  lastActive: number;
  idleMinutes: number;
}

/** `browser.storage.session` (memory only, never written to disk), injected for Node tests. */
export interface SessionPort {
  load(): Promise<SavedSession | null>;
  save(session: SavedSession): Promise<void>;
  clear(): Promise<void>;
}

/** An alarm that fires the idle check even when nobody sends a request (`browser.alarms`). */
export interface AlarmPort {
  schedule(delayMinutes: number): Promise<void>;
  clear(): Promise<void>;
}

export interface VaultControllerPorts {
  session: SessionPort;
  alarm?: AlarmPort;
  now?: () => number;
  /** Called whenever the store becomes usable (no lock, or unlocked): the actor is set here. */
  onUnlocked?: () => Promise<void>;
  /** Deletes files outside IndexedDB that hold plaintext (finished exports); on lock and wipe. */
  removeFiles?: () => Promise<void>;
  /** Called after a wipe deleted the database, so the background opens a fresh one. */
  onWiped?: () => void;
  /** Deletes the custody log's witness, which outlives the database (lib/integrity/witness.ts). */
  forgetWitness?: () => Promise<void>;
  /**
   * Removes pages from the browser's own history, if the monitor granted the optional `history`
   * permission: the captured URLs, or (when they cannot be read: locked) every visit to the
   * platforms' sites. Answers how many entries went.
   */
  removeFromHistory?: (urls: readonly string[] | null) => Promise<number>;
  /** Forgets the popup's drafts (captured URLs, unsaved notes) in session storage. */
  clearDrafts?: () => Promise<void>;
  /** The common-passwords list the strength check refuses (shipped in the extension). */
  commonPasswords?: () => Promise<ReadonlySet<string>>;
}

// Persisting `lastActive` on every request would write session storage on every click.
const TOUCH_EVERY_MS = 30_000;

/**
 * The passphrase lock as the background runs it: the unwrapped data key lives only in memory
 * (and in session storage, memory-only, so a killed service worker does not lock the user out
 * mid-task); it is dropped after `autoLockMinutes` without a request, on `vault.lock`, and when
 * the browser exits.
 */
/** A replaced signing key: old and new fingerprints, and whether the old key signed the handover. */
export interface KeyChange {
  previous: string;
  next: string;
  handover: boolean;
}

export class VaultController {
  private saved: SavedSession | null = null;
  private persistedAt = 0;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly vault: VaultRepo,
    private readonly ports: VaultControllerPorts,
  ) {
    this.now = ports.now ?? Date.now;
  }

  /** At startup: sets the write mode and, if the worker restarted while unlocked, reopens. */
  async restore(): Promise<void> {
    const record = await this.vault.prepare();
    if (!record) return this.ports.onUnlocked?.();
    const saved = await this.ports.session.load();
    if (!saved) return;
    this.saved = saved;
    if (await this.idleExpired()) return;
    await this.vault.openWithDataKey(fromBase64(saved.dataKey));
    await this.ports.onUnlocked?.();
  }

  status(): Promise<VaultStatus> {
    return this.vault.status();
  }

  /** The router's guard: auto-lock when idle, refuse while locked, and note the activity. */
  async guard(type: string): Promise<void> {
    await this.idleExpired();
    if (ALLOWED_WHILE_LOCKED.has(type)) return;
    const status = await this.vault.status();
    if (status.locked)
      throw new ProtocolError('locked', 'Dalel is locked: enter the passphrase to continue.');
    await this.touch();
  }

  /** Refuses a weak new passphrase whatever the page checked (the UI runs the same check). */
  private async assertStrong(passphrase: string): Promise<void> {
    const common = (await this.ports.commonPasswords?.()) ?? new Set<string>();
    const verdict = checkPassphrase(passphrase, common);
    if (!verdict.ok)
      throw new ProtocolError(
        'weak_passphrase',
        `This passphrase is too weak (${verdict.problems.join(', ')}): choose a longer one that is not a common password.`,
      );
  }

  /**
   * Turns the lock on. That replaces the signing key (a non-extractable key cannot be wrapped),
   * so the answer says which key replaced which and whether the old one signed the handover:
   * the monitor must give lawyers the new fingerprint (issue 12).
   */
  async enable(passphrase: string): Promise<VaultStatus & { keyChange: KeyChange | null }> {
    await this.assertStrong(passphrase);
    const before = (await this.store.custody.ofType('key_rotated')).length;
    const dataKey = await this.vault.enable(passphrase);
    await this.remember(dataKey);
    await this.ports.onUnlocked?.();
    const rotated = await this.store.custody.ofType('key_rotated');
    const event = rotated.length > before ? rotated.at(-1)! : null;
    const keyChange = event && {
      previous: String(event.data.previous),
      next: String(event.data.fingerprint),
      handover: event.data.rotation !== undefined,
    };
    return { ...(await this.vault.status()), keyChange };
  }

  async unlock(passphrase: string): Promise<VaultStatus> {
    const status = await this.vault.status();
    if (!status.enabled) return status;
    const dataKey = await this.vault.unlock(passphrase);
    await this.remember(dataKey);
    await this.ports.onUnlocked?.();
    return this.vault.status();
  }

  async lock(): Promise<VaultStatus> {
    this.vault.lock();
    this.saved = null;
    await this.ports.session.clear();
    await this.ports.clearDrafts?.().catch(() => undefined);
    await this.ports.alarm?.clear();
    if ((await this.vault.status()).enabled) await this.ports.removeFiles?.();
    return this.vault.status();
  }

  async change(current: string, next: string): Promise<VaultStatus> {
    await this.assertStrong(next);
    await this.vault.changePassphrase(current, next);
    return this.vault.status();
  }

  async disable(passphrase: string): Promise<VaultStatus> {
    await this.vault.disable(passphrase);
    this.saved = null;
    await this.ports.session.clear();
    await this.ports.alarm?.clear();
    await this.ports.onUnlocked?.();
    return this.vault.status();
  }

  /** Applies a changed idle timeout at once. */
  async setIdleMinutes(minutes: number): Promise<void> {
    if (!this.saved) return;
    this.saved = { ...this.saved, idleMinutes: minutes };
    await this.ports.session.save(this.saved);
    await this.ports.alarm?.schedule(minutes);
  }

  /**
   * Panic wipe: first the crypto-shred (wrapped data key, salt, wrapped and stored signing keys:
   * one transaction), then the session copy of the key, then the whole database.
   */
  async wipe(
    options: { history?: boolean } = {},
  ): Promise<{ shredMs: number; totalMs: number; historyRemoved: number }> {
    // The captured addresses can be read only before the keys go (and only while unlocked).
    const urls = options.history ? await this.capturedUrls() : null;
    const started = this.now();
    await this.vault.shred();
    const shredMs = this.now() - started;
    this.saved = null;
    await this.ports.session.clear();
    await this.ports.clearDrafts?.().catch(() => undefined);
    await this.ports.alarm?.clear();
    await this.store.ctx.db.delete();
    await this.ports.forgetWitness?.();
    await this.ports.removeFiles?.();
    const historyRemoved = options.history
      ? await (this.ports.removeFromHistory?.(urls) ?? Promise.resolve(0)).catch(() => 0)
      : 0;
    // The shredded rows may survive in the browser's on-disk log until compaction: force it.
    await this.vault.flush().catch(() => undefined);
    this.ports.onWiped?.();
    return { shredMs, totalMs: this.now() - started, historyRemoved };
  }

  /** Every address of every capture, or null when the archive cannot be read (locked). */
  private async capturedUrls(): Promise<string[] | null> {
    if ((await this.vault.status()).locked) return null;
    try {
      const captures = await this.store.captures.list();
      const urls = captures.flatMap((c) => [
        c.url,
        c.metadata.requestedUrl,
        c.metadata.finalUrl,
        ...(c.metadata.tabUrl ? [c.metadata.tabUrl] : []),
      ]);
      return [...new Set(urls)];
    } catch {
      return null;
    }
  }

  /** Locks if the idle time has passed; answers whether it did. Also run by the alarm. */
  async idleExpired(): Promise<boolean> {
    const s = this.saved;
    if (!s || this.now() - s.lastActive <= s.idleMinutes * 60_000) return false;
    await this.lock();
    return true;
  }

  private async remember(dataKey: Uint8Array): Promise<void> {
    const settings = await this.store.settings.all();
    this.saved = {
      dataKey: toBase64(dataKey),
      lastActive: this.now(),
      idleMinutes: settings.autoLockMinutes,
    };
    dataKey.fill(0);
    this.persistedAt = this.saved.lastActive;
    await this.ports.session.save(this.saved);
    await this.ports.alarm?.schedule(this.saved.idleMinutes);
  }

  private async touch(): Promise<void> {
    const s = this.saved;
    if (!s) return;
    s.lastActive = this.now();
    if (s.lastActive - this.persistedAt < TOUCH_EVERY_MS) return;
    this.persistedAt = s.lastActive;
    await this.ports.session.save(s);
    await this.ports.alarm?.schedule(s.idleMinutes);
  }
}
