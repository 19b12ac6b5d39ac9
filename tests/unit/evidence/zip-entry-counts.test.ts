// Zip64 at the entry-count boundary, with the writer's default thresholds: more than 65,535
// entries, and exactly 65,535 (the sentinel itself), get a Zip64 end record with the true count,
// and every entry reads back, by our reader and by unzip.
import { describe, expect, it } from 'vitest';
import { nodePrimitives } from '../../../cli/node/primitives';
import { concatBytes } from '../../../lib/evidence/hex';
import { MAX16, MAX32 } from '../../../lib/evidence/zip/format';
import { openZip, readEntryBytes } from '../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { ZipWriter } from '../../../lib/evidence/zip/writer';
import { NOW } from './support/constants';
import { unzipTest } from './support/info-zip';
import { endRecords } from './support/zip-records';

const entryName = (i: number): string => `e/${String(i).padStart(6, '0')}.txt`;
const entryText = (i: number): Uint8Array => new TextEncoder().encode(`entry ${i}\n`);

/** `count` tiny entries, every 1000th deflated, the rest stored. */
async function manyEntries(count: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const writer = new ZipWriter(async (c) => void parts.push(c.slice()), {
    primitives: nodePrimitives,
    modified: NOW,
  });
  for (let i = 0; i < count; i++)
    await writer.add({ name: entryName(i), data: entryText(i), compress: i % 1000 === 0 });
  await writer.finish();
  return concatBytes(parts);
}

/** Our reader sees `count` entries with the right names and a sample of right contents; so does unzip. */
async function expectEntries(zip: Uint8Array, count: number): Promise<void> {
  const archive = await openZip(bytesSource(zip));
  expect(archive.problems).toEqual([]);
  expect(archive.entries).toHaveLength(count);
  for (const i of [0, 1, 1000, 65_534, 65_535, 69_999, count - 1].filter((n) => n < count)) {
    const entry = archive.entries[i]!;
    expect(entry.name).toBe(entryName(i));
    expect(await readEntryBytes(bytesSource(zip), entry, nodePrimitives, 100)).toEqual(
      entryText(i),
    );
  }
  const unzip = unzipTest(zip);
  if (unzip !== null) expect(unzip).toContain('No errors detected');
}

describe('entry counts around 65,535 (default thresholds)', () => {
  it('70,000 entries: Zip64 end record with the true count, every entry readable by us and by unzip', async () => {
    const zip = await manyEntries(70_000);
    const end = await endRecords(bytesSource(zip));
    expect(end).toMatchObject({ count16: MAX16, cdSize32: MAX32, cdOffset32: MAX32 });
    expect(end.zip64).toMatchObject({ count: 70_000 });
    await expectEntries(zip, 70_000);
  });

  it('65,536 entries (one past 16 bits) get a Zip64 end record', async () => {
    const zip = await manyEntries(65_536);
    expect((await endRecords(bytesSource(zip))).zip64).toMatchObject({ count: 65_536 });
    await expectEntries(zip, 65_536);
  });

  it('65,534 entries fit a plain end record', async () => {
    const zip = await manyEntries(65_534);
    expect(await endRecords(bytesSource(zip))).toMatchObject({ count16: 65_534, zip64: null });
    await expectEntries(zip, 65_534);
  });

  // 0xFFFF in the plain end record means "see Zip64", so exactly 65,535 entries need the
  // Zip64 end record too (the writer once wrote a plain one, which our reader refused).
  it('65,535 entries (0xFFFF, the Zip64 sentinel itself) read back', async () => {
    const zip = await manyEntries(65_535);
    await expectEntries(zip, 65_535);
  });
});
