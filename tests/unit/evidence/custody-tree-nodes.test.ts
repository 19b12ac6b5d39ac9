// The custody tree's stored nodes read back as RFC 6962 subtree hashes: aligned ranges are one
// stored node, others split; each range is computed once per reader; a missing node or an empty
// range is an error that names it. The store's tree (tests/unit/store/custody-tree.test.ts) relies
// on these.
import { describe, expect, it } from 'vitest';
import {
  allNodes,
  MissingNodeError,
  nodeKey,
  nodesForAppend,
  refDigest,
  subtreeFromNodes,
  type TreeNode,
} from '../../../lib/evidence/custody-tree';
import { leafHash, nodeHash, rootOf, type Digest } from '../../../lib/evidence/merkle';

const leaves: Digest[] = Array.from({ length: 7 }, (_, i) => leafHash(new Uint8Array([i])));

function stored(nodes: TreeNode[]) {
  const map = new Map(nodes.map((n) => [nodeKey(n.level, n.index), n.hash]));
  const asked: string[] = [];
  const lookup = async (level: number, index: number) => {
    asked.push(nodeKey(level, index));
    return map.get(nodeKey(level, index));
  };
  return { map, asked, lookup };
}

describe('subtreeFromNodes', () => {
  it('an aligned power-of-two range is its stored node; any other range splits', async () => {
    const { lookup, asked } = stored(allNodes(leaves));
    const subtree = subtreeFromNodes(lookup);
    expect(await subtree(0, 4)).toEqual(
      nodeHash(nodeHash(leaves[0]!, leaves[1]!), nodeHash(leaves[2]!, leaves[3]!)),
    );
    expect(asked).toEqual(['2:0']);
    // [1, 3) is two leaves wide but not aligned: two leaves, not node 1:0.5
    expect(await subtree(1, 3)).toEqual(nodeHash(leaves[1]!, leaves[2]!));
    expect(await subtree(0, 7)).toEqual(rootOf(leaves));
  });

  it('computes each range once per reader', async () => {
    const { lookup, asked } = stored(allNodes(leaves));
    const subtree = subtreeFromNodes(lookup);
    await subtree(0, 2);
    await subtree(0, 2);
    await subtree(4, 6);
    expect(asked).toEqual(['1:0', '1:2']);
    // a new reader asks again
    await subtreeFromNodes(lookup)(0, 2);
    expect(asked).toEqual(['1:0', '1:2', '1:0']);
  });

  it('an empty range and a missing node are errors that name them', async () => {
    const { map, lookup } = stored(allNodes(leaves));
    await expect(subtreeFromNodes(lookup)(2, 2)).rejects.toThrow(new RangeError('empty range 2-2'));
    map.delete('1:2');
    const missing = subtreeFromNodes(lookup)(4, 6);
    await expect(missing).rejects.toBeInstanceOf(MissingNodeError);
    await expect(missing).rejects.toThrow('custody tree node 1:2');
  });
});

describe('nodesForAppend', () => {
  it('completes the parents the new leaf closes, reading only their left siblings', async () => {
    const all = allNodes(leaves.slice(0, 4));
    const { lookup, asked } = stored(all.filter((n) => !(n.level === 0 && n.index === 3)));
    const nodes = await nodesForAppend(3, leaves[3]!, lookup);
    expect(nodes.map((n) => nodeKey(n.level, n.index))).toEqual(['0:3', '1:1', '2:0']);
    expect(nodes.map((n) => n.hash)).toEqual([
      leaves[3],
      nodeHash(leaves[2]!, leaves[3]!),
      rootOf(leaves.slice(0, 4)),
    ]);
    expect(asked).toEqual(['0:2', '1:0']);
  });

  it('a missing left sibling is named', async () => {
    const { lookup } = stored([]);
    await expect(nodesForAppend(5, leaves[5]!, lookup)).rejects.toThrow(
      new MissingNodeError('custody tree node 0:4'),
    );
    const { lookup: halfway } = stored(allNodes(leaves.slice(0, 3)).filter((n) => n.level === 0));
    await expect(nodesForAppend(3, leaves[3]!, halfway)).rejects.toThrow('custody tree node 1:0');
  });
});

describe('refDigest', () => {
  it('takes exactly sha256: and 64 lower-case hex digits', () => {
    const hex = 'ab'.repeat(32);
    expect(refDigest(`sha256:${hex}`)).toHaveLength(32);
    for (const bad of [
      `xsha256:${hex}`,
      `sha256:${hex}0`,
      `sha256:${hex.toUpperCase()}`,
      `sha256:${hex.slice(2)}`,
    ])
      expect(() => refDigest(bad)).toThrow(`not a sha256: hash: ${bad}`);
  });
});
