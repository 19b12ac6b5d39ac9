import { lockerConfigSchema, type LockerConfig } from '../../locker/config';
import { readerConfigSchema, type ReaderConfig } from '../../locker/reader-config';
import { queueItemSchema, type QueueItem } from '../../locker/queue-item';
import type { StoreContext } from '../context';
import { CustodyRepo, type CustodyDraft } from './custody-repo';

export class SecretNeedsLockError extends Error {
  constructor() {
    super(
      'An S3 secret key is kept only under the passphrase lock: turn the lock on first (Security), or use presigned links from your organisation.',
    );
    this.name = 'SecretNeedsLockError';
  }
}

const CONFIG = 'config';
const CURSOR = 'cursor';
const SECRET = 'locker.secretAccessKey';
const READER = 'reader';
const READER_SECRET = 'locker.reader.secretAccessKey';

/**
 * The team locker's settings, its upload queue and its secret. Confirming an upload changes the
 * queue row and appends the `deposited` custody event in one transaction, or neither.
 */
export class LockerRepo {
  private readonly custody: CustodyRepo;
  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
  }

  async config(): Promise<LockerConfig | null> {
    const row = await this.ctx.db.locker.get(CONFIG);
    return row ? lockerConfigSchema.parse(row.value) : null;
  }

  async setConfig(config: LockerConfig | null): Promise<void> {
    if (config === null) await this.ctx.db.locker.delete(CONFIG);
    else await this.ctx.db.locker.put({ id: CONFIG, value: lockerConfigSchema.parse(config) });
  }

  /** The S3 secret key, or null; readable only while unlocked. */
  async secret(): Promise<string | null> {
    return (await this.ctx.db.secrets.get(SECRET))?.value ?? null;
  }

  /** Stores (or with null, deletes) the secret; refuses unless every row is written sealed. */
  async setSecret(secret: string | null): Promise<void> {
    if (secret === null) return void (await this.ctx.db.secrets.delete(SECRET));
    const cipher = this.ctx.cipher;
    if (!cipher || cipher.mode !== 'sealed' || cipher.migrating || !cipher.unlocked)
      throw new SecretNeedsLockError();
    await this.ctx.db.secrets.put({ id: SECRET, value: secret });
  }

  /** The pull side's settings (a read-only key), or null. */
  async readerConfig(): Promise<ReaderConfig | null> {
    const row = await this.ctx.db.locker.get(READER);
    return row ? readerConfigSchema.parse(row.value) : null;
  }

  async setReaderConfig(config: ReaderConfig | null): Promise<void> {
    if (config === null) await this.ctx.db.locker.delete(READER);
    else await this.ctx.db.locker.put({ id: READER, value: readerConfigSchema.parse(config) });
  }

  /** The read-only key's secret, or null; like the write key's, only under the passphrase lock. */
  async readerSecret(): Promise<string | null> {
    return (await this.ctx.db.secrets.get(READER_SECRET))?.value ?? null;
  }

  async setReaderSecret(secret: string | null): Promise<void> {
    if (secret === null) return void (await this.ctx.db.secrets.delete(READER_SECRET));
    const cipher = this.ctx.cipher;
    if (!cipher || cipher.mode !== 'sealed' || cipher.migrating || !cipher.unlocked)
      throw new SecretNeedsLockError();
    await this.ctx.db.secrets.put({ id: READER_SECRET, value: secret });
  }

  /** The custody sequence number up to which sealed captures were considered for the queue. */
  async cursor(): Promise<number> {
    const value = (await this.ctx.db.locker.get(CURSOR))?.value;
    return typeof value === 'number' ? value : -1;
  }

  /** Enqueues items and moves the cursor in one transaction. */
  async enqueue(items: QueueItem[], cursor?: number): Promise<void> {
    const { db } = this.ctx;
    const parsed = items.map((item) => queueItemSchema.parse(item));
    await db.transaction('rw', db.lockerQueue, db.locker, async () => {
      if (parsed.length) await db.lockerQueue.bulkAdd(parsed);
      if (cursor !== undefined) await db.locker.put({ id: CURSOR, value: cursor });
    });
  }

  get(id: string): Promise<QueueItem | undefined> {
    return this.ctx.db.lockerQueue.get(id);
  }

  async all(): Promise<QueueItem[]> {
    return (await this.ctx.db.lockerQueue.toArray()).sort(
      (a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt) || a.id.localeCompare(b.id),
    );
  }

  async pending(): Promise<QueueItem[]> {
    const rows = await this.ctx.db.lockerQueue.where('state').equals('pending').toArray();
    return rows.sort(
      (a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt) || a.id.localeCompare(b.id),
    );
  }

  async done(): Promise<QueueItem[]> {
    return this.ctx.db.lockerQueue.where('state').equals('done').toArray();
  }

  /** Replaces a pending item's progress fields (never a confirmed one). */
  async update(
    id: string,
    patch: Partial<Omit<QueueItem, 'id' | 'state' | 'receipt' | 'doneAt'>>,
  ): Promise<QueueItem> {
    const { db } = this.ctx;
    return db.transaction('rw', db.lockerQueue, async () => {
      const item = await db.lockerQueue.get(id);
      if (!item || item.state !== 'pending')
        throw new Error(`locker queue item ${id} is not pending`);
      const next = queueItemSchema.parse({ ...item, ...patch });
      await db.lockerQueue.put(next);
      return next;
    });
  }

  /** Marks an item stored and appends its `deposited` custody event, atomically. */
  async confirm(
    id: string,
    receipt: QueueItem['receipt'],
    draft: CustodyDraft,
  ): Promise<QueueItem> {
    const { db } = this.ctx;
    return db.transaction('rw', [db.lockerQueue, ...db.custodyLog], async () => {
      const item = await db.lockerQueue.get(id);
      if (!item || item.state !== 'pending')
        throw new Error(`locker queue item ${id} is not pending`);
      const next = queueItemSchema.parse({
        ...item,
        state: 'done',
        receipt,
        committing: false,
        multipart: null,
        lastError: null,
        doneAt: this.ctx.now().toISOString(),
      });
      await db.lockerQueue.put(next);
      await this.custody.append(draft);
      return next;
    });
  }
}
