import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsPrimitives } from '../../../lib/evidence/primitives';
import { openZip, readEntryBytes } from '../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { zipOf } from './support/write-zip';

function systemUnzipOk(zip: Uint8Array): string | null {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dalel-zip-'));
  try {
    writeFileSync(join(dir, 'a.zip'), zip);
    return execFileSync('unzip', ['-t', join(dir, 'a.zip')]).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entryArb = fc.record({
  name: fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9]{1,8})?\.(txt|bin)$/),
  data: fc.uint8Array({ maxLength: 3000 }),
  compress: fc.boolean(),
});

describe('streaming ZIP writer', () => {
  it('round-trips any entries through our reader, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(entryArb, { selector: (e) => e.name.toLowerCase(), maxLength: 6 }),
        async (entries) => {
          const zip = await zipOf(entries.map((e) => ({ ...e, size: e.data.length })));
          const archive = await openZip(bytesSource(zip));
          expect(archive.problems).toEqual([]);
          expect(archive.entries.map((e) => e.name)).toEqual(entries.map((e) => e.name));
          for (const [i, e] of archive.entries.entries()) {
            expect(await readEntryBytes(bytesSource(zip), e, jsPrimitives, 1e6)).toEqual(
              entries[i]!.data,
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stores media (compressed size = size) and deflates text', async () => {
    const text = new TextEncoder().encode('<p>hello</p>'.repeat(500));
    const zip = await zipOf([
      { name: 'a.png', data: text, compress: false },
      { name: 'a.html', data: text, compress: true },
    ]);
    const [png, html] = (await openZip(bytesSource(zip))).entries;
    expect(png!.compressedSize).toBe(text.length);
    expect(html!.compressedSize).toBeLessThan(text.length / 10);
  });

  it('writes Zip64 records past a (lowered) size, offset and entry-count threshold, readable by unzip and by us', async () => {
    const big = new Uint8Array(5000).map((_, i) => i & 0xff);
    const entries = [
      { name: 'small.txt', data: new TextEncoder().encode('hi'), compress: true },
      { name: 'big.bin', data: new Blob([big]), size: big.length, compress: false },
      {
        name: 'after.txt',
        data: new TextEncoder().encode('after the threshold offset'),
        compress: true,
      },
      { name: 'last.bin', data: big, compress: false },
    ];
    const zip = await zipOf(entries, { zip64Threshold: 1000, maxEntries16: 2 });
    const view = new DataView(zip.buffer);
    expect(view.getUint32(zip.length - 22, true)).toBe(0x06054b50);
    expect(view.getUint16(zip.length - 22 + 10, true)).toBe(0xffff);
    expect(view.getUint32(zip.length - 42, true)).toBe(0x07064b50);
    const archive = await openZip(bytesSource(zip));
    expect(archive.entries.map((e) => [e.name, e.size])).toEqual([
      ['small.txt', 2],
      ['big.bin', 5000],
      ['after.txt', 26],
      ['last.bin', 5000],
    ]);
    expect(await readEntryBytes(bytesSource(zip), archive.entries[1]!, jsPrimitives, 1e6)).toEqual(
      big,
    );
    const unzip = systemUnzipOk(zip);
    if (unzip !== null) expect(unzip).toContain('No errors detected');
  });

  it('without Zip64 needs, the archive is plain ZIP that unzip accepts', async () => {
    const zip = await zipOf([
      { name: 'x.txt', data: new TextEncoder().encode('x'), compress: true },
    ]);
    const unzip = systemUnzipOk(zip);
    if (unzip !== null) expect(unzip).toContain('No errors detected');
    expect(new DataView(zip.buffer).getUint32(zip.length - 42, true)).not.toBe(0x07064b50);
  });

  it('refuses streams that lie about their size (longer or shorter), never writing a corrupt archive', async () => {
    const stream = (n: number): ReadableStream<Uint8Array> =>
      new Blob([new Uint8Array(n)]).stream();
    await expect(
      zipOf([{ name: 'long.bin', data: stream(2000), size: 1000, compress: false }]),
    ).rejects.toThrow(/long\.bin: data longer than its declared 1000 bytes/);
    await expect(
      zipOf([{ name: 'short.bin', data: stream(500), size: 1000, compress: false }]),
    ).rejects.toThrow(/short\.bin: declared 1000 bytes but the data had 500/);
    await expect(
      zipOf([{ name: 'g.txt', data: stream(2000), size: 2000, compress: true }], {
        zip64Threshold: 1000,
      }),
    ).resolves.toBeInstanceOf(Uint8Array);
  });

  it('streams of unknown size get Zip64 local records, so they may grow past any threshold', async () => {
    const data = new Uint8Array(3000).map((_, i) => (i * 7) & 0xff);
    const zip = await zipOf(
      [{ name: 'grow.bin', data: new Blob([data]).stream(), compress: true }],
      { zip64Threshold: 1000 },
    );
    const archive = await openZip(bytesSource(zip));
    expect(await readEntryBytes(bytesSource(zip), archive.entries[0]!, jsPrimitives, 1e6)).toEqual(
      data,
    );
    const unzip = systemUnzipOk(zip);
    if (unzip !== null) expect(unzip).toContain('No errors detected');
  });
});
