// How verifyPackage reads a package, beside what it concludes: every entry's bytes go to
// `extract` exactly once and exactly as checked, progress counts the listed bytes up to the total,
// both hashing paths (whole entry, streamed with a native hasher) give the same answer, and a
// re-pack is named by what changed (compression, order) without failing the package. The real
// re-zips by Info-ZIP and the other tools are in zip-one-reading.test.ts; these are fast, built
// field by field, so mutation testing can afford them.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { nodePrimitives } from '../../../cli/node/primitives';
import { concatBytes } from '../../../lib/evidence/hex';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { verifyPackage, type VerifyOptions } from '../../../lib/evidence/verify';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { asBuildEntries, basePackage, type Base } from './support/hostile-packages';
import { buildZip, type BuildEntry } from './support/zip-builder';

let base: Base;
beforeAll(async () => {
  base = await basePackage();
});

const verify = (zip: Uint8Array, options: VerifyOptions = {}) =>
  verifyPackage(bytesSource(zip), { pinnedKey: base.key.fingerprint, ...options });

/** Everything `extract` received: per name, the chunks and how many times it was closed. */
async function extracted(zip: Uint8Array, options: VerifyOptions = {}) {
  const got = new Map<string, { chunks: Uint8Array[]; closed: number; opened: number }>();
  const report = await verify(zip, {
    ...options,
    extract: async (name) => {
      const entry = got.get(name) ?? { chunks: [], closed: 0, opened: 0 };
      entry.opened++;
      got.set(name, entry);
      return {
        write: async (c) => void entry.chunks.push(c.slice()),
        close: async () => void entry.closed++,
      };
    },
  });
  return { report, got };
}

describe('extract: what the verifier read, entry by entry', () => {
  for (const [label, primitives] of [
    ['whole entries (the JavaScript primitives)', undefined],
    ['streamed entries (a native hasher)', nodePrimitives],
  ] as const) {
    it(`every entry once, closed once, byte for byte: ${label}`, async () => {
      const { report, got } = await extracted(base.zip, { primitives });
      expect(report.verdict).toBe('valid');
      expect([...got.keys()].sort()).toEqual(base.entries.map((e) => e.name).sort());
      for (const entry of base.entries) {
        const seen = got.get(entry.name)!;
        expect([entry.name, seen.opened, seen.closed]).toEqual([entry.name, 1, 1]);
        expect(concatBytes(seen.chunks), entry.name).toEqual(entry.data);
      }
    });
  }

  it('the streamed path checks hashes too: a changed artifact fails under a native hasher', async () => {
    const name = base.entries.find((e) => e.name.endsWith('.png'))!.name;
    const entries = asBuildEntries(base).map((e) =>
      e.name === name ? { ...e, data: flipped(e.data) } : e,
    );
    for (const primitives of [undefined, nodePrimitives]) {
      const report = await verify(buildZip(entries), { primitives });
      expect(report.failures.map((f) => [f.file, f.code])).toContainEqual([name, 'file_hash']);
      expect(report.verdict).toBe('invalid');
    }
  });

  it('an unlisted entry is not extracted as checked', async () => {
    const entries = [...asBuildEntries(base), entry('notes.txt', 'not in the manifest')];
    const { report, got } = await extracted(buildZip(entries));
    expect(report.failures.map((f) => [f.file, f.code])).toEqual([['notes.txt', 'file_unlisted']]);
    expect(got.has('notes.txt')).toBe(false);
  });
});

describe('onProgress', () => {
  it('counts the listed bytes after each file, up to the total the report gives', async () => {
    const calls: [number, number][] = [];
    const report = await verify(base.zip, {
      onProgress: (done, total) => calls.push([done, total]),
    });
    const listed = base.manifest.files;
    expect(calls).toHaveLength(listed.length);
    const total = listed.reduce((n, f) => n + f.size, 0);
    expect(report.bytes).toBe(total);
    expect(calls.every(([, t]) => t === total)).toBe(true);
    expect(calls.at(-1)![0]).toBe(total);
    // Strictly rising by each file's size, in the archive's order.
    const sizes = calls.map(([done], i) => done - (i === 0 ? 0 : calls[i - 1]![0]));
    const bySize = new Map(listed.map((f) => [f.path, f.size]));
    const order = base.entries.filter((e) => bySize.has(e.name)).map((e) => bySize.get(e.name));
    expect(sizes).toEqual(order);
  });
});

describe('the container: as our writer made it, or re-packed (a note, never a failure)', () => {
  const changesOf = async (entries: BuildEntry[]) => {
    const report = await verify(buildZip(entries));
    const note = report.notes.find((n) => n.code === 'container_repacked');
    return { report, changes: note ? (note.params as { changes: string[] }).changes : [] };
  };

  it('the entries laid out as our writer does: "dalel"', async () => {
    const { report, changes } = await changesOf(asBuildEntries(base));
    expect([report.verdict, report.container, changes]).toEqual(['valid', 'dalel', []]);
    expect(report.passed.map((p) => p.code)).toContain('container_dalel');
  });

  it('a stored entry deflated, or a deflated one stored: compression', async () => {
    for (const pick of [
      (e: BuildEntry) => e.name.endsWith('.png'),
      (e: BuildEntry) => e.name === LAYOUT.manifest,
      (e: BuildEntry) => e.name.endsWith('.json') && e.name !== LAYOUT.manifest,
    ]) {
      const name = asBuildEntries(base).find(pick)!.name;
      const entries = asBuildEntries(base).map((e) =>
        e.name === name ? { ...e, deflate: !e.deflate } : e,
      );
      const { report, changes } = await changesOf(entries);
      expect([name, report.verdict, report.container, changes]).toEqual([
        name,
        'valid',
        'repacked',
        ['compression'],
      ]);
      expect(report.passed.map((p) => p.code)).not.toContain('container_dalel');
    }
  });

  it('the signature files not last, or in another order among themselves: order', async () => {
    const entries = asBuildEntries(base);
    const tail = entries.slice(-4);
    expect(tail.map((e) => e.name)).toEqual([
      LAYOUT.manifest,
      LAYOUT.statement,
      LAYOUT.signature,
      LAYOUT.publicKey,
    ]);
    const rest = entries.slice(0, -4);
    for (const reordered of [
      [...tail, ...rest],
      [...rest, tail[1]!, tail[0]!, tail[2]!, tail[3]!],
      [...rest.slice(0, -1), ...tail, rest.at(-1)!],
    ]) {
      const { report, changes } = await changesOf(reordered);
      expect([report.verdict, report.container, changes]).toEqual(['valid', 'repacked', ['order']]);
    }
  });

  it('the order check reads the signature files afresh (a module-level constant, for mutation testing)', async () => {
    vi.resetModules();
    const fresh = await import('../../../lib/evidence/verify');
    const report = await fresh.verifyPackage(bytesSource(buildZip(asBuildEntries(base))), {
      pinnedKey: base.key.fingerprint,
    });
    expect([report.verdict, report.container]).toEqual(['valid', 'dalel']);
  });

  it('the unsigned annex after the signed files, as Dalel stamps it: "dalel"; a signed file after it: order', async () => {
    // An annex checker that admits anything: only the container's form is looked at here.
    const admit = { annex: async () => {} };
    const annex = [
      {
        name: 'timestamps/1.tsr',
        data: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]),
        deflate: false,
      },
      { ...entry('timestamps/README', 'how to check'), deflate: true },
    ];
    const entries = asBuildEntries(base);
    const stamped = await verify(buildZip([...entries, ...annex]), admit);
    expect([stamped.verdict, stamped.container]).toEqual(['valid', 'dalel']);
    // A signed file moved after the annex; the signature files still end the signed part.
    const signedAfter = await verify(buildZip([...entries.slice(1), ...annex, entries[0]!]), admit);
    const changes = signedAfter.notes.find((n) => n.code === 'container_repacked')?.params;
    expect([signedAfter.verdict, signedAfter.container, changes]).toEqual([
      'valid',
      'repacked',
      { changes: ['order'] },
    ]);
    // The README stored, or a token deflated: compression, as for signed files.
    const readmeStored = await verify(
      buildZip([...entries, annex[0]!, { ...annex[1]!, deflate: false }]),
      admit,
    );
    expect(readmeStored.container).toBe('repacked');
  });
});

function flipped(data: Uint8Array): Uint8Array {
  const copy = data.slice();
  copy[copy.length >> 1]! ^= 0x01;
  return copy;
}

function entry(name: string, text: string): BuildEntry {
  return { name, data: new TextEncoder().encode(text), deflate: true };
}
