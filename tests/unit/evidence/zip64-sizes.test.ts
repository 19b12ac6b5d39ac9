// Zip64 at the size and offset boundaries, with the writer's default thresholds: entries between
// 2^31 and 2^32 bytes (signed 32-bit trouble), an entry over 4 GiB, offsets past 2^32, and sizes
// and offsets of exactly 0xFFFFFFFF. The records hold the sentinel only where a value does not
// fit, our reader gets every byte back, and Info-ZIP reads the same offsets and sizes. The
// archives are virtual (support/virtual-archive.ts): no gigabytes on disk or in memory.
import { describe, expect, it } from 'vitest';
import { nodePrimitives } from '../../../cli/node/primitives';
import { MAX16, MAX32 } from '../../../lib/evidence/zip/format';
import { openZip } from '../../../lib/evidence/zip/reader';
import { ZipWriter } from '../../../lib/evidence/zip/writer';
import { BIG, GiB, MiB, NOW, OVER_4GIB } from './support/constants';
import { stored } from './support/generated-data';
import { hasSparseUnzip, zipinfo } from './support/info-zip';
import { addAll, readBack, uncrc, VirtualArchive, type Written } from './support/virtual-archive';
import { centralFields, endRecords } from './support/zip-records';

/** a.bin's local header (35 bytes), data and descriptor (16) end exactly at 0xFFFFFFFF. */
const JUST_BELOW = MAX32 - 35 - 16;

/** a.bin, then b.bin of exactly 0xFFFFFFFF bytes at offset 0xFFFFFFFF, then c.txt. */
async function sentinelArchive(): Promise<{ archive: VirtualArchive; offsets: number[] }> {
  const archive = new VirtualArchive();
  const writer = new ZipWriter(archive.target, { primitives: uncrc, modified: NOW });
  const offsets: number[] = [];
  for (const entry of [
    stored('a.bin', 6, JUST_BELOW),
    stored('b.bin', 7, MAX32),
    { name: 'c.txt', data: new TextEncoder().encode('c'), compress: true },
  ]) {
    offsets.push(writer.offset);
    await writer.add(entry);
  }
  await writer.finish();
  return { archive, offsets };
}

describe('entries over 2 GiB and 4 GiB, offsets past 4 GiB (default thresholds, virtual archive)', () => {
  it(
    'writes true 64-bit sizes and offsets only where needed, and every byte reads back',
    async () => {
      const archive = new VirtualArchive();
      const writer = new ZipWriter(archive.target, { primitives: nodePrimitives, modified: NOW });
      const text = new TextEncoder().encode('<p>deflated, small</p>\n'.repeat(100));
      const written = await addAll(writer, [
        { name: 'first.html', data: text, compress: true },
        // Between 2^31 and 2^32: plain 32-bit fields, where signed arithmetic goes wrong.
        stored('two.bin', 1, 2 * GiB + 1),
        // Over 4 GiB, starting between 2^31 and 2^32: Zip64 sizes.
        stored('big.bin', 2, OVER_4GIB),
        // Past 2^32: Zip64 offsets.
        { name: 'after.html', data: text, compress: true },
        stored('last.bin', 3, 3 * MiB + 5),
      ]);
      expect(await writer.finish()).toBe(archive.size);
      const [, two, big, after] = written as [Written, Written, Written, Written];
      expect([two.size, big.size]).toEqual([2 * GiB + 1, OVER_4GIB]);
      expect(big.offset).toBeGreaterThan(2 ** 31);
      expect(big.offset).toBeLessThan(2 ** 32);
      expect(after.offset).toBeGreaterThan(2 ** 32);
      const source = archive.source();

      // As stored: the sentinel wherever a value does not fit in 32 bits, no Zip64 extra where
      // all do, and every field decoding to its true value.
      const end = await endRecords(source);
      expect(end).toMatchObject({ count16: MAX16, cdSize32: MAX32, cdOffset32: MAX32 });
      expect(end.zip64!.count).toBe(5);
      expect(end.zip64!.cdOffset).toBeGreaterThan(2 ** 32);
      const cd = await centralFields(source);
      expect(cd.map((c) => [c.name, c.offset, c.size])).toEqual(
        written.map((w) => [w.name, w.offset, w.size]),
      );
      expect(cd.map((c) => c.compressedSize).slice(1, 3)).toEqual([two.size, big.size]);
      expect(cd[0]).toMatchObject({ needed: 20, zip64: null });
      expect(cd[1]).toMatchObject({
        needed: 20,
        size32: two.size,
        offset32: two.offset,
        zip64: null,
      });
      expect(cd[2]).toMatchObject({ needed: 45, size32: MAX32, compressed32: MAX32 });
      expect(cd[3]).toMatchObject({ needed: 45, offset32: MAX32 });
      expect(cd[4]).toMatchObject({ needed: 45, offset32: MAX32 });

      // Our reader: the true values, and every byte back with its CRC-32 and SHA-256.
      const opened = await openZip(source);
      expect(opened.problems).toEqual([]);
      expect(opened.entries.map((e) => [e.name, e.localOffset, e.size])).toEqual(
        written.map((w) => [w.name, w.offset, w.size]),
      );
      for (const [i, entry] of opened.entries.entries()) {
        expect(await readBack(source, entry)).toEqual({
          sha256: written[i]!.sha256,
          size: written[i]!.size,
        });
      }

      // Info-ZIP reads the same offsets and sizes.
      const info = zipinfo(archive);
      if (info) {
        expect(info).toEqual({
          clean: true,
          offsets: written.map((w) => w.offset),
          sizes: written.map((w) => w.size),
        });
      }
    },
    BIG,
  );

  it('sizes, offsets and a central directory offset of exactly 0xFFFFFFFF (the sentinel) go to Zip64', async () => {
    const { archive, offsets } = await sentinelArchive();
    expect(offsets.slice(0, 2)).toEqual([0, MAX32]);
    const cd = await centralFields(archive.source());
    const opened = await openZip(archive.source());
    expect(cd.map((c) => [c.offset, c.size, c.compressedSize])).toEqual([
      [0, JUST_BELOW, JUST_BELOW],
      [MAX32, MAX32, MAX32],
      [offsets[2], 1, opened.entries[2]!.compressedSize],
    ]);
    expect(cd[0]).toMatchObject({ size32: JUST_BELOW, offset32: 0, zip64: null });
    expect(cd[1]).toMatchObject({ size32: MAX32, compressed32: MAX32, offset32: MAX32 });
    expect(cd[2]).toMatchObject({ offset32: MAX32 });
    expect(opened.problems).toEqual([]);
    expect(opened.entries.map((e) => [e.localOffset, e.size])).toEqual([
      [0, JUST_BELOW],
      [MAX32, MAX32],
      [offsets[2], 1],
    ]);

    // The central directory itself starting at 0xFFFFFFFF.
    const alone = new VirtualArchive();
    const single = new ZipWriter(alone.target, { primitives: uncrc, modified: NOW });
    await single.add(stored('a.bin', 6, JUST_BELOW));
    await single.finish();
    const end = await endRecords(alone.source());
    expect(end).toMatchObject({ cdOffset32: MAX32, zip64: { count: 1, cdOffset: MAX32 } });
    expect((await openZip(alone.source())).entries).toMatchObject([{ size: JUST_BELOW }]);
  });

  // Info-ZIP unzip 6.0 (the unzip of Linux distributions and macOS) decides which Zip64 fields a
  // record carries partly from the previous entry (process.c getZip64Data); with only some fields
  // present it misread the entry after one of exactly 0xFFFFFFFF bytes. The writer therefore gives
  // every record that needs Zip64 all three 64-bit values, as Go's archive/zip does.
  (hasSparseUnzip ? it : it.skip)(
    'Info-ZIP lists the entry after one of exactly 0xFFFFFFFF bytes',
    async () => {
      const { archive, offsets } = await sentinelArchive();
      expect(zipinfo(archive)).toEqual({
        clean: true,
        offsets,
        sizes: [JUST_BELOW, MAX32, 1],
      });
    },
  );
});
