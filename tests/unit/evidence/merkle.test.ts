import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../lib/evidence/hex';
import {
  consistencyProof,
  leafHash,
  multiProof,
  nodeHash,
  ProofError,
  rootFromMultiProof,
  rootOf,
  verifyConsistency,
  type Digest,
} from '../../../lib/evidence/merkle';

// The certificate-transparency reference vectors (RFC 6962), as pinned by transparency-dev/merkle
// testonly/constants.go: eight leaf inputs, the root of every prefix, and consistency proofs.
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => leafHash(fromHex(h)));
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

const from = (leaves: readonly Digest[]) => (lo: number, hi: number) => rootOf(leaves, lo, hi);
const hex = (primitives: readonly Digest[]) => primitives.map(toHex);
const leavesOf = (n: number) =>
  Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`event ${i}`)));

describe('RFC 6962 tree hash', () => {
  it('gives the reference root for every size from 0 to 8', () => {
    for (let n = 0; n <= 8; n++) expect(toHex(rootOf(LEAVES.slice(0, n)))).toBe(ROOTS[n]);
  });

  it('L5: a node presented as a leaf does not verify', () => {
    const four = LEAVES.slice(0, 4);
    const n01 = nodeHash(four[0]!, four[1]!);
    const n23 = nodeHash(four[2]!, four[3]!);
    // Without the 0x00/0x01 prefixes, a 2-leaf tree of the two nodes would have the same root.
    expect(toHex(rootOf([n01, n23]))).toBe(ROOTS[4]);
    const asLeaves = new Map([
      [0, leafHash(n01)],
      [1, leafHash(n23)],
    ]);
    expect(toHex(rootFromMultiProof(2, asLeaves, []))).not.toBe(ROOTS[4]);
  });
});

describe('multi-proof', () => {
  it('is the audit path for one leaf, and leads to the reference root', async () => {
    const proof0 = await multiProof(8, [0], from(LEAVES));
    expect(hex(proof0)).toEqual(CONSISTENCY[1]![2]);
    const proof5 = await multiProof(8, [5], from(LEAVES));
    expect(hex(proof5)).toEqual([
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    ]);
    expect(toHex(rootFromMultiProof(8, new Map([[5, LEAVES[5]!]]), proof5))).toBe(ROOTS[8]);
  });

  it('needs no nodes when every leaf is known', async () => {
    const all = [...LEAVES.keys()];
    expect(await multiProof(8, all, from(LEAVES))).toEqual([]);
  });

  it('recomputes the root for any tree and any set of known leaves', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 70 })
          .chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.nat(n - 1), { maxLength: n }))),
        async ([n, known]) => {
          const leaves = leavesOf(n);
          const nodes = await multiProof(n, known, from(leaves));
          const map = new Map(known.map((i) => [i, leaves[i]!]));
          expect(toHex(rootFromMultiProof(n, map, nodes))).toBe(toHex(rootOf(leaves)));
          expect(nodes.length).toBeLessThanOrEqual(
            Math.max(1, known.length * Math.ceil(Math.log2(n) + 1)),
          );
        },
      ),
    );
  });

  it('fails for a changed leaf, a flipped node bit, a wrong index, or trailing or missing nodes', async () => {
    const leaves = leavesOf(13);
    const nodes = await multiProof(13, [3, 9], from(leaves));
    const root = toHex(rootOf(leaves));
    const known = new Map([
      [3, leaves[3]!],
      [9, leaves[9]!],
    ]);
    const rootWith = (k: Map<number, Digest>, n: readonly Digest[]) =>
      toHex(rootFromMultiProof(13, k, n));
    expect(rootWith(known, nodes)).toBe(root);
    expect(rootWith(new Map([...known, [3, leaves[4]!]]), nodes)).not.toBe(root);
    for (let i = 0; i < nodes.length; i++) {
      const flipped = nodes.map((d) => d.slice());
      flipped[i]![7]! ^= 0x10;
      expect(rootWith(known, flipped)).not.toBe(root);
    }
    expect(
      rootWith(
        new Map([
          [2, leaves[3]!],
          [9, leaves[9]!],
        ]),
        nodes,
      ),
    ).not.toBe(root);
    expect(() => rootFromMultiProof(13, known, [...nodes, nodes[0]!])).toThrow(ProofError);
    expect(() => rootFromMultiProof(13, known, nodes.slice(1))).toThrow(ProofError);
    expect(() => rootFromMultiProof(13, new Map([[13, leaves[0]!]]), nodes)).toThrow(ProofError);
    expect(() => rootFromMultiProof(26, known, nodes)).toThrow(ProofError);
  });
});

describe('consistency proof', () => {
  it('matches the reference proofs and verifies against the reference roots', async () => {
    for (const [m, n, expected] of CONSISTENCY) {
      const proof = await consistencyProof(m, n, from(LEAVES));
      expect(hex(proof)).toEqual(expected);
      expect(verifyConsistency(m, n, fromHex(ROOTS[m]!), fromHex(ROOTS[n]!), proof)).toBe(true);
    }
  });

  it('verifies between every pair of sizes of a growing log, and fails when anything changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 40 })
          .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n), fc.nat())),
        async ([m, n, pick]) => {
          const leaves = leavesOf(n);
          const first = rootOf(leaves.slice(0, m));
          const second = rootOf(leaves);
          const proof = await consistencyProof(m, n, from(leaves));
          expect(verifyConsistency(m, n, first, second, proof)).toBe(true);
          if (m < n) {
            // A rewritten history: the first m leaves differ from the earlier tree's.
            const forged = [...leaves];
            forged[pick % m] = leafHash(new TextEncoder().encode('rewritten'));
            const forgedProof = await consistencyProof(m, n, from(forged));
            expect(verifyConsistency(m, n, first, rootOf(forged), forgedProof)).toBe(false);
            expect(verifyConsistency(m, n, first, first, proof)).toBe(false);
            if (proof.length > 0) {
              const flipped = proof.map((d) => d.slice());
              flipped[pick % proof.length]![0]! ^= 1;
              expect(verifyConsistency(m, n, first, second, flipped)).toBe(false);
              expect(verifyConsistency(m, n, first, second, [...proof, proof[0]!])).toBe(false);
            }
          }
        },
      ),
    );
  });
});
