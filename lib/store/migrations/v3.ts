import type { Migration } from './migration';

/**
 * v3 adds `custodyTree`: the custody log's Merkle tree as its perfect subtrees (`level:index` →
 * hash; lib/evidence/custody-tree.ts), written in the same transaction as each custody event, so
 * an export proves its events against the whole log by reading O(log n) nodes instead of every
 * event. Derived data: no existing row changes, and a log written under v2 gets its nodes on the
 * next append or export (CustodyTreeRepo.ensure), which — unlike an upgrade function — also works
 * while the store is locked and its events cannot be read.
 */
export const v3: Migration = {
  version: 3,
  stores: {
    custodyTree: 'id',
  },
};
