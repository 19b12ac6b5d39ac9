// integrity.md L1–L6: the chain detects any edit, deletion, reordering or insertion at its index;
// truncation is caught against a checkpoint kept from an earlier export; so is a fork. One check,
// chainFaults, serves these tests, the store's integrity check and every log the tests write.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../../lib/model/custody';
import { CUSTODY_EVENT_TYPES } from '../../../lib/model/custody';
import {
  appendEvent,
  eventHashSync,
  checkpointOf,
  GENESIS_HASH,
  chainFaults,
  type CustodyDraft,
} from '../../../lib/evidence/custody';
import {
  discloseFromLog,
  extendsEarlier,
  verifyCustodyProof,
} from '../../../lib/evidence/custody-disclosure';

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
        expect(chainFaults(log)).toEqual([]);
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
          expect(chainFaults(edited)).toEqual([{ index: i, seq: i, expectedSeq: i, kind: 'hash' }]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('L2: an edited event with its own hash recomputed fails at the next index', async () => {
    const log = await build(await fc.sample(logArb, 1)[0]!);
    const forged = await appendEvent({ ...log[0]!, data: { forged: true } }, null);
    expect(chainFaults([forged, ...log.slice(1)])).toEqual([
      { index: 1, seq: 1, expectedSeq: 1, kind: 'link' },
    ]);
  });

  it('L2: deletion, reordering and insertion fail at that index', async () => {
    await fc.assert(
      fc.asyncProperty(logArb, fc.nat(), draftArb, async (drafts, pick, extra) => {
        const log = await build(drafts);
        const i = pick % (log.length - 1);
        const deleted = [...log.slice(0, i), ...log.slice(i + 1)];
        expect(chainFaults(deleted)[0]).toMatchObject({ index: i, kind: 'gap', expectedSeq: i });
        const swapped = [...log];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        expect(chainFaults(swapped)[0]).toMatchObject({ index: i, kind: 'gap', seq: i + 1 });
        const inserted = [
          ...log.slice(0, i + 1),
          await appendEvent(extra, log[i]!),
          ...log.slice(i + 1),
        ];
        expect(chainFaults(inserted)[0]).toMatchObject({ index: i + 2, kind: 'gap' });
      }),
      { numRuns: 30 },
    );
  });

  it('a tail is checked from its first seq: its own links and hashes, not the unknown one before', async () => {
    const log = await build(fc.sample(draftArb, 8));
    expect(chainFaults(log.slice(3), { from: 3 })).toEqual([]);
    // Whatever the event before says, a tail cannot know it; a tail from 0 must start at genesis.
    const relinked = { ...log[3]!, prevHash: GENESIS_HASH };
    expect(chainFaults([relinked, ...log.slice(4)], { from: 3 })).toEqual([
      { index: 0, seq: 3, expectedSeq: 3, kind: 'hash' },
    ]);
    const notGenesis = await appendEvent(fc.sample(draftArb, 1)[0]!, log[0]!);
    expect(chainFaults([{ ...notGenesis, seq: 0 }])).toContainEqual(
      expect.objectContaining({ index: 0, kind: 'link' }),
    );
    // The store's own chain hash is injected; a different one reports every event.
    expect(chainFaults(log, { hashEvent: () => 'sha256:x' })).toHaveLength(log.length);
    expect(chainFaults(log, { hashEvent: eventHashSync })).toEqual([]);
  });

  it('L3/L4: a package proves its log extends every earlier export; a truncated or rewritten log cannot', async () => {
    const first = await build(fc.sample(draftArb, 4));
    const early = checkpointOf(first);
    const exported: CustodyDraft = {
      at: '2026-05-01T10:00:00.000Z',
      actor: 'a',
      type: 'exported',
      subject: { kind: 'package', id: 'p1' },
      data: { checkpoint: early },
    };
    const log = await build([...first, exported, ...fc.sample(draftArb, 5)]);
    const honest = await discloseFromLog(log, []);
    expect(honest.proof.earlier.map((e) => e.size)).toEqual([4]);
    expect(await verifyCustodyProof([], honest.checkpoint, honest.proof)).toEqual([]);
    expect(extendsEarlier(honest.checkpoint, honest.proof, early)).toBe(true);
    expect(extendsEarlier(honest.checkpoint, honest.proof, honest.checkpoint)).toBe(true);

    // Truncated after the export: it still extends the early checkpoint, not the later one.
    const truncated = await discloseFromLog(log.slice(0, 7), []);
    expect(extendsEarlier(truncated.checkpoint, truncated.proof, honest.checkpoint)).toBe(false);

    // History rewritten before the export: its own proof names a different root…
    const rewritten = await build([
      ...first.slice(0, 3),
      { ...first[3]!, data: { other: 1 } },
      exported,
      ...log.slice(5),
    ]);
    const forged = await discloseFromLog(rewritten, []);
    expect(extendsEarlier(forged.checkpoint, forged.proof, early)).toBe(false);
    // …and claiming the early root instead makes the consistency proof fail.
    const claimed = {
      ...forged.proof,
      earlier: forged.proof.earlier.map((e) => ({ ...e, root: early.root })),
    };
    expect(await verifyCustodyProof([], forged.checkpoint, claimed)).toEqual([
      {
        seq: null,
        outcome: { code: 'custody_not_extending', params: { size: 4 } },
        reason: 'the log does not extend its earlier checkpoint of 4 events',
      },
    ]);
  });

  it('L6: a fork (same size, another head) does not extend the checkpoint a lawyer kept', async () => {
    const common = await build(fc.sample(draftArb, 3));
    const a = await build([...common, ...fc.sample(draftArb, 2)]);
    const b = await build([...common, ...fc.sample(draftArb, 2)]);
    expect(checkpointOf(a).size).toBe(checkpointOf(b).size);
    expect(checkpointOf(a).head).not.toBe(checkpointOf(b).head);
    const disclosed = await discloseFromLog(b, []);
    expect(extendsEarlier(disclosed.checkpoint, disclosed.proof, checkpointOf(a))).toBe(false);
  });
});

describe('partial disclosure (what a package carries)', () => {
  it('any subset of events verifies against the signed root; edits, moves and forged nodes do not', async () => {
    await fc.assert(
      fc.asyncProperty(
        logArb,
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.nat(),
        async (drafts, keep, pick) => {
          const log = await build(drafts);
          const subset = log.filter((_, i) => keep[i]);
          const { checkpoint, proof } = await discloseFromLog(log, subset);
          expect(checkpoint).toEqual(checkpointOf(log));
          expect(await verifyCustodyProof(subset, checkpoint, proof)).toEqual([]);
          const problems = (events: CustodyEvent[], cp = checkpoint, p = proof) =>
            verifyCustodyProof(events, cp, p);
          if (subset.length > 0) {
            const edited = subset.map((e, j) =>
              j === 0 ? { ...e, at: '2000-01-01T00:00:00.000Z' } : e,
            );
            expect((await problems(edited))[0]).toMatchObject({
              seq: subset[0]!.seq,
              reason: 'event content does not match its hash',
            });
            const moved = subset.map((e, j) => (j === 0 ? { ...e, seq: e.seq + 100 } : e));
            expect(await problems(moved)).not.toEqual([]);
          }
          if (proof.nodes.length > 0) {
            const i = pick % proof.nodes.length;
            const flipped = proof.nodes.map((h, j) =>
              j === i ? `${h.slice(0, 10)}${h[10] === '0' ? '1' : '0'}${h.slice(11)}` : h,
            );
            expect(await problems(subset, checkpoint, { ...proof, nodes: flipped })).toMatchObject([
              {
                seq: null,
                outcome: { code: 'custody_root' },
                reason: 'the events do not lead to the signed custody root',
              },
            ]);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a hidden head cannot be swapped: the head and the root are both signed', async () => {
    const log = await build(fc.sample(draftArb, 6));
    const { checkpoint, proof } = await discloseFromLog(log, [log[1]!]);
    const other = await build([...log.slice(0, 5), { ...log[5]!, data: { swapped: true } }]);
    const swapped = await discloseFromLog(other, [log[1]!]);
    expect(swapped.checkpoint.root).not.toBe(checkpoint.root);
    expect(
      await verifyCustodyProof([log[1]!], { ...checkpoint, head: other[5]!.hash }, proof),
    ).not.toEqual([]);
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
