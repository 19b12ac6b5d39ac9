// integrity.md L1–L6: the chain detects any edit, deletion, reordering or insertion at its index;
// truncation is caught against a checkpoint kept from an earlier export; forks are flagged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../../lib/model/custody';
import { CUSTODY_EVENT_TYPES } from '../../../lib/model/custody';
import {
  appendEvent,
  eventHashSync,
  checkpointOf,
  extendsCheckpoint,
  findEquivocation,
  GENESIS_HASH,
  verifyChain,
  type CustodyDraft,
} from '../../../lib/evidence/custody';
import { chainExtends, chainOf, verifyDisclosure } from '../../../lib/evidence/custody-disclosure';

const draftArb: fc.Arbitrary<CustodyDraft> = fc.record({
  at: fc.integer({ min: 1.6e12, max: 2e12 }).map((t) => new Date(t).toISOString()),
  actor: fc.constantFrom('3f2a-9c01-0000-0000-0000-0000-0000-0001', 'import:abcd'),
  type: fc.constantFrom(...CUSTODY_EVENT_TYPES),
  subject: fc.record({
    kind: fc.constantFrom('capture', 'person', 'case', 'link', 'key', 'package', 'store' as const),
    id: fc.stringMatching(/^[a-z]{3}_[0-9a-f]{6}$/),
  }),
  data: fc.dictionary(
    fc.stringMatching(/^[a-z]{1,6}$/),
    fc.oneof(fc.string(), fc.integer(), fc.boolean()),
  ),
});

async function build(drafts: CustodyDraft[]): Promise<CustodyEvent[]> {
  const log: CustodyEvent[] = [];
  for (const d of drafts) log.push(await appendEvent(d, log[log.length - 1] ?? null));
  return log;
}

const logArb = fc.array(draftArb, { minLength: 2, maxLength: 12 });

describe('custody chain', () => {
  it('L1: any sequence of appends verifies and ends at its checkpoint', async () => {
    await fc.assert(
      fc.asyncProperty(logArb, async (drafts) => {
        const log = await build(drafts);
        const result = await verifyChain(log);
        expect(result).toEqual({ ok: true, checkpoint: checkpointOf(log) });
        expect(log[0]!.prevHash).toBe(GENESIS_HASH);
      }),
      { numRuns: 40 },
    );
  });

  it('L2: an edited event fails at its index', async () => {
    await fc.assert(
      fc.asyncProperty(
        logArb,
        fc.nat(),
        fc.string({ minLength: 1 }),
        async (drafts, pick, note) => {
          const log = await build(drafts);
          const i = pick % log.length;
          const edited = log.map((e, j) =>
            j === i ? { ...e, data: { ...e.data, edited: note } } : e,
          );
          expect(await verifyChain(edited)).toMatchObject({
            ok: false,
            index: i,
            reason: 'event content does not match its hash',
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('L2: an edited event with its own hash recomputed fails at the next index', async () => {
    const log = await build(await fc.sample(logArb, 1)[0]!);
    const forged = await appendEvent({ ...log[0]!, data: { forged: true } }, null);
    const result = await verifyChain([forged, ...log.slice(1)]);
    expect(result).toMatchObject({
      ok: false,
      index: 1,
      reason: 'previous hash does not match the event before',
    });
  });

  it('L2: deletion, reordering and insertion fail at that index', async () => {
    await fc.assert(
      fc.asyncProperty(logArb, fc.nat(), draftArb, async (drafts, pick, extra) => {
        const log = await build(drafts);
        const i = pick % (log.length - 1);
        const deleted = [...log.slice(0, i), ...log.slice(i + 1)];
        expect(await verifyChain(deleted)).toMatchObject({ ok: false, index: i });
        const swapped = [...log];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        expect(await verifyChain(swapped)).toMatchObject({ ok: false, index: i });
        const inserted = [
          ...log.slice(0, i + 1),
          await appendEvent(extra, log[i]!),
          ...log.slice(i + 1),
        ];
        expect(await verifyChain(inserted)).toMatchObject({ ok: false, index: i + 2 });
      }),
      { numRuns: 30 },
    );
  });

  it('L3/L4: a later log extends every earlier checkpoint; a truncated or rewritten one does not', async () => {
    const log = await build(fc.sample(draftArb, 10));
    const early = checkpointOf(log.slice(0, 4));
    const later = checkpointOf(log);
    expect(extendsCheckpoint(log, early)).toBe(true);
    expect(extendsCheckpoint(log, later)).toBe(true);
    expect(extendsCheckpoint(log.slice(0, 7), later)).toBe(false);
    const rewritten = await build([...log.slice(0, 3), { ...log[3]!, data: { other: 1 } }]);
    expect(extendsCheckpoint(rewritten, early)).toBe(false);
    const chain = await chainOf(log);
    expect(await chainExtends(chain, early)).toBe(true);
    expect(await chainExtends(chain.slice(0, 7), later)).toBe(false);
    expect(await chainExtends(await chainOf(rewritten), early)).toBe(false);
  });

  it('L6: two checkpoints of the same size with different heads are an equivocation', async () => {
    const a = await build(fc.sample(draftArb, 5));
    const b = await build([...fc.sample(draftArb, 5)]);
    expect(findEquivocation([checkpointOf(a.slice(0, 3)), checkpointOf(a)])).toEqual([]);
    expect(findEquivocation([checkpointOf(a), checkpointOf(b)])).toHaveLength(1);
  });
});

describe('partial disclosure (what a package carries)', () => {
  it('any subset of events verifies against the chain and checkpoint; edits, moves and forged chains do not', async () => {
    await fc.assert(
      fc.asyncProperty(
        logArb,
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        async (drafts, keep) => {
          const log = await build(drafts);
          const chain = await chainOf(log);
          const cp = checkpointOf(log);
          const subset = log.filter((_, i) => keep[i]);
          expect(await verifyDisclosure(chain, subset, cp)).toEqual([]);
          if (subset.length === 0) return;
          const edited = subset.map((e, j) =>
            j === 0 ? { ...e, at: '2000-01-01T00:00:00.000Z' } : e,
          );
          expect((await verifyDisclosure(chain, edited, cp))[0]).toMatchObject({
            seq: subset[0]!.seq,
            reason: 'event content does not match the chain',
          });
          const truncated = chain.slice(0, -1);
          expect((await verifyDisclosure(truncated, [], cp)).map((p) => p.reason)).toContain(
            'chain does not lead to the signed head',
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('L5: a chain hash presented as an event content hash does not verify', async () => {
    const log = await build(fc.sample(draftArb, 4));
    const chain = await chainOf(log);
    // Collapse events 1 and 2 into one entry whose "content" is event 1's chain hash.
    const collapsed = [chain[0]!, log[1]!.hash, chain[3]!];
    expect(await verifyDisclosure(collapsed, [], checkpointOf(log))).not.toEqual([]);
    expect(await verifyDisclosure(chain, [{ ...log[1]!, seq: 2 }], checkpointOf(log))).not.toEqual(
      [],
    );
  });
});

describe('eventHashSync', () => {
  it('gives the same hash as appendEvent, so store-written logs verify', async () => {
    const first = await appendEvent(
      {
        at: '2026-05-01T10:00:00.000Z',
        actor: 'a',
        type: 'captured',
        subject: { kind: 'capture', id: 'c1' },
        data: { n: 1, s: 'Сәлем' },
      },
      null,
    );
    const { hash, ...rest } = first;
    expect(eventHashSync(rest)).toBe(hash);
    expect(eventHashSync({ ...rest, data: { n: 2, s: 'Сәлем' } })).not.toBe(hash);
  });
});
