// What verifyPackage (lib/evidence/verify.ts) does at the edges of reading: input that is no ZIP
// gets a whole report, the reader's limits are the caller's, a fault of the source or of the
// `extract` sink is thrown (never turned into a verdict about the evidence), a ZIP problem is
// named on its entry, directory entries are counted, and listed files are hashed in the order
// they lie in the archive whatever order the central directory gives; files parsed after hashing
// are parsed only up to a size. Fast (built in memory), so
// the mutation target `verify-package` can afford them.
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { verifyPackage, type VerifyOptions } from '../../../lib/evidence/verify';
import { DEFAULT_LIMITS } from '../../../lib/evidence/zip/reader';
import { bytesSource, type ZipSource } from '../../../lib/evidence/zip/source';
import { asBuildEntries, basePackage, type Base } from './support/hostile-packages';
import { buildZip } from './support/zip-builder';

let base: Base;
beforeAll(async () => {
  base = await basePackage();
});

const verify = (zip: Uint8Array, options: VerifyOptions = {}) =>
  verifyPackage(bytesSource(zip), { pinnedKey: base.key.fingerprint, ...options });

/** An `extract` that takes every entry and throws on the one named. */
const sinkFailingOn = (name: string) => async (entry: string) => ({
  write: async () => {
    if (entry === name) throw new Error(`disk full writing ${entry}`);
  },
  close: async () => {},
});

describe('no ZIP at all', () => {
  it('a whole report: unreadable, nothing read, nobody named', async () => {
    const report = await verify(new TextEncoder().encode('not a zip, just text'));
    expect(report).toEqual({
      verdict: 'unreadable',
      failures: [expect.objectContaining({ file: null, code: 'zip_too_small' })],
      passed: [],
      notes: [],
      fingerprint: null,
      pinned: 'unpinned',
      container: null,
      manifest: null,
      files: 0,
      bytes: 0,
      timestamps: null,
      revocation: null,
    });
  });
});

describe('the limits the reader applies', () => {
  it("are the caller's when given: three entries allowed, the package refused for its count", async () => {
    const report = await verify(base.zip, { limits: { ...DEFAULT_LIMITS, maxEntries: 3 } });
    expect(report.verdict).toBe('invalid');
    expect(report.failures.map((f) => [f.code, f.params])).toEqual([
      ['zip_too_many_entries', { count: base.entries.length, limit: 3 }],
    ]);
  });

  it('are the defaults otherwise: the same package is sound', async () => {
    expect((await verify(base.zip)).verdict).toBe('valid');
  });
});

describe('a fault that is not about the evidence is thrown, not reported as a verdict', () => {
  it('the source failing to read', async () => {
    const failing: ZipSource = {
      size: base.zip.length,
      read: async () => {
        throw new Error('the drive was unplugged');
      },
    };
    await expect(verifyPackage(failing)).rejects.toThrow('the drive was unplugged');
  });

  it('the extract sink failing on the manifest, on a listed file, on an annex file', async () => {
    const artifact = base.entries.find((e) => e.name.endsWith('.png'))!.name;
    const annex = { name: 'timestamps/README', data: new Uint8Array([0x61]), deflate: false };
    const stamped = buildZip([...asBuildEntries(base), annex]);
    for (const name of [LAYOUT.manifest, artifact, annex.name]) {
      await expect(verify(stamped, { extract: sinkFailingOn(name) }), name).rejects.toThrow(
        `disk full writing ${name}`,
      );
    }
  });
});

describe('how the archive is read', () => {
  it('a local header naming another file: the failure is on the entry the directory names', async () => {
    const entries = asBuildEntries(base).map((e) =>
      e.name === LAYOUT.verifier ? { ...e, localName: 'verify.htm' } : e,
    );
    const report = await verify(buildZip(entries));
    expect(report.verdict).toBe('invalid');
    expect(report.failures.map((f) => f.file)).toEqual([LAYOUT.verifier]);
  });

  it('directory entries are counted among what the archive holds', async () => {
    const directory = {
      name: 'captures/',
      data: new Uint8Array(0),
      deflate: false,
      external: ((0o040755 << 16) | 0x10) >>> 0,
    };
    const report = await verify(buildZip([directory, ...asBuildEntries(base)]));
    expect(report.passed[0]).toMatchObject({
      code: 'zip_sound',
      params: { count: base.entries.length + 1 },
    });
    expect(report.files).toBe(base.entries.length);
  });

  it('listed files are hashed in the order they lie, not in the central directory’s', async () => {
    const entries = asBuildEntries(base);
    const reversed = entries.map((_, i) => entries.length - 1 - i);
    const sizes: number[] = [];
    let last = 0;
    const report = await verify(buildZip(entries, { centralOrder: reversed }), {
      onProgress: (done) => {
        sizes.push(done - last);
        last = done;
      },
    });
    expect(report.failures).toEqual([]);
    const listed = new Map(base.manifest.files.map((f) => [f.path, f.size]));
    expect(sizes).toEqual(
      base.entries.filter((e) => listed.has(e.name)).map((e) => listed.get(e.name)),
    );
    // The sizes differ, so a different order would show.
    expect(new Set(sizes).size).toBeGreaterThan(2);
  });
});

describe('the size up to which listed files are parsed after hashing', () => {
  // What the verifier parses: the manifest, the records and the custody log.
  const parsedKinds = /\.(json|jsonl)$/;

  it('at the largest such file the package is sound; one byte less, that file is refused', async () => {
    const largest = base.entries
      .filter((e) => parsedKinds.test(e.name))
      .reduce((a, b) => (b.data.length > a.data.length ? b : a));
    const size = largest.data.length;
    expect((await verify(base.zip, { maxRecordSize: size })).verdict).toBe('valid');
    const under = await verify(base.zip, { maxRecordSize: size - 1 });
    expect(under.verdict).toBe('invalid');
    expect(under.failures.map((f) => f.file)).toContain(largest.name);
  });
});
