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

/** A fault in a run of custody events: which event (position and seq), and what is wrong. */
export interface ChainFault {
  /** Position in the run as given. */
  index: number;
  seq: number;
  /** `gap`: not the seq expected; `link`: prevHash is not the hash before; `hash`: edited. */
  kind: 'gap' | 'link' | 'hash';
  expectedSeq: number;
}

export interface ChainRun {
  /** The seq the run starts at (0: the whole log, from genesis; else a tail). */
  from?: number;
  /** The chain hash (the store injects its own; the same value as `appendEvent`'s). */
  hashEvent?: (event: Omit<CustodyEvent, 'hash'>) => string;
}

/**
 * The one custody-chain check, used by the store's integrity check and the tests of every log we
 * write: a run of events (sorted by `seq`) is contiguous from `from`, each `prevHash` is the hash
 * of the event before (genesis for seq 0), and each `hash` recomputes. Returns every fault, so any
 * edit, deletion, reordering or insertion is named at its position; an empty list means sound.
 * Deleting the newest events is invisible here; it is caught against an earlier checkpoint.
 */
export function chainFaults(events: readonly CustodyEvent[], run: ChainRun = {}): ChainFault[] {
  const from = run.from ?? 0;
  const hashEvent = run.hashEvent ?? eventHashSync;
  const faults: ChainFault[] = [];
  let expectedSeq = from;
  // A whole log starts at genesis; a tail cannot know the hash before it.
  let prev: string | null = from === 0 ? GENESIS_HASH : null;
  events.forEach((event, index) => {
    const at = { index, seq: event.seq, expectedSeq };
    if (event.seq !== expectedSeq) faults.push({ ...at, kind: 'gap' });
    if (prev !== null && event.prevHash !== prev) faults.push({ ...at, kind: 'link' });
    const { hash, ...unhashed } = event;
    if (hashEvent(unhashed) !== hash) faults.push({ ...at, kind: 'hash' });
    expectedSeq = event.seq + 1;
    prev = hash;
  });
  return faults;
}

/** The checkpoint of a log (trusting its hashes; check them with chainFaults first). */
export function checkpointOf(events: readonly CustodyEvent[]): Checkpoint {
  const last = events[events.length - 1];
  return {
    size: events.length,
    head: last ? last.hash : GENESIS_HASH,
    root: digestRef(rootOf(events.map(eventLeaf))),
  };
}
