// The custody log's Merkle tree, kept as its perfect subtrees: node (level, index) covers leaves
// [index·2^level, (index+1)·2^level). Appending leaf i completes exactly the nodes whose range
// ends at i, so each append stores 1 + (trailing ones of i) nodes, and the hash of any range the
// RFC 6962 recursion visits is at most log2(n) stored nodes away. That is what lets a package of
// one case prove its events against the whole log without reading the whole log.
import type { CustodyEvent } from '../model/custody';
import { fromHex, toHex } from './hex';
import { isPowerOfTwo, leafHash, nodeHash, splitPoint, type Digest } from './merkle';

export interface TreeNode {
  level: number;
  index: number;
  hash: Digest;
}

/** A stored node by position, or undefined when it is not (yet) stored. */
export type NodeLookup = (
  level: number,
  index: number,
) => Digest | undefined | PromiseLike<Digest | undefined>;

export class MissingNodeError extends Error {}

/** Leaf data is the 32 raw bytes of the event's chain hash, which commits to all before it. */
export function eventLeaf(event: Pick<CustodyEvent, 'hash'>): Digest {
  return leafHash(fromHex(event.hash.slice('sha256:'.length)));
}

export function nodeKey(level: number, index: number): string {
  return `${level}:${index}`;
}

export function digestRef(digest: Digest): `sha256:${string}` {
  return `sha256:${toHex(digest)}`;
}

export function refDigest(ref: string): Digest {
  if (!/^sha256:[0-9a-f]{64}$/.test(ref)) throw new Error(`not a sha256: hash: ${ref}`);
  return fromHex(ref.slice(7));
}

/**
 * The nodes appending leaf `index` completes: the leaf itself, then each parent whose right child
 * was just completed. Reads only the left siblings, which earlier appends stored.
 */
export async function nodesForAppend(
  index: number,
  leaf: Digest,
  lookup: NodeLookup,
): Promise<TreeNode[]> {
  const nodes: TreeNode[] = [{ level: 0, index, hash: leaf }];
  let hash = leaf;
  for (let level = 1; (index + 1) % 2 ** level === 0; level++) {
    const right = (index + 1) / 2 ** (level - 1) - 1;
    const left = await lookup(level - 1, right - 1);
    if (!left) throw new MissingNodeError(`custody tree node ${nodeKey(level - 1, right - 1)}`);
    hash = nodeHash(left, hash);
    nodes.push({ level, index: (index + 1) / 2 ** level - 1, hash });
  }
  return nodes;
}

/** Every node of the tree over `leaves`, as successive appends would store them. */
export function allNodes(leaves: readonly Digest[]): TreeNode[] {
  const nodes: TreeNode[] = [];
  let row = [...leaves];
  for (let level = 0; row.length > 0; level++) {
    row.forEach((hash, index) => nodes.push({ level, index, hash }));
    const next: Digest[] = [];
    for (let i = 0; i + 1 < row.length; i += 2) next.push(nodeHash(row[i]!, row[i + 1]!));
    row = next;
  }
  return nodes;
}

/**
 * MTH(leaves [lo, hi)) from stored perfect nodes, memoised per call site. Ranges the RFC 6962
 * recursion visits are aligned, so each is one stored node or splits into a stored left half and
 * a shorter right edge.
 */
export function subtreeFromNodes(lookup: NodeLookup): (lo: number, hi: number) => Promise<Digest> {
  const memo = new Map<string, Promise<Digest>>();
  const subtree = (lo: number, hi: number): Promise<Digest> => {
    const key = `${lo}-${hi}`;
    let found = memo.get(key);
    if (!found) {
      found = compute(lo, hi);
      memo.set(key, found);
    }
    return found;
  };
  const compute = async (lo: number, hi: number): Promise<Digest> => {
    const width = hi - lo;
    if (width < 1) throw new RangeError(`empty range ${lo}-${hi}`);
    if (isPowerOfTwo(width) && lo % width === 0) {
      const level = Math.log2(width);
      const node = await lookup(level, lo / width);
      if (!node) throw new MissingNodeError(`custody tree node ${nodeKey(level, lo / width)}`);
      return node;
    }
    const mid = lo + splitPoint(width);
    return nodeHash(await subtree(lo, mid), await subtree(mid, hi));
  };
  return subtree;
}
