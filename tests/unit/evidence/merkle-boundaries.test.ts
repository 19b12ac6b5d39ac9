// The edges of the Merkle proofs the verifier relies on: sizes and indices it must refuse, the
// equal-size consistency case, the empty log, and the words of a malformed proof. Mutation testing
// showed these went unchecked by merkle.test.ts, whose properties draw only well-formed inputs.
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  emptyRoot,
  isPowerOfTwo,
  leafHash,
  multiProof,
  ProofError,
  rootFromMultiProof,
  rootOf,
  splitPoint,
  verifyConsistency,
  type Digest,
} from '../../../lib/evidence/merkle';

const leavesOf = (n: number) =>
  Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`event ${i}`)));
const from = (leaves: readonly Digest[]) => (lo: number, hi: number) => rootOf(leaves, lo, hi);

describe('verifyConsistency refuses what is not a proof between two sizes', () => {
  const leaves = leavesOf(6);
  const root = (n: number) => rootOf(leaves.slice(0, n));

  it('sizes out of order, zero, fractional or past 2^53', async () => {
    const proof = await consistencyProof(3, 6, from(leaves));
    expect(verifyConsistency(3, 6, root(3), root(6), proof)).toBe(true);
    expect(verifyConsistency(6, 3, root(6), root(3), proof)).toBe(false);
    expect(verifyConsistency(0, 6, emptyRoot(), root(6), proof)).toBe(false);
    expect(verifyConsistency(3.5, 6, root(3), root(6), proof)).toBe(false);
    expect(verifyConsistency(3, 2 ** 53, root(3), root(6), proof)).toBe(false);
    expect(verifyConsistency(Number.NaN, 6, root(3), root(6), proof)).toBe(false);
    // The shapes the bit arithmetic would accept: from the empty log to itself, and a first
    // size above the second with the same root and nothing to prove.
    expect(verifyConsistency(0, 0, emptyRoot(), emptyRoot(), [])).toBe(false);
    expect(verifyConsistency(2, 1, root(2), root(2), [])).toBe(false);
  });

  it('equal sizes: only the same root, and only with an empty proof', () => {
    expect(verifyConsistency(4, 4, root(4), root(4), [])).toBe(true);
    expect(verifyConsistency(4, 4, root(4), root(5), [])).toBe(false);
    expect(verifyConsistency(4, 4, root(4), root(4), [root(1)])).toBe(false);
  });

  it('a first size that is not a power of two needs proof nodes', () => {
    expect(verifyConsistency(3, 6, root(3), root(6), [])).toBe(false);
  });

  it('fractional sizes that the bit arithmetic would read as whole ones', async () => {
    // 2.5 passes for a power of two (2.5 & 1.5 is 0) and shifts like 2; 6.5 shifts like 6.
    const fromTwo = await consistencyProof(2, 6, from(leaves));
    const fromThree = await consistencyProof(3, 6, from(leaves));
    expect(verifyConsistency(2, 6, root(2), root(6), fromTwo)).toBe(true);
    expect(verifyConsistency(2.5, 6, root(2), root(6), fromTwo)).toBe(false);
    expect(verifyConsistency(3, 6.5, root(3), root(6), fromThree)).toBe(false);
  });

  it('a proof ending before the second tree’s root is reached: a bigger size claimed', async () => {
    // The proof from 1 to 2 also "climbs" toward a tree of 3, but stops a level short of its root.
    const proof = await consistencyProof(1, 2, from(leaves));
    expect(verifyConsistency(1, 2, root(1), root(2), proof)).toBe(true);
    expect(verifyConsistency(1, 3, root(1), root(2), proof)).toBe(false);
  });
});

describe('verifyConsistency between every pair of sizes up to 48', () => {
  // The property test in merkle.test.ts draws sizes at random; some shapes (13 to 14, where the
  // two trees' right edges meet only after skipping levels) were never drawn.
  const leaves = leavesOf(48);
  const roots = Array.from({ length: 49 }, (_, n) => rootOf(leaves.slice(0, n)));

  it('verifies each proof', async () => {
    for (let n = 1; n <= 48; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = await consistencyProof(m, n, from(leaves));
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, proof), `${m} to ${n}`).toBe(true);
      }
    }
  });
});

describe('consistencyProof and the multi-proof checks refuse bad sizes and leaves', () => {
  const leaves = leavesOf(5);

  it('no consistency proof from zero, past the end, or from a fraction', async () => {
    for (const [m, n] of [
      [0, 5],
      [6, 5],
      [1.5, 5],
    ] as const)
      await expect(consistencyProof(m, n, from(leaves))).rejects.toThrow(
        new RangeError(`no consistency proof from ${m} to ${n}`),
      );
  });

  it('a tree size below zero or fractional, and leaves outside the tree, are named', async () => {
    await expect(multiProof(-1, [], from(leaves))).rejects.toThrow(
      new ProofError('bad tree size -1'),
    );
    await expect(multiProof(2.5, [], from(leaves))).rejects.toThrow(
      new ProofError('bad tree size 2.5'),
    );
    for (const i of [-1, 5, 1.5])
      await expect(multiProof(5, [i], from(leaves))).rejects.toThrow(
        new ProofError(`leaf ${i} is outside a tree of 5`),
      );
    expect(() => rootFromMultiProof(5, new Map([[7, leaves[0]!]]), [])).toThrow(
      new ProofError('leaf 7 is outside a tree of 5'),
    );
  });

  it('known leaves given twice or out of order prove the same as sorted and once', async () => {
    const sorted = await multiProof(5, [1, 3], from(leaves));
    expect(await multiProof(5, [3, 1, 3, 1], from(leaves))).toEqual(sorted);
    const known = new Map([
      [3, leaves[3]!],
      [1, leaves[1]!],
    ]);
    expect(rootFromMultiProof(5, known, sorted)).toEqual(rootOf(leaves));
  });

  it('the empty log: no proof nodes, its root is the hash of nothing, nodes are refused', async () => {
    let asked = 0;
    const nodes = await multiProof(0, [], () => {
      asked++;
      return emptyRoot();
    });
    expect(nodes).toEqual([]);
    expect(asked).toBe(0);
    expect(rootFromMultiProof(0, new Map(), [])).toEqual(emptyRoot());
    expect(() => rootFromMultiProof(0, new Map(), [leaves[0]!])).toThrow(
      new ProofError('an empty log has no proof nodes'),
    );
  });

  it('a proof with nodes missing or left over says how many', async () => {
    const known = new Map([[2, leaves[2]!]]);
    const proof = await multiProof(5, [2], from(leaves));
    expect(() => rootFromMultiProof(5, known, proof.slice(1))).toThrow(
      new ProofError(`the proof has too few nodes (${proof.length - 1})`),
    );
    expect(() => rootFromMultiProof(5, known, [...proof, leaves[0]!, leaves[1]!])).toThrow(
      new ProofError('the proof has 2 node(s) too many'),
    );
  });
});

describe('where RFC 6962 splits a range', () => {
  it('the largest power of two below n, and no split of fewer than two leaves', () => {
    expect([2, 3, 4, 5, 8, 9].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8]);
    expect(() => splitPoint(1)).toThrow(new RangeError('cannot split a range of 1'));
    expect(() => splitPoint(0)).toThrow(new RangeError('cannot split a range of 0'));
  });

  it('powers of two, and zero is not one', () => {
    expect([0, 1, 2, 3, 4, 6, 8].map(isPowerOfTwo)).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
      true,
    ]);
  });
});
