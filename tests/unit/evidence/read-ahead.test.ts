import { describe, expect, it } from 'vitest';
import type { PackageInput } from '../../../lib/evidence/package-input';
import { ReadAhead } from '../../../lib/evidence/read-ahead';

/** An input whose artifacts are named by their sha256 field; records the order of opens. */
function inputOf(shas: string[][], opened: string[], fail?: string): PackageInput {
  return {
    captures: shas.map((artifacts) => ({ artifacts: artifacts.map((sha256) => ({ sha256 })) })),
    openArtifact: async (sha256: string) => {
      opened.push(sha256);
      if (sha256 === fail) throw new Error(`cannot read ${sha256}`);
      return new Blob([sha256.repeat(sha256 === 'big' ? 100 : 1)]);
    },
  } as unknown as PackageInput;
}

describe('ReadAhead', () => {
  it('returns artifacts in capture order, the next opened before the current is used', async () => {
    const opened: string[] = [];
    const reads = new ReadAhead(inputOf([['a', 'big'], ['c']], opened), (size) => size <= 10);
    const first = await reads.next();
    expect(opened).toEqual(['a', 'big']);
    // Up to the limit in memory, larger ones stay Blobs (streamed by the writer).
    expect(new TextDecoder().decode(first as Uint8Array)).toBe('a');
    const second = await reads.next();
    expect(second).toBeInstanceOf(Blob);
    expect((second as Blob).size).toBe(300);
    expect(opened).toEqual(['a', 'big', 'c']);
    expect(new TextDecoder().decode((await reads.next()) as Uint8Array)).toBe('c');
    // nothing is opened past the last artifact
    expect(opened).toEqual(['a', 'big', 'c']);
  });

  it('reports a failed read-ahead when its artifact is reached, not before', async () => {
    const opened: string[] = [];
    const reads = new ReadAhead(inputOf([['a', 'b']], opened, 'b'), (size) => size <= 10);
    await expect(reads.next()).resolves.toBeInstanceOf(Uint8Array);
    await expect(reads.next()).rejects.toThrow('cannot read b');
  });
});
