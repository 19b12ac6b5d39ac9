// A package carries the full events about its items and, for the whole log, only the content hash
// of each event ("the chain"). That proves the disclosed events sit at their positions of a log
// whose head is the signed checkpoint, without revealing what the other events say.
import type { CustodyEvent } from '../model/custody';
import { contentHash, GENESIS_HASH, linkHash, type Checkpoint } from './custody';

/** Content hashes of the whole log, in order: entry i is event i's content hash. */
export async function chainOf(events: readonly CustodyEvent[]): Promise<string[]> {
  return Promise.all(events.map((e) => contentHash(e)));
}

/** Chain hashes recomputed from content hashes: heads[i] is the hash of event i. */
export async function headsOf(chain: readonly string[]): Promise<string[]> {
  const heads: string[] = [];
  let prev: string = GENESIS_HASH;
  for (const content of chain) {
    prev = await linkHash(prev, content);
    heads.push(prev);
  }
  return heads;
}

/** A problem found in disclosed custody data: which event (seq) and why. */
export interface DisclosureProblem {
  seq: number | null;
  reason: string;
}

/**
 * Check disclosed events and the content-hash chain against a signed checkpoint. Returns every
 * problem; an empty list means the events are exactly those at their positions in that log.
 */
export async function verifyDisclosure(
  chain: readonly string[],
  events: readonly CustodyEvent[],
  checkpoint: Checkpoint,
): Promise<DisclosureProblem[]> {
  const problems: DisclosureProblem[] = [];
  if (chain.length !== checkpoint.size) {
    problems.push({
      seq: null,
      reason: `chain has ${chain.length} entries, checkpoint says ${checkpoint.size}`,
    });
  }
  const heads = await headsOf(chain);
  const head = heads[heads.length - 1] ?? GENESIS_HASH;
  if (head !== checkpoint.head)
    problems.push({ seq: null, reason: 'chain does not lead to the signed head' });
  let lastSeq = -1;
  for (const e of events) {
    if (e.seq <= lastSeq) problems.push({ seq: e.seq, reason: 'events out of order or repeated' });
    lastSeq = Math.max(lastSeq, e.seq);
    if (e.seq >= chain.length) {
      problems.push({ seq: e.seq, reason: 'event beyond the end of the chain' });
      continue;
    }
    if ((await contentHash(e)) !== chain[e.seq]) {
      problems.push({ seq: e.seq, reason: 'event content does not match the chain' });
    }
    const prev = e.seq === 0 ? GENESIS_HASH : heads[e.seq - 1];
    if (e.prevHash !== prev || e.hash !== heads[e.seq]) {
      problems.push({ seq: e.seq, reason: 'event hashes do not match the chain' });
    }
  }
  return problems;
}

/** True when a chain extends an earlier checkpoint (e.g. one kept from an earlier package). */
export async function chainExtends(
  chain: readonly string[],
  earlier: Checkpoint,
): Promise<boolean> {
  if (earlier.size > chain.length) return false;
  if (earlier.size === 0) return earlier.head === GENESIS_HASH;
  const heads = await headsOf(chain.slice(0, earlier.size));
  return heads[earlier.size - 1] === earlier.head;
}
