// The reader's limits (DEFAULT_LIMITS): an archive claiming too many entries, too large a central
// directory, an entry or a total too large is refused, with the limit named, before anything
// large is read.
import { describe, expect, it } from 'vitest';
import { nodePrimitives } from '../../../cli/node/primitives';
import { verifyPackage } from '../../../lib/evidence/verify';
import {
  LeWriter,
  MAX16,
  MAX32,
  SIG,
  zip64EndRecord,
  zip64Locator,
} from '../../../lib/evidence/zip/format';
import { DEFAULT_LIMITS, openZip, ZipError } from '../../../lib/evidence/zip/reader';
import type { ZipSource } from '../../../lib/evidence/zip/source';
import { ZipWriter } from '../../../lib/evidence/zip/writer';
import { failureText } from './package-fixture';
import { MiB, NOW } from './support/constants';
import { generatedStream } from './support/generated-data';
import { uncrc, VirtualArchive } from './support/virtual-archive';

/** Only the end records of an archive claiming `count` entries in `cdSize` bytes (a hole). */
function claimedArchive(count: number, cdSize: number): VirtualArchive {
  const archive = new VirtualArchive();
  archive.hole(cdSize);
  archive.append(zip64EndRecord(count, cdSize, 0));
  archive.append(zip64Locator(cdSize));
  archive.append(
    new LeWriter(22).u32(SIG.end).u16(0).u16(0).u16(MAX16).u16(MAX16).u32(MAX32).u32(MAX32).u16(0)
      .bytes,
  );
  return archive;
}

async function openError(source: ZipSource): Promise<string> {
  const error = await openZip(source).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZipError);
  return (error as ZipError).message;
}

describe('reader limits (DEFAULT_LIMITS): refused before anything large is read', () => {
  const { maxEntries, maxCentralDirectory, maxEntrySize, maxTotalSize } = DEFAULT_LIMITS;

  it(`more than ${maxEntries} entries: refused from the end records alone`, async () => {
    const over = claimedArchive(maxEntries + 1, (maxEntries + 1) * 46);
    expect(await openError(over.source())).toBe(
      `${maxEntries + 1} entries, more than the limit of ${maxEntries}`,
    );
    expect(over.bytesRead).toBeLessThan(128 * 1024);
    // At the limit the count passes, and the (all-zero) central directory is what fails.
    const at = claimedArchive(maxEntries, maxEntries * 46);
    expect(await openError(at.source())).toBe('central directory entry 0 is damaged');
  });

  it('a central directory over 128 MiB: refused before it is read', async () => {
    const archive = claimedArchive(1000, maxCentralDirectory + 1);
    expect(await openError(archive.source())).toBe(
      `central directory size ${maxCentralDirectory + 1} is implausible for 1000 entries`,
    );
    expect(archive.bytesRead).toBeLessThan(128 * 1024);
  });

  it('an entry over 64 GiB and a total over 256 GiB, as our writer makes them: named with the limit, nothing read', async () => {
    const archive = new VirtualArchive();
    const writer = new ZipWriter(archive.target, { primitives: uncrc, modified: NOW });
    const huge = maxEntrySize + 1;
    const fill = (maxTotalSize - maxEntrySize) / 4;
    await writer.add({
      name: 'huge.bin',
      data: generatedStream(4, huge),
      size: huge,
      compress: false,
    });
    for (const name of ['a.bin', 'b.bin', 'c.bin', 'd.bin'])
      await writer.add({ name, data: generatedStream(5, fill), size: fill, compress: false });
    await writer.finish();
    const source = archive.source();
    const { entries, problems } = await openZip(source);
    expect(entries.map((e) => e.size)).toEqual([huge, fill, fill, fill, fill]);
    expect(problems.map(({ name, reason }) => ({ name, reason }))).toEqual([
      {
        name: 'huge.bin',
        reason: `declares ${huge} bytes, more than the limit of ${maxEntrySize}`,
      },
      {
        name: '(archive)',
        reason: `declares ${huge + 4 * fill} bytes in total, more than the limit of ${maxTotalSize}`,
      },
    ]);
    expect(problems.map((p) => p.outcome.code)).toEqual([
      'zip_entry_too_large',
      'zip_total_too_large',
    ]);
    const report = await verifyPackage(source, { primitives: nodePrimitives });
    expect(report.verdict).toBe('invalid');
    expect(failureText(report)).toContain(`huge.bin: declares ${huge} bytes, more than the limit`);
    expect(archive.bytesRead).toBeLessThan(MiB);
  });
});
