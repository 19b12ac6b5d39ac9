// A package discloses the full custody events about its items and proves, with an RFC 6962
// multi-proof, that they sit at their positions in the log whose Merkle root and head are in the
// signed checkpoint — without revealing the other events and without carrying the whole log.
// Consistency proofs from the checkpoints of earlier exports show this log extends each of them,
// so a lawyer holding an older package detects a truncated or rewritten log (integrity.md L3/L4).
import type { CustodyEvent } from '../model/custody';
import { GENESIS_HASH, contentHash, linkHash, type Checkpoint } from './custody';
import {
  allNodes,
  digestRef,
  eventLeaf,
  nodeKey,
  refDigest,
  subtreeFromNodes,
} from './custody-tree';
import { hashShape } from './manifest';
import { array, count, object, type Infer } from './shape';
import { outcome, renderOutcome, type Outcome } from './verify-messages';
import {
  consistencyProof,
  multiProof,
  ProofError,
  rootFromMultiProof,
  verifyConsistency,
  type Digest,
  type SubtreeHash,
} from './merkle';

export const custodyProofShape = object({
  /** Multi-proof for the disclosed events and the head leaf, depth-first (see merkle.ts). */
  nodes: array(hashShape),
  /** This log's consistency with the checkpoint of each earlier export, by size. */
  earlier: array(object({ size: count, root: hashShape, proof: array(hashShape) })),
});
export type CustodyProof = Infer<typeof custodyProofShape>;

/** SHA-256 of nothing: the RFC 6962 root of an empty log. */
export const EMPTY_ROOT_REF =
  'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' as const;

/** A problem found in disclosed custody data: which event (seq) and why. */
export interface DisclosureProblem {
  seq: number | null;
  outcome: Outcome;
  reason: string;
}

const problem = (seq: number | null, o: Outcome): DisclosureProblem => ({
  seq,
  outcome: o,
  reason: renderOutcome(o),
});

/** The leaves a package makes known: its events and the head (so the head is in the tree). */
function knownLeaves(events: readonly CustodyEvent[], size: number): Set<number> {
  const known = new Set(events.map((e) => e.seq));
  if (size > 0) known.add(size - 1);
  return known;
}

/** Sizes of the checkpoints this log's earlier `exported` events recorded. */
export function exportedSizes(events: readonly CustodyEvent[]): number[] {
  return events.flatMap((e) => {
    const size = (e.data.checkpoint as { size?: unknown } | undefined)?.size;
    return e.type === 'exported' && typeof size === 'number' ? [size] : [];
  });
}

/** The proof for `events` in a log of `size` leaves whose subtrees `subtree` gives. */
export async function buildCustodyProof(
  size: number,
  events: readonly CustodyEvent[],
  earlierSizes: readonly number[],
  subtree: SubtreeHash,
): Promise<CustodyProof> {
  const nodes = await multiProof(size, knownLeaves(events, size), subtree);
  const sizes = [...new Set(earlierSizes)].filter((m) => m > 0 && m < size).sort((a, b) => a - b);
  const earlier: CustodyProof['earlier'] = [];
  for (const m of sizes) {
    earlier.push({
      size: m,
      root: digestRef(await subtree(0, m)),
      proof: (await consistencyProof(m, size, subtree)).map(digestRef),
    });
  }
  return { nodes: nodes.map(digestRef), earlier };
}

/** Checkpoint and proof from a whole log held in memory (demo data, tests, benchmarks). */
export async function discloseFromLog(
  log: readonly CustodyEvent[],
  events: readonly CustodyEvent[],
): Promise<{ checkpoint: Checkpoint; proof: CustodyProof }> {
  const nodes = new Map(
    allNodes(log.map(eventLeaf)).map((n) => [nodeKey(n.level, n.index), n.hash]),
  );
  const subtree = subtreeFromNodes((level, index) => nodes.get(nodeKey(level, index)));
  const size = log.length;
  const checkpoint: Checkpoint = {
    size,
    head: log[size - 1]?.hash ?? GENESIS_HASH,
    root: size > 0 ? digestRef(await subtree(0, size)) : EMPTY_ROOT_REF,
  };
  return { checkpoint, proof: await buildCustodyProof(size, events, exportedSizes(log), subtree) };
}

/**
 * Check disclosed events and their proof against a signed checkpoint. Returns every problem; an
 * empty list means the events are exactly those at their positions of that log, and the log
 * extends each earlier checkpoint listed in the proof.
 */
export async function verifyCustodyProof(
  events: readonly CustodyEvent[],
  checkpoint: Checkpoint,
  proof: CustodyProof,
): Promise<DisclosureProblem[]> {
  const problems: DisclosureProblem[] = [];
  const { size } = checkpoint;
  const known = new Map<number, Digest>();
  let previous: CustodyEvent | null = null;
  for (const e of events) {
    const fail = (o: Outcome) => problems.push(problem(e.seq, o));
    if (previous && e.seq <= previous.seq) fail(outcome('custody_order'));
    else if (e.seq >= size) fail(outcome('custody_beyond', { size }));
    else if (e.hash !== (await linkHash(e.prevHash, await contentHash(e))))
      fail(outcome('custody_hash'));
    else if (e.seq === 0 && e.prevHash !== GENESIS_HASH) fail(outcome('custody_genesis'));
    else if (previous && previous.seq === e.seq - 1 && e.prevHash !== previous.hash)
      fail(outcome('custody_link'));
    else if (e.seq === size - 1 && e.hash !== checkpoint.head) fail(outcome('custody_head'));
    else known.set(e.seq, eventLeaf(e));
    previous = e;
  }
  if (problems.length > 0) return problems;
  if (size > 0 && !known.has(size - 1)) known.set(size - 1, eventLeaf({ hash: checkpoint.head }));
  let root: string;
  try {
    // An empty log's root is EMPTY_ROOT_REF and it takes no proof nodes; merkle.ts says both.
    root = digestRef(rootFromMultiProof(size, known, proof.nodes.map(refDigest)));
  } catch (error) {
    if (!(error instanceof ProofError)) throw error;
    return [problem(null, outcome('custody_proof_malformed', { detail: error.message }))];
  }
  if (root !== checkpoint.root) problems.push(problem(null, outcome('custody_root')));
  let lastSize = 0;
  for (const entry of proof.earlier) {
    const valid =
      entry.size > lastSize &&
      entry.size < size &&
      verifyConsistency(
        entry.size,
        size,
        refDigest(entry.root),
        refDigest(checkpoint.root),
        entry.proof.map(refDigest),
      );
    if (!valid)
      problems.push(problem(null, outcome('custody_not_extending', { size: entry.size })));
    lastSize = Math.max(lastSize, entry.size);
  }
  return problems;
}

/**
 * True when a verified package's log extends an earlier checkpoint (e.g. from an older package):
 * the same checkpoint, or one its proof shows consistency with.
 */
export function extendsEarlier(
  checkpoint: Checkpoint,
  proof: CustodyProof,
  earlier: Checkpoint,
): boolean {
  if (earlier.size === 0) return earlier.root === EMPTY_ROOT_REF;
  if (earlier.size === checkpoint.size)
    return earlier.root === checkpoint.root && earlier.head === checkpoint.head;
  return proof.earlier.some((e) => e.size === earlier.size && e.root === earlier.root);
}
