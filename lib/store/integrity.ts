import { verifyCustodyRun } from '../integrity/custody-chain';
import type { Damage, IntegrityReport } from '../integrity/report';
import { sha256OfBlob } from '../evidence/sha256';
import type { Store } from './store';

export type { Damage, IntegrityReport };

/** How much the cheap (startup) form looks at. */
export const CHEAP = { recentEvents: 50, recentCaptures: 20 } as const;

/**
 * Checks the archive (integrity.md D5). Full: every artifact re-hashes to its key and matches its
 * size, every capture's artifacts exist, every link points to existing records, and the whole
 * custody chain verifies. Cheap (at startup): counts, the chain's last events and their linkage,
 * and the presence of the artifacts of the most recent captures.
 */
export async function checkIntegrity(store: Store, full: boolean): Promise<IntegrityReport> {
  const damage: Damage[] = [];
  const captures = await store.captures.list(); // newest first
  const artifactKeys = new Set(await store.artifacts.keys());
  const checkedCaptures = full ? captures : captures.slice(0, CHEAP.recentCaptures);
  for (const capture of checkedCaptures)
    for (const ref of capture.artifacts)
      if (!artifactKeys.has(ref.sha256))
        damage.push({
          kind: 'artifact_missing',
          id: ref.sha256,
          reason: `capture ${capture.id}: ${ref.name} is missing from the store`,
        });

  let rehashed = 0;
  if (full)
    for (const key of artifactKeys) {
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

  const links = full ? await store.links.all() : [];
  if (full) {
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
  }

  const custodyEvents = await custodyDamage(store, full, damage);
  return {
    ok: damage.length === 0,
    full,
    checkedAt: store.ctx.now().toISOString(),
    checked: {
      artifacts: artifactKeys.size,
      artifactsRehashed: rehashed,
      captures: checkedCaptures.length,
      links: links.length,
      custodyEvents,
    },
    damage,
  };
}

async function custodyDamage(store: Store, full: boolean, damage: Damage[]): Promise<number> {
  const hash = store.ctx.hashEvent;
  if (full) {
    const all = await store.custody.all();
    damage.push(...verifyCustodyRun(all, hash));
    return all.length;
  }
  const count = await store.custody.count();
  const head = await store.custody.head();
  if (!head) return 0;
  // The seq of the head says how many events there should be: a deleted one shows as a gap.
  if (head.seq + 1 !== count)
    damage.push({
      kind: 'custody_gap',
      id: String(head.seq),
      reason: `${count} events stored, the newest is number ${head.seq}`,
    });
  const from = Math.max(0, head.seq + 1 - CHEAP.recentEvents);
  const tail = await store.custody.since(from);
  damage.push(...verifyCustodyRun(tail, hash, from));
  return tail.length;
}
