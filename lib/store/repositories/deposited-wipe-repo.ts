import type { StoreContext } from '../context';
import { CustodyRepo } from './custody-repo';

/**
 * The partial panic wipe's one transaction: deletes captures that are safely in the team locker,
 * with their list rows, their tags and the artifact bytes no remaining capture uses, and appends
 * one `deleted` custody event per capture (its seal and where the locker holds it), or nothing.
 * Persons and cases stay: they are the working notes, and captures not yet in the locker stay.
 */
export class DepositedWipeRepo {
  private readonly custody: CustodyRepo;
  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
  }

  async remove(
    captures: Map<string, string[]>,
  ): Promise<{ captures: number; artifacts: number; links: number }> {
    const { db } = this.ctx;
    const tables = [db.captures, db.listings, db.links, db.artifacts, ...db.custodyLog];
    return db.transaction('rw', tables, async () => {
      const doomed = (await db.captures.bulkGet([...captures.keys()])).filter(
        (c) => c !== undefined,
      );
      const ids = new Set(doomed.map((c) => c.id));
      const keep = (await db.captures.toArray()).filter((c) => !ids.has(c.id));
      const used = new Set(keep.flatMap((c) => c.artifacts.map((a) => a.sha256)));
      const orphaned = [...new Set(doomed.flatMap((c) => c.artifacts.map((a) => a.sha256)))].filter(
        (h) => !used.has(h),
      );
      // One equality lookup per capture: blind indices serve equality only.
      const links = (
        await Promise.all([...ids].map((id) => db.links.where('captureId').equals(id).toArray()))
      ).flat();
      await db.links.bulkDelete(links.map((l) => l.id));
      await db.artifacts.bulkDelete(orphaned);
      await db.listings.bulkDelete([...ids]);
      await db.captures.bulkDelete([...ids]);
      for (const capture of doomed)
        await this.custody.append({
          type: 'deleted',
          subject: { kind: 'capture', id: capture.id },
          data: { reason: 'in_locker', seal: capture.seal, locker: captures.get(capture.id) ?? [] },
        });
      return { captures: doomed.length, artifacts: orphaned.length, links: links.length };
    });
  }
}
