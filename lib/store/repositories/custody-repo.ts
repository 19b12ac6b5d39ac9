import type { CustodyEvent, CustodyEventType } from '../../model/custody';
import type { StoreContext } from '../context';

import { GENESIS_HASH } from '../../evidence/custody';

export { GENESIS_HASH };

export interface CustodyDraft {
  type: CustodyEventType;
  subject: CustodyEvent['subject'];
  data: Record<string, unknown>;
  /** Overrides the installation's actor, e.g. `import:<fingerprint>`. */
  actor?: string;
}

/** The append-only custody log. There is no update and no delete. */
export class CustodyRepo {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Appends one event. Call inside a read-write transaction that includes `custody` and the
   * tables of the change it records, so both commit together or neither does.
   */
  async append(draft: CustodyDraft): Promise<CustodyEvent> {
    const last = await this.ctx.db.custody.orderBy('seq').last();
    const unhashed = {
      seq: last ? last.seq + 1 : 0,
      at: this.ctx.now().toISOString(),
      actor: draft.actor ?? this.ctx.actor(),
      type: draft.type,
      subject: draft.subject,
      data: draft.data,
      prevHash: last ? last.hash : GENESIS_HASH,
    };
    const event: CustodyEvent = { ...unhashed, hash: this.ctx.hashEvent(unhashed) };
    await this.ctx.db.custody.add(event);
    return event;
  }

  /** Appends one event in its own transaction (for events not tied to another write, e.g. export). */
  async record(draft: CustodyDraft & { at?: string }): Promise<CustodyEvent> {
    const { db } = this.ctx;
    return db.transaction('rw', db.custody, () => this.append(draft));
  }

  async head(): Promise<CustodyEvent | undefined> {
    return this.ctx.db.custody.orderBy('seq').last();
  }

  async all(): Promise<CustodyEvent[]> {
    return this.ctx.db.custody.orderBy('seq').toArray();
  }

  /** Events about any of the given subjects (captures, persons, cases, links), in order. */
  async concerning(subjectIds: Iterable<string>): Promise<CustodyEvent[]> {
    const ids = [...new Set(subjectIds)];
    if (ids.length === 0) return [];
    const rows = await this.ctx.db.custody.where('subject.id').anyOf(ids).toArray();
    return rows.sort((a, b) => a.seq - b.seq);
  }

  async count(): Promise<number> {
    return this.ctx.db.custody.count();
  }
}
