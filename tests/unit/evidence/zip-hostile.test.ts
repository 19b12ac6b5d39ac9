// integrity.md Z1–Z9: hostile archives are refused with the entry and the reason, without
// inflating anything suspicious and without exhausting memory.
import { describe, expect, it } from 'vitest';
import { nodePrimitives } from '../../../cli/node/primitives';
import { jsPrimitives, type Primitives } from '../../../lib/evidence/primitives';
import { fflateInflate, streamInflate } from '../../../lib/evidence/zip/codec';
import { openZip, readEntryBytes, ZipError } from '../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { rawZip } from './raw-zip';

// Inflation limits must hold whichever inflater the platform gives the reader.
const inflaters: [string, Primitives][] = [
  ['fflate', { ...jsPrimitives, inflateRaw: fflateInflate }],
  ['DecompressionStream', { ...jsPrimitives, inflateRaw: streamInflate }],
  ['node zlib', nodePrimitives],
];

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

async function problemsOf(zip: Uint8Array): Promise<string[]> {
  const archive = await openZip(bytesSource(zip));
  return archive.problems.map((p) => `${p.name}: ${p.reason}`);
}

/** What reading the archive's first entry throws (null when it reads). */
async function firstEntryError(zip: Uint8Array, primitives: Primitives): Promise<unknown> {
  const archive = await openZip(bytesSource(zip));
  return readEntryBytes(bytesSource(zip), archive.entries[0]!, primitives, 1e9).then(
    () => null,
    (e: unknown) => e,
  );
}

async function openError(zip: Uint8Array): Promise<ZipError> {
  const error = await openZip(bytesSource(zip)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZipError);
  return error as ZipError;
}

describe('hostile ZIP names (Z1–Z4)', () => {
  it('Z1: refuses a duplicate manifest.json', async () => {
    const zip = rawZip([
      { name: 'manifest.json', data: text('{"a":1}') },
      { name: 'manifest.json', data: text('{"a":2}') },
    ]);
    expect(await problemsOf(zip)).toContain('manifest.json: duplicate entry name');
  });

  it.each([
    ['../evil.txt', 'path traversal'],
    ['a/../../evil.txt', 'path traversal'],
    ['/abs.txt', 'absolute path'],
    ['a\\..\\..\\win.txt', 'backslash'],
    ['C:/win.txt', 'drive letter'],
    ['a//b.txt', 'empty path segment'],
    ['./a.txt', '"." segment'],
    ['a\u0001b.txt', 'control character'],
  ])('Z2: refuses %j (%s)', async (name, reason) => {
    const problems = await problemsOf(rawZip([{ name, data: text('x') }]));
    expect(problems.join('\n')).toContain(reason);
  });

  it('Z3: refuses NFC/NFD twins and non-NFC names', async () => {
    const nfc = 'caf\u00e9.json';
    const nfd = 'cafe\u0301.json';
    const problems = await problemsOf(
      rawZip([
        { name: nfc, data: text('1') },
        { name: nfd, data: text('2') },
      ]),
    );
    expect(problems).toContain(`${nfd}: name is not Unicode NFC`);
    expect(problems.some((p) => p.startsWith(nfd) && p.includes('collides with'))).toBe(true);
  });

  it('Z4: refuses case-fold twins', async () => {
    const problems = await problemsOf(
      rawZip([
        { name: 'manifest.json', data: text('1') },
        { name: 'Manifest.json', data: text('2') },
      ]),
    );
    expect(problems).toContain(
      'Manifest.json: collides with "manifest.json" after Unicode normalisation or case folding',
    );
  });

  it('refuses a legacy (non-UTF-8-flagged) non-ASCII name', async () => {
    const problems = await problemsOf(
      rawZip([{ name: new Uint8Array([0x63, 0x61, 0x66, 0xe9]), data: text('x'), flags: 0 }]),
    );
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('damaged and hostile structure (Z5–Z9)', () => {
  const good = rawZip([
    { name: 'a.txt', data: text('hello world '.repeat(50)), deflate: true },
    { name: 'b.bin', data: new Uint8Array(300).fill(9) },
  ]);

  it('accepts the untouched archive', async () => {
    const archive = await openZip(bytesSource(good));
    expect(archive.problems).toEqual([]);
    for (const e of archive.entries) {
      expect((await readEntryBytes(bytesSource(good), e, jsPrimitives, 1e6)).length).toBe(e.size);
    }
  });

  it('Z5: every truncation is refused cleanly, never a partial result', async () => {
    for (let cut = 1; cut < good.length; cut += 7) {
      const error = await openZip(bytesSource(good.subarray(0, good.length - cut))).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `cut ${cut}`).toBeInstanceOf(ZipError);
    }
  });

  it('Z6: refuses 400 junk bytes prepended', async () => {
    const junk = rawZip([{ name: 'a.txt', data: text('a') }], {
      prefix: new Uint8Array(400).fill(0x41),
    });
    const error = await openError(junk);
    expect(error.message).toMatch(/400 unexplained bytes|prepended/);
  });

  it('refuses junk between entries and overlapping entries', async () => {
    const zip = rawZip([
      { name: 'a.txt', data: text('aaaa') },
      { name: 'b.txt', data: text('bbbb') },
    ]);
    // Point b.txt's central record at a.txt's local header: two names over one body.
    const overlapped = zip.slice();
    const view = new DataView(overlapped.buffer);
    const cd = view.getUint32(overlapped.length - 6, true);
    const second = cd + 46 + 5;
    view.setUint32(second + 42, 0, true);
    expect((await openError(overlapped)).message).toMatch(
      /overlaps|unexplained|local header names/,
    );
  });

  it('Z7: refuses a bomb by its declared ratio before inflating', async () => {
    const zeros = new Uint8Array(200 * 1024 * 1024);
    const zip = rawZip([{ name: 'bomb.bin', data: zeros, deflate: true }]);
    expect(zip.length).toBeLessThan(300 * 1024);
    const problems = await problemsOf(zip);
    expect(problems.join()).toMatch(/bomb\.bin: compression ratio \d+:1 exceeds 200:1/);
  });

  it.each(inflaters)(
    'Z8: a lying (small) declared size stops inflation at the cap (%s)',
    async (_, primitives) => {
      const data = new Uint8Array(4 * 1024 * 1024).fill(1);
      const zip = rawZip([{ name: 'lie.bin', data, deflate: true, declaredSize: 1000 }]);
      const error = await firstEntryError(zip, primitives);
      expect(String(error)).toContain('lie.bin: inflates beyond its declared 1000 bytes');
    },
  );

  it('Z8: a stored entry whose sizes disagree is refused', async () => {
    const problems = await problemsOf(
      rawZip([{ name: 's.bin', data: text('abcdef'), declaredSize: 3 }]),
    );
    expect(problems).toContain('s.bin: stored entry with different stored and declared sizes');
  });

  it.each(inflaters)(
    'Z8: a declared size larger than the data is refused (%s)',
    async (_, primitives) => {
      const zip = rawZip([
        { name: 'short.txt', data: text('abc'.repeat(100)), deflate: true, declaredSize: 100_000 },
      ]);
      const error = await firstEntryError(zip, primitives);
      expect(String(error)).toContain('short.txt: has 300 bytes, declares 100000');
    },
  );

  it('Z9: a flipped data byte fails the CRC-32', async () => {
    const zip = rawZip([{ name: 'b.bin', data: new Uint8Array(300).fill(9) }]);
    const flipped = zip.slice();
    flipped[30 + 5 + 10]! ^= 0x01;
    const error = await firstEntryError(flipped, jsPrimitives);
    expect(String(error)).toContain('b.bin: CRC-32 mismatch');
  });

  it('refuses a huge declared entry count before reading the directory', async () => {
    const zip = rawZip([{ name: 'a.txt', data: text('a') }], { count: 0xfffe });
    expect((await openError(zip)).message).toMatch(/implausible/);
    const small = await openZip(bytesSource(zip), {
      maxEntries: 10,
      maxEntrySize: 1e9,
      maxTotalSize: 1e9,
      maxRatio: 100,
      ratioFloor: 1,
      maxCentralDirectory: 1e6,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(small)).toContain('65534 entries, more than the limit of 10');
  });

  it('refuses encrypted entries and unknown methods', async () => {
    expect(
      (await openError(rawZip([{ name: 'e.txt', data: text('x'), flags: 0x0801 }]))).message,
    ).toContain('encrypted');
  });

  it('reports non-ZIP input as unreadable', async () => {
    const error = await openError(text('this is not a zip file at all, just text'));
    expect(error.kind).toBe('unreadable');
  });
});

describe('verifyPackage on hostile archives', () => {
  it('reports a bomb by name without inflating it, and the missing signature', async () => {
    const { verifyPackage } = await import('../../../lib/evidence/verify');
    const zip = rawZip([
      { name: 'bomb.bin', data: new Uint8Array(64 * 1024 * 1024), deflate: true },
      { name: 'manifest.json', data: new TextEncoder().encode('{}') },
    ]);
    const before = process.memoryUsage().rss;
    const report = await verifyPackage(bytesSource(zip));
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(report.verdict).toBe('invalid');
    const text = report.failures.map((f) => `${f.file}: ${f.message}`).join('\n');
    expect(text).toMatch(/bomb\.bin: compression ratio \d+:1 exceeds 200:1/);
    expect(text).toContain('statement.sig: missing (signature stripped?)');
    expect(text).toMatch(/manifest\.json: (not in canonical form|format)/);
  });

  it('reports junk-prefixed and truncated packages as invalid/unreadable with the reason', async () => {
    const { verifyPackage } = await import('../../../lib/evidence/verify');
    const good = rawZip([{ name: 'a.txt', data: text('a') }]);
    const junk = await verifyPackage(
      bytesSource(new Uint8Array([...new Uint8Array(400), ...good])),
    );
    expect(junk.verdict).toBe('invalid');
    expect(junk.failures[0]!.message).toMatch(/400 unexplained bytes/);
    const cut = await verifyPackage(bytesSource(good.subarray(0, good.length - 5)));
    expect(cut.verdict).toBe('unreadable');
  });
});
