// RFC 6962 / RFC 9162 Merkle tree hashing over SHA-256. Leaves are hashed as SHA-256(0x00 ‖ data)
// and inner nodes as SHA-256(0x01 ‖ left ‖ right), so a node can never be passed off as a leaf
// (integrity.md L5). Synchronous pure-JS SHA-256: the store extends the tree inside the IndexedDB
// transaction of the custody event, where awaiting WebCrypto would commit it early.
import { bytesEqual } from './hex';
import { JsSha256 } from './sha256-js';

export type Digest = Uint8Array;

/** The hash of the subtree over leaves [lo, hi), from wherever the caller keeps them. */
export type SubtreeHash = (lo: number, hi: number) => Digest | Promise<Digest>;

export class ProofError extends Error {}

function hashParts(prefix: number, parts: readonly Uint8Array[]): Digest {
  const hasher = new JsSha256();
  hasher.update(Uint8Array.of(prefix));
  for (const part of parts) hasher.update(part);
  return hasher.digest();
}

export function leafHash(data: Uint8Array): Digest {
  return hashParts(0x00, [data]);
}

export function nodeHash(left: Digest, right: Digest): Digest {
  return hashParts(0x01, [left, right]);
}

/** The root of the empty tree: SHA-256 of nothing. */
export function emptyRoot(): Digest {
  return new JsSha256().digest();
}

/** The largest power of two smaller than n (n ≥ 2): where RFC 6962 splits a range. */
export function splitPoint(n: number): number {
  if (n < 2) throw new RangeError(`cannot split a range of ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** MTH over leaf hashes, straight from the definition; the reference the stored tree is checked against. */
export function rootOf(leaves: readonly Digest[], lo = 0, hi = leaves.length): Digest {
  if (hi === lo) return emptyRoot();
  if (hi - lo === 1) return leaves[lo]!;
  const mid = lo + splitPoint(hi - lo);
  return nodeHash(rootOf(leaves, lo, mid), rootOf(leaves, mid, hi));
}

/**
 * The hashes a verifier needs, besides the `known` leaves, to recompute the root of a tree of
 * `size` leaves: the root of every maximal subtree holding no known leaf, in depth-first,
 * left-to-right order. For one known leaf it is the RFC 6962 audit path (bottom-up reversed);
 * for k leaves it is at most k·log2(size) hashes, and nothing at all when every leaf is known.
 */
export async function multiProof(
  size: number,
  known: Iterable<number>,
  subtree: SubtreeHash,
): Promise<Digest[]> {
  const sorted = checkIndices(size, known);
  const nodes: Digest[] = [];
  const walk = async (lo: number, hi: number, from: number, to: number): Promise<void> => {
    if (from === to) {
      nodes.push(await subtree(lo, hi));
      return;
    }
    if (hi - lo === 1) return;
    const mid = lo + splitPoint(hi - lo);
    const split = firstAtOrAbove(sorted, mid, from, to);
    await walk(lo, mid, from, split);
    await walk(mid, hi, split, to);
  };
  if (size > 0) await walk(0, size, 0, sorted.length);
  return nodes;
}

/** The root a multi-proof leads to from the known leaf hashes; throws ProofError if malformed. */
export function rootFromMultiProof(
  size: number,
  known: ReadonlyMap<number, Digest>,
  nodes: readonly Digest[],
): Digest {
  const sorted = checkIndices(size, known.keys());
  if (size === 0) {
    if (nodes.length > 0) throw new ProofError('an empty log has no proof nodes');
    return emptyRoot();
  }
  let next = 0;
  const walk = (lo: number, hi: number, from: number, to: number): Digest => {
    if (from === to) {
      const node = nodes[next++];
      if (!node) throw new ProofError(`the proof has too few nodes (${nodes.length})`);
      return node;
    }
    if (hi - lo === 1) return known.get(lo)!;
    const mid = lo + splitPoint(hi - lo);
    const split = firstAtOrAbove(sorted, mid, from, to);
    return nodeHash(walk(lo, mid, from, split), walk(mid, hi, split, to));
  };
  const root = walk(0, size, 0, sorted.length);
  if (next !== nodes.length)
    throw new ProofError(`the proof has ${nodes.length - next} node(s) too many`);
  return root;
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]): shows the tree of `m` leaves is a prefix of the tree of `n`. */
export async function consistencyProof(
  m: number,
  n: number,
  subtree: SubtreeHash,
): Promise<Digest[]> {
  if (!Number.isSafeInteger(m) || m < 1 || m > n)
    throw new RangeError(`no consistency proof from ${m} to ${n}`);
  const sub = async (m: number, lo: number, hi: number, whole: boolean): Promise<Digest[]> => {
    if (m === hi - lo) return whole ? [] : [await subtree(lo, hi)];
    const k = splitPoint(hi - lo);
    if (m <= k) return [...(await sub(m, lo, lo + k, whole)), await subtree(lo + k, hi)];
    return [...(await sub(m - k, lo + k, hi, false)), await subtree(lo, lo + k)];
  };
  return sub(m, 0, n, true);
}

/** RFC 9162 §2.1.4.2: true when `proof` shows the tree (m, firstRoot) is a prefix of (n, secondRoot). */
export function verifyConsistency(
  m: number,
  n: number,
  firstRoot: Digest,
  secondRoot: Digest,
  proof: readonly Digest[],
): boolean {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 1 || m > n) return false;
  if (m === n) return proof.length === 0 && bytesEqual(firstRoot, secondRoot);
  const path = isPowerOfTwo(m) ? [firstRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = m - 1;
  let sn = n - 1;
  while (fn & 1) {
    fn >>>= 1;
    sn >>>= 1;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!(fn & 1)) {
        do {
          fn >>>= 1;
          sn >>>= 1;
        } while (!(fn & 1) && fn !== 0);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>>= 1;
    sn >>>= 1;
  }
  return bytesEqual(fr, firstRoot) && bytesEqual(sr, secondRoot) && sn === 0;
}

function checkIndices(size: number, indices: Iterable<number>): number[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new ProofError(`bad tree size ${size}`);
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  for (const i of sorted) {
    if (!Number.isSafeInteger(i) || i < 0 || i >= size)
      throw new ProofError(`leaf ${i} is outside a tree of ${size}`);
  }
  return sorted;
}

function firstAtOrAbove(
  sorted: readonly number[],
  value: number,
  from: number,
  to: number,
): number {
  let i = from;
  while (i < to && sorted[i]! < value) i++;
  return i;
}
