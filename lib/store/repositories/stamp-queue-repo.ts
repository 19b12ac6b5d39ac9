import type { CustodyDraft } from './custody-repo';
import type { StoreContext } from '../context';
import type { StampJobRow } from '../rows';
import { CustodyRepo } from './custody-repo';

/**
 * Capture-time time-stamp requests waiting for their TSA. A request leaves the queue only with
 * its token, which becomes a `timestamped` custody event in the same transaction: a token is
 * never lost between the two, and the sealed capture is never touched.
 */
export class StampQueueRepo {
  private readonly custody: CustodyRepo;
  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
  }

  /** Adds requests not already queued (a capture is stamped once per TSA). */
  async enqueue(jobs: readonly StampJobRow[]): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', db.stampQueue, async () => {
      for (const job of jobs) if (!(await db.stampQueue.get(job.id))) await db.stampQueue.add(job);
    });
  }

  async all(): Promise<StampJobRow[]> {
    return (await this.ctx.db.stampQueue.toArray()).sort((a, b) =>
      a.queuedAt.localeCompare(b.queuedAt),
    );
  }

  /** Records a failed attempt and when to try again. */
  async failed(id: string, lastError: StampJobRow['lastError'], nextAt: string): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', db.stampQueue, async () => {
      const job = await db.stampQueue.get(id);
      if (job) await db.stampQueue.put({ ...job, attempts: job.attempts + 1, lastError, nextAt });
    });
  }

  /** The token arrived: drop the request and append its custody event, together. */
  async complete(id: string, event: CustodyDraft): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.stampQueue, ...db.custodyLog], async () => {
      if (!(await db.stampQueue.get(id))) return;
      await db.stampQueue.delete(id);
      await this.custody.append(event);
    });
  }

  /** Drops requests, e.g. for a TSA the monitor removed. */
  async remove(ids: readonly string[]): Promise<void> {
    await this.ctx.db.stampQueue.bulkDelete([...ids]);
  }
}
