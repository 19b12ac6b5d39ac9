// Exactly when the ZIP writer (lib/evidence/zip/writer.ts) uses Zip64, at each threshold's edge
// (lowered through its test options): a local header by the size it expects, a central record
// by size, compressed size or offset, the end records by entry count or where the central
// directory starts. Read back field by field from the bytes, and by our reader. Then the
// writer's refusals (a name too long, a compressor that overruns, use after finish or abort)
// and what `add` answers. Fast, so the mutation target `zip-write` can afford them.
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../lib/evidence/hex';
import { jsPrimitives } from '../../../lib/evidence/primitives';
import { MAX32 } from '../../../lib/evidence/zip/format';
import { openZip, readEntryBytes } from '../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { ZipSizeError, type ZipEntryInput } from '../../../lib/evidence/zip/writer';
import { writerTo, zipOf } from './support/write-zip';

const stored = (name: string, size: number): ZipEntryInput => ({
  name,
  data: new Uint8Array(size).map((_, i) => (i * 31) & 0xff),
  size,
  compress: false,
});

/** The archive's records as written: end records, then each central and local header. */
function layout(zip: Uint8Array) {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(v.getUint32(end, true)).toBe(0x06054b50);
  const zip64 = end >= 20 && v.getUint32(end - 20, true) === 0x07064b50;
  let count = v.getUint16(end + 10, true);
  let cdStart = v.getUint32(end + 16, true);
  if (zip64) {
    const record = Number(v.getBigUint64(end - 20 + 8, true));
    expect(v.getUint32(record, true)).toBe(0x06064b50);
    count = Number(v.getBigUint64(record + 32, true));
    cdStart = Number(v.getBigUint64(record + 48, true));
  }
  const central = [];
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    expect(v.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const offset32 = v.getUint32(at + 42, true);
    const offset =
      extraLength === 28 ? Number(v.getBigUint64(at + 46 + nameLength + 20, true)) : offset32;
    central.push({
      versionNeeded: v.getUint16(at + 6, true),
      compressed32: v.getUint32(at + 20, true),
      size32: v.getUint32(at + 24, true),
      offset32,
      extraLength,
      local: {
        versionNeeded: v.getUint16(offset + 4, true),
        extraLength: v.getUint16(offset + 28, true),
      },
    });
    at += 46 + nameLength + extraLength + v.getUint16(at + 32, true);
  }
  return {
    zip64,
    count16: v.getUint16(end + 10, true),
    cdSize32: v.getUint32(end + 12, true),
    cdStart32: v.getUint32(end + 16, true),
    cdStart,
    central,
  };
}

/** Every entry reads back, byte for byte, through our reader. */
async function readsBack(zip: Uint8Array, entries: ZipEntryInput[]) {
  const archive = await openZip(bytesSource(zip));
  expect(archive.problems).toEqual([]);
  for (const [i, e] of archive.entries.entries())
    expect(await readEntryBytes(bytesSource(zip), e, jsPrimitives, 1e7)).toEqual(entries[i]!.data);
}

const T = 2000;

/** A compressor that reads its input and answers `n` bytes, whatever the input was. */
const answering = (n: number) =>
  async function* (input: AsyncIterable<Uint8Array>) {
    for await (const _ of input);
    yield new Uint8Array(n);
  };

describe('a local header is Zip64 when the size it expects reaches the threshold', () => {
  it('a stored entry: at the threshold Zip64, one byte under plain', async () => {
    for (const [size, zip64] of [
      [T, true],
      [T - 1, false],
    ] as const) {
      const entries = [stored('a.bin', size)];
      const zip = await zipOf(entries, { zip64Threshold: T });
      const [record] = layout(zip).central;
      expect(record!.local, String(size)).toEqual(
        zip64 ? { versionNeeded: 45, extraLength: 20 } : { versionNeeded: 20, extraLength: 0 },
      );
      await readsBack(zip, entries);
    }
  });

  it('a deflated entry expects its size, 1% more and 64 KiB: Zip64 exactly from there', async () => {
    // 1000 bytes may deflate to 1000 + 10 + 65,536 at worst.
    const limit = 1000 + 1000 / 100 + 65_536;
    for (const [size, zip64] of [
      [1000, true],
      [999, false],
    ] as const) {
      const entries: ZipEntryInput[] = [
        { name: 'a.txt', data: new Uint8Array(size).fill(0x61), size, compress: true },
      ];
      const zip = await zipOf(entries, { zip64Threshold: limit });
      expect(layout(zip).central[0]!.local.extraLength, String(size)).toBe(zip64 ? 20 : 0);
      await readsBack(zip, entries);
    }
  });
});

describe('a central record carries Zip64 fields when any of its numbers reaches the threshold', () => {
  const plain = (r: ReturnType<typeof layout>['central'][number]) => r.extraLength === 0;

  it('its size: at the threshold all three fields move to the extra field; one under, none', async () => {
    const at = layout(await zipOf([stored('a.bin', T)], { zip64Threshold: T })).central[0]!;
    expect([at.versionNeeded, at.extraLength, at.size32, at.compressed32, at.offset32]).toEqual([
      45,
      28,
      MAX32,
      MAX32,
      MAX32,
    ]);
    const under = layout(await zipOf([stored('a.bin', T - 1)], { zip64Threshold: T })).central[0]!;
    expect([under.versionNeeded, under.size32, under.offset32]).toEqual([20, T - 1, 0]);
    expect(plain(under)).toBe(true);
  });

  it('its size alone: bytes that compress well, exactly at the threshold', async () => {
    const entries: ZipEntryInput[] = [
      { name: 'z.txt', data: new Uint8Array(T).fill(0x7a), size: T, compress: true },
    ];
    const zip = await zipOf(entries, { zip64Threshold: T });
    const [record] = layout(zip).central;
    expect(record!.extraLength).toBe(28);
    await readsBack(zip, entries);
  });

  it('its compressed size alone, exactly at the threshold (a compressor that answers that much)', async () => {
    const zip = await zipOf(
      [{ name: 'c.txt', data: new Uint8Array(10), size: 10, compress: true }],
      {
        zip64Threshold: T,
        primitives: { ...jsPrimitives, deflateRaw: answering(T) },
      },
    );
    const [record] = layout(zip).central;
    expect([record!.extraLength, record!.size32]).toEqual([28, MAX32]);
  });

  it('its compressed size alone: bytes that do not compress, one short of the threshold', async () => {
    // Random bytes deflate to a few bytes more than they are: the compressed size reaches it.
    const data = crypto.getRandomValues(new Uint8Array(T - 1));
    const entries: ZipEntryInput[] = [{ name: 'r.txt', data, size: T - 1, compress: true }];
    const zip = await zipOf(entries, { zip64Threshold: T });
    const [record] = layout(zip).central;
    expect(record!.extraLength).toBe(28);
    await readsBack(zip, entries);
  });

  it('its offset: an entry starting exactly at the threshold; one byte earlier, plain', async () => {
    // A stored entry takes 30 + name + data + 16 (descriptor) bytes.
    for (const [first, zip64] of [
      [T - 51, true],
      [T - 52, false],
    ] as const) {
      const entries = [stored('a.bin', first), stored('b.bin', 10)];
      const zip = await zipOf(entries, { zip64Threshold: T });
      const [a, b] = layout(zip).central;
      expect(plain(a!), 'the first entry').toBe(true);
      expect(b!.extraLength, String(first)).toBe(zip64 ? 28 : 0);
      await readsBack(zip, entries);
    }
  });
});

describe('the end records are Zip64 when the count or the directory’s start reaches the limit', () => {
  it('three entries with the limit at three: Zip64, the 16-bit count 0xFFFF; two: plain', async () => {
    const three = layout(
      await zipOf([stored('a', 1), stored('b', 1), stored('c', 1)], { maxEntries16: 3 }),
    );
    expect([three.zip64, three.count16, three.cdSize32, three.cdStart32]).toEqual([
      true,
      0xffff,
      MAX32,
      MAX32,
    ]);
    const two = layout(await zipOf([stored('a', 1), stored('b', 1)], { maxEntries16: 3 }));
    expect([two.zip64, two.count16, two.cdStart32]).toEqual([false, 2, two.cdStart]);
  });

  it('the central directory starting exactly at the threshold: Zip64; one byte later threshold: plain', async () => {
    const entries = [stored('a.bin', 100), stored('b.bin', 100)];
    const start = layout(await zipOf(entries)).cdStart;
    // Every entry is far below it, so only the directory's start can decide.
    expect(layout(await zipOf(entries, { zip64Threshold: start })).zip64).toBe(true);
    expect(layout(await zipOf(entries, { zip64Threshold: start + 1 })).zip64).toBe(false);
  });
});

describe('what the writer refuses, and what it answers', () => {
  it('a name of 65,535 bytes is written; one more is refused', async () => {
    await expect(zipOf([stored('n'.repeat(0xffff), 1)])).resolves.toBeInstanceOf(Uint8Array);
    const long = 'n'.repeat(0x10000);
    await expect(zipOf([stored(long, 1)])).rejects.toThrow(ZipSizeError);
    await expect(zipOf([stored(long, 1)])).rejects.toThrow(`${long}: name too long`);
  });

  it('a compressor that overruns past the threshold a declared size allowed is refused', async () => {
    // 10 bytes expect at most 10 + 0.1 + 65,536 compressed: under this threshold, a plain header.
    const threshold = 65_600;
    const withCompressor = (n: number) =>
      zipOf([{ name: 'x.txt', data: new Uint8Array(10), size: 10, compress: true }], {
        zip64Threshold: threshold,
        primitives: { ...jsPrimitives, deflateRaw: answering(n) },
      });
    await expect(withCompressor(threshold - 1)).resolves.toBeInstanceOf(Uint8Array);
    await expect(withCompressor(threshold)).rejects.toThrow(
      'x.txt: grew past the Zip64 limit without a declared size',
    );
  });

  it('add answers the name, sizes and CRC it wrote; offset counts every byte so far', async () => {
    const parts: Uint8Array[] = [];
    const writer = writerTo(parts);
    expect(writer.offset).toBe(0);
    const written = await writer.add({
      name: 'a.txt',
      data: new TextEncoder().encode('abc'),
      size: 3,
      compress: false,
    });
    expect(written).toEqual({ name: 'a.txt', size: 3, compressedSize: 3, crc: 0x352441c2 });
    expect(writer.offset).toBe(30 + 5 + 3 + 16);
    const total = await writer.finish();
    expect(total).toBe(concatBytes(parts).length);
  });

  it('nothing is added after finish or abort, and finish happens once', async () => {
    const finished = writerTo([]);
    await finished.finish();
    await expect(finished.add(stored('late', 1))).rejects.toThrow('zip: add after finish');
    await expect(finished.finish()).rejects.toThrow('zip: finished twice');
    const aborted = writerTo([]);
    await aborted.abort(new Error('stopped'));
    await expect(aborted.add(stored('late', 1))).rejects.toThrow('zip: add after finish');
  });

  it('empty chunks of a stream are skipped: the hasher sees only bytes', async () => {
    const seen: number[] = [];
    const chunks = [new Uint8Array(0), new Uint8Array([1, 2]), new Uint8Array(0)];
    const data = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    await zipOf([
      { name: 'a.bin', data, size: 2, compress: false, onChunk: (c) => seen.push(c.length) },
    ]);
    expect(seen).toEqual([2]);
  });
});
