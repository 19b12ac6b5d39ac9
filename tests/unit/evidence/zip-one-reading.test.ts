// Issue 12, rule 1: "VALID" means the same in every ZIP reader. For the valid package and for a
// harmless re-pack, every tool (unzip, bsdtar from a file and from a pipe, 7-Zip, Python's
// zipfile) extracts exactly the names and bytes the verifier hashed. Every hostile form is
// refused with its reason — and where a tool really reads it differently, the test shows which.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { failureText } from './package-fixture';
import {
  asBuildEntries,
  basePackage,
  fakeDescriptorPackage,
  hostileVariants,
  verifierReading,
  type Base,
  type Hostile,
} from './support/hostile-packages';
import { buildZip, extraField } from './support/zip-builder';
import { availableTools, differences, extractWith, missingTools, walk } from './support/zip-tools';

let base: Base;
let hostile: Hostile[];

beforeAll(async () => {
  base = await basePackage();
  hostile = await hostileVariants(base);
});

const missing = missingTools();
if (missing.length > 0)
  console.warn(`zip-one-reading: not installed, skipped: ${missing.join(', ')}`);

describe('the valid package reads the same in every tool', () => {
  it('the package as written: container "dalel", and every tool extracts exactly what was verified', async () => {
    const { report, files } = await verifierReading(base.zip, { pinnedKey: base.key.fingerprint });
    expect(report.verdict, failureText(report)).toBe('valid');
    expect(report.container).toBe('dalel');
    expect(files.size).toBe(base.entries.length);
    for (const tool of availableTools()) {
      const reading = extractWith(tool, base.zip);
      expect(differences(files, reading.files), `${tool}: ${reading.stderr}`).toEqual([]);
    }
  });

  it('the builder form of the same entries is also the Dalel form', async () => {
    const { report } = await verifierReading(buildZip(asBuildEntries(base)), {
      pinnedKey: base.key.fingerprint,
    });
    expect(report.verdict, failureText(report)).toBe('valid');
    expect(report.container).toBe('dalel');
  });
});

describe('hostile forms are refused, with the reason (unit: our reader)', () => {
  it.each([
    'a shadow central directory in the archive comment',
    'a shadow directory in the comment, not at the very end',
    'an archive comment',
    'bytes after the end record',
    'an Info-ZIP Unicode Path field renaming an entry for other tools',
    'an unknown extra field',
    'bytes after the end of a DEFLATE stream',
    'local-header sizes that differ from the central record',
    'a local header naming another file',
    'an entry comment',
    'a symlink attribute',
    'a hidden (MS-DOS) attribute',
    'a directory attribute on a file',
    'a data descriptor without its signature',
    'bytes before the first entry',
  ])('%s', async (what) => {
    const h = hostile.find((x) => x.what === what)!;
    const { report } = await verifierReading(h.zip, { pinnedKey: base.key.fingerprint });
    expect(report.verdict).toBe('invalid');
    expect(
      report.failures.map((f) => f.code),
      failureText(report),
    ).toContain(h.code);
  });

  it('a stored artifact holding a fake data descriptor and local header (planted by a hostile page)', async () => {
    const { zip, key } = await fakeDescriptorPackage();
    const { report } = await verifierReading(zip, { pinnedKey: key.fingerprint });
    expect(report.verdict).toBe('invalid');
    expect(report.failures.map((f) => f.code)).toContain('zip_fake_descriptor');
  });
});

describe.skipIf(availableTools().length === 0)('hostile forms against real ZIP tools', () => {
  /** What the untouched package holds, as the verifier read it. */
  let intended: Map<string, string>;
  beforeAll(async () => {
    intended = (await verifierReading(base.zip)).files;
  });

  it('every hostile form: the verifier refuses it whatever each tool makes of it', async () => {
    const seen: string[] = [];
    for (const h of hostile) {
      const { report } = await verifierReading(h.zip, { pinnedKey: base.key.fingerprint });
      expect(report.verdict, h.what).toBe('invalid');
      for (const tool of availableTools()) {
        const diff = differences(intended, extractWith(tool, h.zip).files);
        if (diff.length > 0) seen.push(`${h.what} — ${tool}: ${diff.slice(0, 3).join(' ')}`);
      }
    }
    if (process.env.DALEL_SHOW_READINGS) console.log(seen.join('\n'));
    // The forms are real attacks: tools do show other files or bytes for them.
    const shows = (what: string) => seen.some((s) => s.startsWith(what));
    expect(shows('a shadow central directory in the archive comment'), seen.join('\n')).toBe(true);
    expect(shows('a shadow directory in the comment, not at the very end'), seen.join('\n')).toBe(
      true,
    );
    expect(shows('an Info-ZIP Unicode Path field'), seen.join('\n')).toBe(true);
    expect(shows('a symlink attribute'), seen.join('\n')).toBe(true);
    // Every form through every installed tool (unzip, 7-Zip, bsdtar, Python), one process each.
  }, 120_000);

  it('the shadow directory: some tool extracts the forged report.html', async () => {
    const shadow = hostile.find((h) =>
      h.what.startsWith('a shadow directory in the comment, not'),
    )!;
    const forged = availableTools().filter((tool) =>
      differences(intended, extractWith(tool, shadow.zip).files).includes(`~${LAYOUT.report}`),
    );
    expect(forged.length, 'no tool took the shadow directory').toBeGreaterThan(0);
  });

  it.skipIf(!availableTools().includes('bsdtar (pipe)'))(
    'the fake descriptor in stored media: bsdtar reading a pipe extracts a file that is not in the package',
    async () => {
      const { zip } = await fakeDescriptorPackage();
      const piped = extractWith('bsdtar (pipe)', zip).files;
      expect([...piped.keys()]).toContain('evil.html');
    },
  );
});

describe('a harmless re-zip still verifies: valid content, container noted as re-packed (rule 2)', () => {
  const hasZip = spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;

  it.skipIf(!hasZip)(
    'unzip, then `zip -r` (folders added, order and compression changed)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dalel-rezip-'));
      try {
        writeFileSync(join(dir, 'package.zip'), base.zip);
        execFileSync('unzip', ['-q', 'package.zip', '-d', 'x'], { cwd: dir });
        execFileSync('zip', ['-qr', '../repacked.zip', '.'], { cwd: join(dir, 'x') });
        const repacked = new Uint8Array(readFileSync(join(dir, 'repacked.zip')));
        const { report, files } = await verifierReading(repacked, {
          pinnedKey: base.key.fingerprint,
        });
        expect(report.failures, failureText(report)).toEqual([]);
        expect(report.verdict).toBe('valid');
        expect(report.container).toBe('repacked');
        const note = report.notes.find((n) => n.code === 'container_repacked')!;
        expect(note.message).toMatch(
          /^the container was re-packed \(.*folder entries added.*\); the signature covers the files, not the container/,
        );
        // What the verifier checked is what was unpacked, and what every tool unpacks again.
        expect(differences(walk(join(dir, 'x')), files)).toEqual([]);
        for (const tool of availableTools())
          expect(differences(files, extractWith(tool, repacked).files), tool).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('a re-pack in the forms Windows Explorer and Info-ZIP write (no descriptors, DOS attributes, timestamps, folders)', async () => {
    const entries = asBuildEntries(base).map((e, i) => ({
      ...e,
      deflate: true,
      descriptor: i % 2 === 0,
      madeBy: i % 3 === 0 ? 0x0014 : 0x031e,
      external: i % 3 === 0 ? 0x20 : (0o100664 << 16) >>> 0,
      centralExtra: extraField(0x5455, new Uint8Array([1, 0, 0, 0, 0])),
      localExtra: extraField(0x5455, new Uint8Array([3, 0, 0, 0, 0, 0, 0, 0, 0])),
      time: 0x6000 + i,
    }));
    const folders = [...new Set(base.entries.map((e) => e.name.split('/').slice(0, -1).join('/')))]
      .filter(Boolean)
      .map((d) => ({
        name: `${d}/`,
        data: new Uint8Array(0),
        deflate: false,
        descriptor: false,
        external: (0o40755 << 16) >>> 0,
      }));
    const { report } = await verifierReading(buildZip([...folders, ...entries.reverse()]), {
      pinnedKey: base.key.fingerprint,
    });
    expect(report.failures, failureText(report)).toEqual([]);
    expect(report.verdict).toBe('valid');
    expect(report.container).toBe('repacked');
  });

  it('a re-pack that adds a file, or a folder entry with data or a symlink, is not harmless', async () => {
    const entries = asBuildEntries(base);
    const added = await verifierReading(
      buildZip([
        ...entries,
        { name: '__MACOSX/._report.html', data: new Uint8Array(10), deflate: false },
      ]),
    );
    expect(failureText(added.report)).toContain(
      '__MACOSX/._report.html: not listed in the manifest',
    );
    const folderWithData = await verifierReading(
      buildZip([{ name: 'captures/', data: new Uint8Array([1]), deflate: false }, ...entries]),
    );
    expect(folderWithData.report.failures.map((f) => f.code)).toContain('zip_directory_bad');
    const orphan = await verifierReading(
      buildZip([
        {
          name: 'empty/',
          data: new Uint8Array(0),
          deflate: false,
          descriptor: false,
          external: (0o40755 << 16) >>> 0,
        },
        ...entries,
      ]),
    );
    expect(orphan.report.failures.map((f) => f.code)).toContain('zip_directory_orphan');
  });
});
