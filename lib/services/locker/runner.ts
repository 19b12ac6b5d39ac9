import { lockerOrigins, retainUntil, type LockerConfig } from '../../locker/config';
import { depositedEvent } from '../../locker/deposit-event';
import { isLockerError, LockerError } from '../../locker/errors';
import { metadataHeaders } from '../../locker/metadata';
import { backoffSeconds, type QueueItem } from '../../locker/queue-item';
import type { RequestSigner } from '../../locker/s3-op';
import { context, uploadPackage, type UploadJob } from '../../locker/upload';
import { alreadyStored } from '../../locker/already-stored';
import type { Store } from '../../store/store';
import type { LockerPorts } from './ports';
import { preparePackage } from './prepare';
import { reconcile } from './queue';
import { signerFor } from './signer-for';
import { activeSigner } from './signing';
import { indexKeyOf, signTeamIndex } from '../../locker/team-index';
import { uploadIndex } from '../../locker/index-upload';

/** Outcomes whose request may have reached the locker: a restart must ask before sending again. */
const OUTCOME_UNKNOWN = new Set(['stalled', 'unreachable', 'server']);
const KEEP_ALIVE_MS = 20_000;

/**
 * Works the upload queue: one package at a time, oldest first, each attempt resumable, every
 * failure recorded on its item with the next attempt's time (backoff), and a wake-up scheduled
 * for the earliest one. `kick()` is cheap to call often (after a capture, an export, an unlock, a
 * restart, an alarm): while a run is going, it only asks that run to look again.
 */
export class LockerRunner {
  private running: Promise<void> | null = null;
  private again = false;
  /** The item being uploaded and its progress, for the status line. */
  current: { itemId: string; sent: number; total: number } | null = null;

  constructor(
    private readonly store: Store,
    private readonly ports: LockerPorts,
  ) {}

  /** Runs the queue until nothing is due; resolves when that run ends. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again);
      } finally {
        this.running = null;
        this.current = null;
      }
    })();
    return this.running;
  }

  private async drain(): Promise<void> {
    const config = await this.store.locker.config();
    if (!config) return this.ports.schedule(null);
    await reconcile(this.store, config.pushCaptures, this.ports.now());
    for (;;) {
      const pending = await this.store.locker.pending();
      const now = this.ports.now().getTime();
      const due = pending.find((item) => Date.parse(item.nextAttemptAt) <= now);
      if (!due) {
        const next = Math.min(...pending.map((item) => Date.parse(item.nextAttemptAt)));
        return this.ports.schedule(Number.isFinite(next) ? next : null);
      }
      await this.attempt(due, config);
    }
  }

  private async attempt(start: QueueItem, config: LockerConfig): Promise<void> {
    let item = start;
    const keepAlive = this.ports.keepAlive
      ? setInterval(() => void this.ports.keepAlive!().catch(() => undefined), KEEP_ALIVE_MS)
      : null;
    try {
      if (!(await this.ports.hasOrigins(lockerOrigins(config))))
        throw new LockerError(
          'no_permission',
          `Dalel may not reach ${lockerOrigins(config).join(', ')} yet`,
        );
      const signer = await signerFor(this.store, config, this.ports);
      let blob = item.prepared ? await this.ports.files.open(item.prepared.file) : null;
      if (!item.prepared || !blob || blob.size !== item.prepared.digest.size) {
        if (item.multipart && item.prepared) await this.abandon(item, signer);
        const built = await preparePackage(this.store, item, this.ports);
        blob = built.blob;
        item = await this.store.locker.update(item.id, {
          prepared: built.prepared,
          multipart: null,
          committing: false,
          retainUntil: null,
          indexed: false,
        });
      }
      const prepared = item.prepared!;
      const job: UploadJob = {
        key: prepared.key,
        body: blob,
        digest: prepared.digest,
        metadata: metadataHeaders(prepared.facts),
        mode: config.mode,
        // A multipart upload keeps the date it was created with, and so does a PUT whose outcome
        // is unknown (the copy that may have arrived has that date); otherwise from now.
        retainUntil:
          (item.multipart || item.committing) && item.retainUntil
            ? item.retainUntil
            : retainUntil(this.ports.now(), config.retentionDays),
      };
      const options = this.uploadOptions(signer);
      if (!item.indexed) item = await this.putIndex(item, job, signer);
      const looked = item.committing ? await alreadyStored(job, signer, context(options)) : null;
      const found = typeof looked === 'object' ? looked : null;
      this.current = { itemId: item.id, sent: 0, total: prepared.digest.size };
      const receipt =
        found ??
        (await uploadPackage(job, {
          ...options,
          state: item.multipart,
          committed: item.committing,
          saveState: async (state) =>
            void (await this.store.locker.update(item.id, {
              multipart: state,
              retainUntil: job.retainUntil,
            })),
          onCommitting: async () =>
            void (await this.store.locker.update(item.id, {
              committing: true,
              retainUntil: job.retainUntil,
            })),
          onProgress: (sent, total) => {
            this.current = { itemId: item.id, sent, total };
            this.ports.broadcast({ type: 'locker.progress', itemId: item.id, sent, total });
          },
        }));
      await this.store.locker.confirm(
        item.id,
        receipt,
        depositedEvent(config.endpoint, config.bucket, prepared.facts, receipt, item.captureIds),
      );
      if (prepared.file.dir === 'locker')
        await this.ports.files.remove(prepared.file).catch(() => undefined);
    } catch (error) {
      await this.failed(item.id, error);
    } finally {
      if (keepAlive) clearInterval(keepAlive);
      this.current = null;
    }
  }

  /**
   * The package's signed team index goes first (a few hundred bytes): the pull side lists by it,
   * and an index whose package has not arrived yet says so. Signed by this installation's key,
   * which must be the package's signer (the index would otherwise sit under another prefix).
   */
  private async putIndex(item: QueueItem, job: UploadJob, signer: RequestSigner) {
    const prepared = item.prepared!;
    const key = await activeSigner(this.store);
    if (key.fingerprint !== prepared.facts.signer) return item;
    const text = await signTeamIndex(prepared.facts, prepared.digest.size, key);
    await uploadIndex(
      indexKeyOf(prepared.key),
      text,
      { mode: job.mode, retainUntil: job.retainUntil },
      signer,
      context(this.uploadOptions(signer)),
    );
    return this.store.locker.update(item.id, { indexed: true });
  }

  private uploadOptions(signer: RequestSigner) {
    return {
      signer,
      fetch: this.ports.fetch,
      now: () => this.ports.now().getTime(),
      stallMs: this.ports.upload?.stallMs,
      concurrency: this.ports.upload?.concurrency,
    };
  }

  /** A multipart upload whose file is gone: free its parts on the server (best effort). */
  private async abandon(item: QueueItem, signer: RequestSigner): Promise<void> {
    const op = {
      op: 'abort-multipart',
      key: item.prepared!.key,
      uploadId: item.multipart!.uploadId,
      headers: {},
    } as const;
    await context(this.uploadOptions(signer))
      .send(op, await signer.sign(op), null)
      .catch(() => undefined);
  }

  private async failed(id: string, error: unknown): Promise<void> {
    const locker = isLockerError(error)
      ? error
      : new LockerError('server', (error as Error)?.message ?? String(error));
    const item = await this.store.locker.get(id);
    if (!item || item.state !== 'pending') return;
    const attempts = item.attempts + 1;
    const wait = backoffSeconds(attempts, locker.retryable) * 1000;
    await this.store.locker.update(id, {
      attempts,
      nextAttemptAt: new Date(this.ports.now().getTime() + wait).toISOString(),
      lastError: { code: locker.code, detail: locker.message, at: this.ports.now().toISOString() },
      committing: item.committing && OUTCOME_UNKNOWN.has(locker.code),
      multipart: locker.code === 'upload_gone' ? null : item.multipart,
    });
  }

  /** "Try again now": every pending item becomes due, then the queue runs. */
  async retryNow(): Promise<void> {
    const now = this.ports.now().toISOString();
    for (const item of await this.store.locker.pending())
      await this.store.locker.update(item.id, { nextAttemptAt: now });
    await this.kick();
  }
}
