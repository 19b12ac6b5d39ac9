// Disclosed custody events checked against a signed checkpoint, one refusal at a time: each fault
// gives its own outcome at its own event, and the earlier-checkpoint list is read strictly (sizes
// rising, each below this log's). The property tests in custody.test.ts cover random logs; these
// pin which outcome a lawyer reads for which fault.
import { describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../../lib/model/custody';
import {
  appendEvent,
  checkpointOf,
  contentHash,
  GENESIS_HASH,
  linkHash,
  type CustodyDraft,
} from '../../../lib/evidence/custody';
import {
  discloseFromLog,
  EMPTY_ROOT_REF,
  exportedSizes,
  extendsEarlier,
  verifyCustodyProof,
  type CustodyProof,
} from '../../../lib/evidence/custody-disclosure';

const draft = (n: number, data: CustodyDraft['data'] = {}): CustodyDraft => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  actor: 'monitor-1',
  type: 'captured',
  subject: { kind: 'capture', id: `cap_${String(n).padStart(6, '0')}` },
  data,
});

async function build(drafts: CustodyDraft[]): Promise<CustodyEvent[]> {
  const log: CustodyEvent[] = [];
  for (const d of drafts) log.push(await appendEvent(d, log[log.length - 1] ?? null));
  return log;
}

const logOf = (n: number) => build(Array.from({ length: n }, (_, i) => draft(i)));

/** The event with another prevHash and a hash recomputed to match: only its link is wrong. */
async function relinked(e: CustodyEvent, prevHash: string): Promise<CustodyEvent> {
  return { ...e, prevHash, hash: await linkHash(prevHash, await contentHash(e)) };
}

const codes = (problems: { seq: number | null; outcome: { code: string } }[]) =>
  problems.map((p) => [p.seq, p.outcome.code]);

describe('exportedSizes', () => {
  it('reads the checkpoint size of exported events only, and only when it is a number', async () => {
    const log = await build([
      { ...draft(0, { checkpoint: { size: 3 } }), type: 'exported' },
      { ...draft(1, { checkpoint: { size: 5 } }), type: 'captured' },
      { ...draft(2, { checkpoint: { size: '4' } }), type: 'exported' },
      { ...draft(3), type: 'exported' },
      { ...draft(4, { checkpoint: { size: 1 } }), type: 'exported' },
    ]);
    expect(exportedSizes(log)).toEqual([3, 1]);
  });
});

describe('discloseFromLog', () => {
  it('an empty log: genesis head, the empty root, no nodes; and it verifies', async () => {
    const { checkpoint, proof } = await discloseFromLog([], []);
    expect(checkpoint).toEqual({ size: 0, head: GENESIS_HASH, root: EMPTY_ROOT_REF });
    expect(proof).toEqual({ nodes: [], earlier: [] });
    expect(await verifyCustodyProof([], checkpoint, proof)).toEqual([]);
  });

  it('proves consistency with each earlier export once, smallest first, only for sizes in (0, size)', async () => {
    const exported = (n: number, size: number): CustodyDraft => ({
      ...draft(n, { checkpoint: { size } }),
      type: 'exported',
    });
    const log = await build([
      draft(0),
      draft(1),
      exported(2, 5),
      draft(3),
      draft(4),
      exported(5, 2),
      exported(6, 5),
      exported(7, 0),
      exported(8, 10),
      exported(9, 12),
    ]);
    const { checkpoint, proof } = await discloseFromLog(log, []);
    expect(checkpoint).toEqual(checkpointOf(log));
    expect(proof.earlier.map((e) => e.size)).toEqual([2, 5]);
    expect(proof.earlier[0]!.root).toBe(checkpointOf(log.slice(0, 2)).root);
    expect(proof.earlier[1]!.root).toBe(checkpointOf(log.slice(0, 5)).root);
    expect(await verifyCustodyProof([], checkpoint, proof)).toEqual([]);
  });
});

describe('verifyCustodyProof: each fault by name, at its event', () => {
  it('a repeated or backwards seq is out of order', async () => {
    const log = await logOf(6);
    const { checkpoint, proof } = await discloseFromLog(log, [log[1]!, log[3]!]);
    expect(codes(await verifyCustodyProof([log[3]!, log[3]!], checkpoint, proof))).toEqual([
      [3, 'custody_order'],
    ]);
    expect(codes(await verifyCustodyProof([log[3]!, log[1]!], checkpoint, proof))).toEqual([
      [1, 'custody_order'],
    ]);
  });

  it('an event at or past the size is beyond the log', async () => {
    const log = await logOf(5);
    const cp = checkpointOf(log.slice(0, 4));
    const { proof } = await discloseFromLog(log.slice(0, 4), []);
    const problems = await verifyCustodyProof([log[4]!], cp, proof);
    expect(codes(problems)).toEqual([[4, 'custody_beyond']]);
    expect(problems[0]!.reason).toBe('event beyond the end of the log of 4');
  });

  it('edited content does not match its hash', async () => {
    const log = await logOf(4);
    const { checkpoint, proof } = await discloseFromLog(log, [log[2]!]);
    const edited = { ...log[2]!, actor: 'someone-else' };
    expect(codes(await verifyCustodyProof([edited], checkpoint, proof))).toEqual([
      [2, 'custody_hash'],
    ]);
  });

  it('a first event that does not follow genesis does not start the log', async () => {
    const log = await logOf(3);
    const { checkpoint, proof } = await discloseFromLog(log, [log[0]!]);
    const moved = await relinked(log[0]!, log[2]!.hash);
    expect(codes(await verifyCustodyProof([moved], checkpoint, proof))).toEqual([
      [0, 'custody_genesis'],
    ]);
  });

  it('an event whose predecessor is disclosed must link to it', async () => {
    const log = await logOf(5);
    const { checkpoint, proof } = await discloseFromLog(log, [log[1]!, log[2]!]);
    const cut = await relinked(log[2]!, log[0]!.hash);
    expect(codes(await verifyCustodyProof([log[1]!, cut], checkpoint, proof))).toEqual([
      [2, 'custody_link'],
    ]);
    // not adjacent: the link to the undisclosed event before is left to the root
    const apart = await relinked(log[3]!, log[1]!.hash);
    expect(codes(await verifyCustodyProof([log[1]!, apart], checkpoint, proof))).toEqual([
      [null, 'custody_root'],
    ]);
  });

  it('the last event must be the signed head', async () => {
    const log = await logOf(4);
    const other = await build([draft(0), draft(1), draft(2), draft(99)]);
    const { checkpoint, proof } = await discloseFromLog(log, [log[3]!]);
    expect(codes(await verifyCustodyProof([other[3]!], checkpoint, proof))).toEqual([
      [3, 'custody_head'],
    ]);
  });

  it('a proof with nodes missing or left over is malformed, said with how', async () => {
    const log = await logOf(6);
    const { checkpoint, proof } = await discloseFromLog(log, [log[2]!]);
    const short = await verifyCustodyProof([log[2]!], checkpoint, {
      ...proof,
      nodes: proof.nodes.slice(1),
    });
    expect(short).toEqual([
      {
        seq: null,
        outcome: {
          code: 'custody_proof_malformed',
          params: { detail: `the proof has too few nodes (${proof.nodes.length - 1})` },
        },
        reason: `custody proof is malformed: the proof has too few nodes (${proof.nodes.length - 1})`,
      },
    ]);
    const empty = await discloseFromLog([], []);
    expect(
      codes(
        await verifyCustodyProof([], empty.checkpoint, { nodes: [EMPTY_ROOT_REF], earlier: [] }),
      ),
    ).toEqual([[null, 'custody_proof_malformed']]);
  });

  it('a node that is no sha256 ref is a programming error, not a verdict', async () => {
    const log = await logOf(3);
    const { checkpoint } = await discloseFromLog(log, []);
    await expect(
      verifyCustodyProof([], checkpoint, { nodes: ['sha256:zz'], earlier: [] }),
    ).rejects.toThrow('not a sha256: hash: sha256:zz');
  });
});

describe('verifyCustodyProof: the earlier checkpoints a log claims to extend', () => {
  async function withEarlier(earlier: (p: CustodyProof) => CustodyProof['earlier']) {
    const log = await build([
      draft(0),
      draft(1),
      { ...draft(2, { checkpoint: { size: 2 } }), type: 'exported' },
      draft(3),
      { ...draft(4, { checkpoint: { size: 4 } }), type: 'exported' },
      draft(5),
    ]);
    const { checkpoint, proof } = await discloseFromLog(log, []);
    return verifyCustodyProof([], checkpoint, { ...proof, earlier: earlier(proof) });
  }

  it('rising sizes below this log verify', async () => {
    expect(await withEarlier((p) => p.earlier)).toEqual([]);
  });

  it('a size listed twice, or falling, is not taken as extending', async () => {
    expect(codes(await withEarlier((p) => [p.earlier[0]!, p.earlier[0]!]))).toEqual([
      [null, 'custody_not_extending'],
    ]);
    const falling = await withEarlier((p) => [p.earlier[1]!, p.earlier[0]!]);
    expect(falling.map((p) => p.outcome)).toEqual([
      { code: 'custody_not_extending', params: { size: 2 } },
    ]);
  });

  it('an entry of the log’s own size or larger is not taken, even with a proof that checks', async () => {
    const log = await logOf(6);
    const { checkpoint, proof } = await discloseFromLog(log, []);
    const self = { size: 6, root: checkpoint.root, proof: [] };
    expect(
      (await verifyCustodyProof([], checkpoint, { ...proof, earlier: [self] })).map(
        (p) => p.outcome,
      ),
    ).toEqual([{ code: 'custody_not_extending', params: { size: 6 } }]);
  });

  it('a size of zero is not an earlier export', async () => {
    expect(codes(await withEarlier(() => [{ size: 0, root: EMPTY_ROOT_REF, proof: [] }]))).toEqual([
      [null, 'custody_not_extending'],
    ]);
  });
});

describe('extendsEarlier', () => {
  it('the empty log is extended by every log; a size-0 checkpoint with another root is not', async () => {
    const log = await logOf(3);
    const { checkpoint, proof } = await discloseFromLog(log, []);
    const empty = { size: 0, head: GENESIS_HASH, root: EMPTY_ROOT_REF };
    expect(extendsEarlier(checkpoint, proof, empty)).toBe(true);
    expect(extendsEarlier(checkpoint, proof, { ...empty, root: checkpoint.root })).toBe(false);
  });

  it('the same size must match both root and head', async () => {
    const log = await logOf(3);
    const { checkpoint, proof } = await discloseFromLog(log, []);
    expect(extendsEarlier(checkpoint, proof, { ...checkpoint })).toBe(true);
    expect(extendsEarlier(checkpoint, proof, { ...checkpoint, head: log[0]!.hash })).toBe(false);
    expect(extendsEarlier(checkpoint, proof, { ...checkpoint, root: EMPTY_ROOT_REF })).toBe(false);
  });

  it('a smaller checkpoint must be one the proof lists, by size and root', async () => {
    const log = await build([
      draft(0),
      { ...draft(1, { checkpoint: { size: 1 } }), type: 'exported' },
      draft(2),
      { ...draft(3, { checkpoint: { size: 3 } }), type: 'exported' },
      draft(4),
    ]);
    const { checkpoint, proof } = await discloseFromLog(log, []);
    const at1 = checkpointOf(log.slice(0, 1));
    const at3 = checkpointOf(log.slice(0, 3));
    expect(extendsEarlier(checkpoint, proof, at1)).toBe(true);
    expect(extendsEarlier(checkpoint, proof, at3)).toBe(true);
    expect(extendsEarlier(checkpoint, proof, checkpointOf(log.slice(0, 2)))).toBe(false);
    expect(extendsEarlier(checkpoint, proof, { ...at3, root: at1.root })).toBe(false);
    expect(extendsEarlier(checkpoint, proof, { ...at3, size: 2 })).toBe(false);
  });
});
