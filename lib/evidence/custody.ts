// Hash chain with redactable content: an event's `hash` commits to the previous hash and to the
// hash of its content, so a package can disclose only the events about its items plus the content
// hashes of the others, and a verifier still recomputes the whole chain up to the signed head.
import type { CustodyEvent } from '../model/custody';
import { canonicalBytes } from './canonical-json';
import { sha256Ref, sha256RefOf, type Sha256Ref } from './sha256';
import { digestRef, eventLeaf } from './custody-tree';
import { rootOf } from './merkle';
import { JsSha256 } from './sha256-js';

export const GENESIS_HASH = `sha256:${'0'.repeat(64)}` as const;

/** What the caller supplies for a new event; sequence and hashes are derived. */
export type CustodyDraft = Omit<CustodyEvent, 'seq' | 'prevHash' | 'hash'>;

/**
 * A log's state: how many events, the hash of the last (GENESIS_HASH when empty) and the RFC 6962
 * Merkle root over the events' hashes (see custody-tree.ts), which proofs are checked against.
 */
export interface Checkpoint {
  size: number;
  head: string;
  root: string;
}

/** sha256 of the canonical JSON of the event's content (everything except the two hashes). */
export function contentHash(event: Omit<CustodyEvent, 'prevHash' | 'hash'>): Promise<Sha256Ref> {
  const { seq, at, actor, type, subject, data } = event;
  return sha256RefOf(canonicalBytes({ seq, at, actor, type, subject, data }));
}

/** The chain hash: sha256 of the canonical JSON of {content, prev}. */
export function linkHash(prevHash: string, content: string): Promise<Sha256Ref> {
  return sha256RefOf(canonicalBytes({ content, prev: prevHash }));
}

function sha256RefSync(bytes: Uint8Array): Sha256Ref {
  const hasher = new JsSha256();
  hasher.update(bytes);
  return sha256Ref(hasher.digest());
}

/**
 * The chain hash of an event, synchronously (pure-JS SHA-256): the store appends custody events
 * inside the IndexedDB transaction of the change they record, where awaiting WebCrypto would
 * commit the transaction early (integrity.md D2). Same value as `appendEvent`.
 */
export function eventHashSync(event: Omit<CustodyEvent, 'hash'>): Sha256Ref {
  const { seq, at, actor, type, subject, data, prevHash } = event;
  const content = sha256RefSync(canonicalBytes({ seq, at, actor, type, subject, data }));
  return sha256RefSync(canonicalBytes({ content, prev: prevHash }));
}

/** The next event of the log after `prev` (null for the first event). */
export async function appendEvent(
  draft: CustodyDraft,
  prev: CustodyEvent | null,
): Promise<CustodyEvent> {
  const seq = prev ? prev.seq + 1 : 0;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  const body = { ...draft, seq };
  const hash = await linkHash(prevHash, await contentHash(body));
  return {
    seq,
    at: draft.at,
    actor: draft.actor,
    type: draft.type,
    subject: draft.subject,
    data: draft.data,
    prevHash,
    hash,
  };
}

export type ChainResult =
  { ok: true; checkpoint: Checkpoint } | { ok: false; index: number; reason: string };

/** Check a complete log from genesis: sequence, links and hashes. Reports the first bad index. */
export async function verifyChain(events: readonly CustodyEvent[]): Promise<ChainResult> {
  let prevHash: string = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.seq !== i)
      return { ok: false, index: i, reason: `sequence ${e.seq} where ${i} expected` };
    if (e.prevHash !== prevHash) {
      return { ok: false, index: i, reason: 'previous hash does not match the event before' };
    }
    const expected = await linkHash(prevHash, await contentHash(e));
    if (e.hash !== expected)
      return { ok: false, index: i, reason: 'event content does not match its hash' };
    prevHash = e.hash;
  }
  return { ok: true, checkpoint: checkpointOf(events) };
}

/** The checkpoint of a log (trusting its hashes; call verifyChain first). */
export function checkpointOf(events: readonly CustodyEvent[]): Checkpoint {
  const last = events[events.length - 1];
  return {
    size: events.length,
    head: last ? last.hash : GENESIS_HASH,
    root: digestRef(rootOf(events.map(eventLeaf))),
  };
}

/**
 * True when a log extends an earlier checkpoint: the event at size-1 has the recorded head. A
 * truncated or rewritten log fails against any checkpoint a lawyer kept from an earlier export.
 */
export function extendsCheckpoint(events: readonly CustodyEvent[], earlier: Checkpoint): boolean {
  if (earlier.size === 0) return earlier.head === GENESIS_HASH;
  return events.length >= earlier.size && events[earlier.size - 1]?.hash === earlier.head;
}

/** Pairs of checkpoints with the same size and different heads: the log was forked (equivocation). */
export function findEquivocation(checkpoints: readonly Checkpoint[]): [Checkpoint, Checkpoint][] {
  const bySize = new Map<number, Checkpoint>();
  const forks: [Checkpoint, Checkpoint][] = [];
  for (const c of checkpoints) {
    const seen = bySize.get(c.size);
    if (seen && (seen.head !== c.head || seen.root !== c.root)) forks.push([seen, c]);
    else bySize.set(c.size, c);
  }
  return forks;
}
