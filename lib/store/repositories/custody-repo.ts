import type { CustodyEvent, CustodyEventDraft, CustodyEventType } from '../../model/custody';
import type { StoreContext } from '../context';
import { CustodyTreeRepo } from './custody-tree-repo';

import { GENESIS_HASH, type Checkpoint } from '../../evidence/custody';
import {
  buildCustodyProof,
  EMPTY_ROOT_REF,
  exportedSizes,
  type CustodyProof,
} from '../../evidence/custody-disclosure';
import { digestRef } from '../../evidence/custody-tree';

/** A new event as a caller asks for it (sequence, time and hashes are the store's). */
export type CustodyDraft = CustodyEventDraft;

/** The append-only custody log. There is no update and no delete. */
export class CustodyRepo {
  readonly tree: CustodyTreeRepo;

  constructor(private readonly ctx: StoreContext) {
    this.tree = new CustodyTreeRepo(ctx);
  }

  /**
   * Appends one event and extends the Merkle tree. Call inside a read-write transaction that
   * includes `db.custodyLog` and the tables of the change it records, so all commit together or
   * none does.
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
    await this.tree.add(event);
    return event;
  }

  /** Appends one event in its own transaction (for events not tied to another write, e.g. export). */
  async record(draft: CustodyDraft & { at?: string }): Promise<CustodyEvent> {
    const { db } = this.ctx;
    // An async scope: Dexie then follows the append's native awaits (a plain arrow loses the
    // transaction after a couple of them, and the event would commit without its tree nodes).
    return db.transaction('rw', db.custodyLog, async () => await this.append(draft));
  }

  async head(): Promise<CustodyEvent | undefined> {
    return this.ctx.db.custody.orderBy('seq').last();
  }

  /** The event with sequence number `seq`, if stored. */
  async at(seq: number): Promise<CustodyEvent | undefined> {
    return this.ctx.db.custody.where('seq').equals(seq).first();
  }

  /** Every event of one type, in order. */
  async ofType(type: CustodyEventType): Promise<CustodyEvent[]> {
    return (await this.ctx.db.custody.where('type').equals(type).toArray()).sort(
      (a, b) => a.seq - b.seq,
    );
  }

  /** Events from sequence number `from` on, in order (the chain's tail). */
  async since(from: number): Promise<CustodyEvent[]> {
    return this.ctx.db.custody.where('seq').aboveOrEqual(from).toArray();
  }

  async all(): Promise<CustodyEvent[]> {
    return this.ctx.db.custody.orderBy('seq').toArray();
  }

  /** Events about any of the given subjects (captures, persons, cases, links), in order. */
  async concerning(subjectIds: Iterable<string>): Promise<CustodyEvent[]> {
    const ids = [...new Set(subjectIds)];
    if (ids.length === 0) return [];
    // One equality lookup per id: `anyOf` scans a key range, which blind indices cannot serve.
    const found = await Promise.all(
      ids.map((id) => this.ctx.db.custody.where('subject.id').equals(id).toArray()),
    );
    const bySeq = new Map(found.flat().map((e) => [e.seq, e]));
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /**
   * What a package discloses, from one consistent view of the log: the events about `subjectIds`,
   * the checkpoint, and the proof that those events sit in the log and that it extends every
   * earlier export. Reads O(k log n) tree nodes, not the whole log (issue 7, scale).
   *
   * No transaction spans the reads: the log is append-only and a tree node never changes once
   * written, so everything below the head read first is a fixed snapshot, and later appends are
   * filtered out by sequence number. (A transaction would not survive the proof's recursion:
   * Dexie loses its zone across deep chains of native awaits and Chromium commits it early.)
   */
  async disclose(
    subjectIds: Iterable<string>,
  ): Promise<{ events: CustodyEvent[]; checkpoint: Checkpoint; proof: CustodyProof }> {
    const { db } = this.ctx;
    const head = await this.head();
    const size = head ? head.seq + 1 : 0;
    await db.transaction('rw', db.custodyLog, async () => await this.tree.cover(size));
    const subtree = this.tree.subtree();
    const events = (await this.concerning(subjectIds)).filter((e) => e.seq < size);
    const exported = (await db.custody.where('type').equals('exported').toArray()).filter(
      (e) => e.seq < size,
    );
    const checkpoint: Checkpoint = {
      size,
      head: head?.hash ?? GENESIS_HASH,
      root: size > 0 ? digestRef(await subtree(0, size)) : EMPTY_ROOT_REF,
    };
    const proof = await buildCustodyProof(size, events, exportedSizes(exported), subtree);
    return { events, checkpoint, proof };
  }

  async count(): Promise<number> {
    return this.ctx.db.custody.count();
  }
}
