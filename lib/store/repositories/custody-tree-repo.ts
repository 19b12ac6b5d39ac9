import type { CustodyEvent } from '../../model/custody';
import {
  allNodes,
  digestRef,
  eventLeaf,
  MissingNodeError,
  nodeKey,
  nodesForAppend,
  refDigest,
  subtreeFromNodes,
  type TreeNode,
} from '../../evidence/custody-tree';
import type { Digest, SubtreeHash } from '../../evidence/merkle';
import type { StoreContext } from '../context';

/** The custody log's Merkle tree (lib/evidence/custody-tree.ts), one row per perfect subtree. */
export class CustodyTreeRepo {
  constructor(private readonly ctx: StoreContext) {}

  // Returns Dexie's own promise, not an async function's: awaiting a native promise that wraps an
  // IndexedDB read loses Dexie's transaction zone, and the next write would run outside it.
  private node(level: number, index: number): PromiseLike<Digest | undefined> {
    return this.ctx.db.custodyTree
      .get(nodeKey(level, index))
      .then((row) => (row ? refDigest(row.hash) : undefined));
  }

  private async put(nodes: readonly TreeNode[]): Promise<void> {
    await this.ctx.db.custodyTree.bulkPut(
      nodes.map((n) => ({ id: nodeKey(n.level, n.index), hash: digestRef(n.hash) })),
    );
  }

  /**
   * Adds an event's leaf and the nodes it completes. Call inside the transaction that appends the
   * event (it must include `db.custodyLog`), so the tree and the log commit together.
   */
  async add(event: CustodyEvent): Promise<void> {
    const build = () => nodesForAppend(event.seq, eventLeaf(event), (l, i) => this.node(l, i));
    try {
      await this.put(await build());
    } catch (error) {
      if (!(error instanceof MissingNodeError)) throw error;
      await this.rebuild(event.seq);
      await this.put(await build());
    }
  }

  /** Stores every node over the events before `upTo` (a log written before schema v3). */
  private async rebuild(upTo: number): Promise<void> {
    const events = await this.ctx.db.custody.where('seq').below(upTo).sortBy('seq');
    events.forEach((e, i) => {
      if (e.seq !== i) throw new Error(`custody log has a gap at ${i}: run the integrity check`);
    });
    await this.put(allNodes(events.map(eventLeaf)));
  }

  /** Makes sure the tree covers all `size` events; inside a read-write transaction on custodyLog. */
  async cover(size: number): Promise<void> {
    if (size > 0 && !(await this.node(0, size - 1))) await this.rebuild(size);
  }

  /**
   * MTH of any leaf range, from stored nodes. Nodes never change once written, so reads below a
   * size read first are consistent without a transaction; do not run it inside one (its memoised
   * native awaits outrun Dexie's transaction zone; see CustodyRepo.disclose).
   */
  subtree(): SubtreeHash {
    return subtreeFromNodes((l, i) => this.node(l, i));
  }

  /** Every stored node, for the full integrity check. */
  async all(): Promise<Map<string, string>> {
    const rows = await this.ctx.db.custodyTree.toArray();
    return new Map(rows.map((r) => [r.id, r.hash]));
  }
}
