import type { Capture } from '../model/capture';
import type { CustodyEvent } from '../model/custody';
import { chainFaults, type ChainFault } from '../evidence/custody';
import { allNodes, digestRef, eventLeaf, nodeKey } from '../evidence/custody-tree';
import { captureSeal } from '../evidence/seal';
import { sha256OfBlob } from '../evidence/sha256';
import type { Damage, DamageKind, IntegrityReport } from '../integrity/report';
import type { Store } from './store';

export type { Damage, IntegrityReport };

/** How much the cheap (startup) form looks at. */
export const CHEAP = { recentEvents: 50, recentCaptures: 20 } as const;

/**
 * Checks the archive (integrity.md D5). Full: every artifact re-hashes to its key and matches its
 * size, every capture's artifacts exist, every link points to existing records, and the whole
 * custody chain verifies. Cheap (at startup, on every page open): the event count against the
 * head's sequence number, the last events and their linkage, and the presence of the artifacts of
 * the captures those events name — a bounded amount of work whatever the archive's size.
 */
export async function checkIntegrity(store: Store, full: boolean): Promise<IntegrityReport> {
  const damage: Damage[] = [];
  const events = full ? await store.custody.all() : await custodyTail(store, damage);
  // The full chain must start at the genesis event; a tail starts wherever it starts.
  const start = full ? 0 : (events[0]?.seq ?? 0);
  damage.push(...chainDamage(events, store.ctx.hashEvent, start));
  // With a gap the leaves cannot be placed; the gap itself is already reported.
  if (full && events.every((e, i) => e.seq === i)) await checkTree(store, events, damage);
  const captures = full ? await store.captures.list() : await capturesNamedIn(store, events);
  const artifacts = full ? new Set(await store.artifacts.keys()) : null;
  let refs = 0;
  for (const capture of captures)
    for (const ref of capture.artifacts) {
      refs++;
      const present = artifacts ? artifacts.has(ref.sha256) : await store.artifacts.get(ref.sha256);
      if (!present)
        damage.push({
          kind: 'artifact_missing',
          id: ref.sha256,
          reason: `capture ${capture.id}: ${ref.name} is missing from the store`,
        });
    }
  if (full) await resealAll(captures, events, damage);
  const rehashed = artifacts ? await rehashAll(store, artifacts, damage) : 0;
  const links = full ? await danglingLinks(store, captures, damage) : 0;
  for (const { table, key } of store.ctx.cipher?.refused.values() ?? [])
    damage.push({
      kind: 'unencrypted_row',
      id: `${table}/${key}`,
      reason: `${table} ${key}: a row without encryption in the encrypted archive (not written by Dalel); it is refused and not shown`,
    });
  return {
    ok: damage.length === 0,
    full,
    checkedAt: store.ctx.now().toISOString(),
    checked: {
      artifacts: artifacts ? artifacts.size : refs,
      artifactsRehashed: rehashed,
      captures: captures.length,
      links,
      custodyEvents: events.length,
    },
    damage,
  };
}

/** The last events, and a gap anywhere before them (the head's seq says how many there are). */
async function custodyTail(store: Store, damage: Damage[]): Promise<CustodyEvent[]> {
  const head = await store.custody.head();
  if (!head) return [];
  const count = await store.custody.count();
  if (head.seq + 1 !== count)
    damage.push({
      kind: 'custody_gap',
      id: String(head.seq),
      reason: `${count} events stored, the newest is number ${head.seq}`,
    });
  const from = Math.max(0, head.seq + 1 - CHEAP.recentEvents);
  const tail = await store.custody.since(from);
  if (tail[0] && tail[0].seq !== from)
    damage.push({
      kind: 'custody_gap',
      id: String(tail[0].seq),
      reason: `event ${from} is missing`,
    });
  return tail;
}

/** Every stored node of the Merkle tree, which exports prove against, must be recomputable from the log. */
async function checkTree(store: Store, events: CustodyEvent[], damage: Damage[]): Promise<void> {
  await store.custody.disclose([]); // builds the tree of a log written before schema v3
  const stored = await store.custody.tree.all();
  const wrong = allNodes(events.map(eventLeaf)).filter(
    (n) => stored.get(nodeKey(n.level, n.index)) !== digestRef(n.hash),
  );
  if (wrong.length > 0)
    damage.push({
      kind: 'custody_tree_mismatch',
      id: nodeKey(wrong[0]!.level, wrong[0]!.index),
      reason: `${wrong.length} node(s) of the stored custody tree do not match the log`,
    });
}

async function capturesNamedIn(store: Store, events: CustodyEvent[]): Promise<Capture[]> {
  const ids = events
    .filter((e) => e.type === 'captured')
    .map((e) => e.subject.id)
    .slice(-CHEAP.recentCaptures);
  const found = await Promise.all(ids.map((id) => store.captures.get(id)));
  return found.filter((c): c is Capture => c !== undefined);
}

/**
 * Every capture is sealed again from its record, and the seal compared with the one stored and
 * with the one its `captured`/`imported` custody event recorded: a record edited after sealing,
 * even re-sealed (anyone can recompute a seal), no longer matches the log.
 */
async function resealAll(
  captures: readonly Capture[],
  events: readonly CustodyEvent[],
  damage: Damage[],
): Promise<void> {
  const entered = new Map<string, CustodyEvent>();
  for (const e of events)
    if (
      e.subject.kind === 'capture' &&
      (e.type === 'captured' || e.type === 'imported') &&
      !entered.has(e.subject.id)
    )
      entered.set(e.subject.id, e);
  for (const capture of captures) {
    const seal = await captureSeal(capture);
    if (seal !== capture.seal)
      damage.push({
        kind: 'capture_seal_mismatch',
        id: capture.id,
        reason: `the record hashes to ${seal}, its seal says ${capture.seal}`,
      });
    const event = entered.get(capture.id);
    if (event && event.data.seal !== capture.seal)
      damage.push({
        kind: 'capture_event_mismatch',
        id: capture.id,
        reason: `custody event ${event.seq} recorded the seal ${String(event.data.seal)}, the capture has ${capture.seal}`,
      });
  }
}

async function rehashAll(store: Store, keys: Set<string>, damage: Damage[]): Promise<number> {
  let rehashed = 0;
  for (const key of keys) {
    try {
      const row = await store.artifacts.get(key);
      const blob = await store.artifacts.blob(key);
      const actual = await sha256OfBlob(blob);
      rehashed++;
      if (actual !== key)
        damage.push({ kind: 'artifact_corrupt', id: key, reason: `bytes hash to ${actual}` });
      else if (row && row.size !== blob.size)
        damage.push({
          kind: 'artifact_corrupt',
          id: key,
          reason: `size ${blob.size}, recorded ${row.size}`,
        });
    } catch (error) {
      damage.push({ kind: 'artifact_unreadable', id: key, reason: (error as Error).message });
    }
  }
  return rehashed;
}

async function danglingLinks(store: Store, captures: Capture[], damage: Damage[]): Promise<number> {
  const links = await store.links.all();
  const captureIds = new Set(captures.map((c) => c.id));
  const personIds = new Set((await store.persons.list()).map((p) => p.id));
  const caseIds = new Set((await store.cases.list()).map((c) => c.id));
  for (const link of links) {
    const missing = [
      !captureIds.has(link.captureId) && `capture ${link.captureId}`,
      link.personId !== null && !personIds.has(link.personId) && `person ${link.personId}`,
      link.caseId !== null && !caseIds.has(link.caseId) && `case ${link.caseId}`,
    ].filter(Boolean);
    if (missing.length)
      damage.push({
        kind: 'link_dangling',
        id: link.id,
        reason: `points to no ${missing.join(', ')}`,
      });
  }
  return links.length;
}

const FAULT_DAMAGE: Record<ChainFault['kind'], DamageKind> = {
  gap: 'custody_gap',
  link: 'custody_link_broken',
  hash: 'custody_hash_mismatch',
};

/** The chain's faults (lib/evidence/custody.ts, the one check) as damage named by seq. */
function chainDamage(
  events: readonly CustodyEvent[],
  hashEvent: (event: Omit<CustodyEvent, 'hash'>) => string,
  from: number,
): Damage[] {
  return chainFaults(events, { from, hashEvent }).map((f) => ({
    kind: FAULT_DAMAGE[f.kind],
    id: String(f.seq),
    reason:
      f.kind === 'gap'
        ? `expected event ${f.expectedSeq}, found ${f.seq}: events are missing`
        : f.kind === 'link'
          ? `prevHash does not match the hash of event ${f.expectedSeq - 1}`
          : 'the event was changed after it was written',
  }));
}
