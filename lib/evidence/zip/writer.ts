// A streaming ZIP writer: entries go out as they are read (data descriptors), STORE for media,
// DEFLATE for text, and Zip64 records whenever a size, offset or count needs them, so archives
// over 4 GB, entries over 4 GiB and more than 65,535 entries come out valid instead of corrupt.
import type { Primitives } from '../primitives';
import {
  dosDateTime,
  FLAG_DESCRIPTOR,
  LeWriter,
  MAX16,
  MAX32,
  METHOD_DEFLATE,
  METHOD_STORE,
  SIG,
  ZIP64_EXTRA,
  zip64EndRecord,
  zip64Locator,
} from './format';
import { chunksOf, deflateLevel, knownSize, type EntryData } from './entry-data';
import { ByteSink, type SinkTarget } from './sink';
import { fflateDeflate } from './codec';

export interface ZipWriterOptions {
  primitives: Primitives;
  /** Modification time written on every entry. */
  modified: Date;
  /** Sizes and offsets at or above this use Zip64 (tests lower it to exercise Zip64). */
  zip64Threshold?: number;
  /** Entry counts at or above this use a Zip64 end record (0xFFFF itself means "see Zip64"). */
  maxEntries16?: number;
}

export type { EntryData } from './entry-data';

export interface ZipEntryInput {
  name: string;
  data: EntryData;
  /** Declared size; the written bytes must match it exactly. Unknown (undefined) only for text we generate. */
  size?: number;
  compress: boolean;
  /** Sees every uncompressed chunk, e.g. to hash it. */
  onChunk?: (chunk: Uint8Array) => void;
}

export interface WrittenEntry {
  name: string;
  size: number;
  compressedSize: number;
  crc: number;
}

interface CentralRecord extends WrittenEntry {
  method: number;
  offset: number;
  nameBytes: Uint8Array;
}

export class ZipSizeError extends Error {}

export class ZipWriter {
  private readonly sink: ByteSink;
  private readonly records: CentralRecord[] = [];
  private readonly threshold: number;
  private readonly maxEntries16: number;
  private readonly dos: { date: number; time: number };
  private finished = false;

  constructor(
    target: SinkTarget,
    private readonly options: ZipWriterOptions,
  ) {
    this.sink = new ByteSink(target);
    this.threshold = options.zip64Threshold ?? MAX32;
    this.maxEntries16 = options.maxEntries16 ?? MAX16;
    this.dos = dosDateTime(options.modified);
  }

  /** Bytes written so far. */
  get offset(): number {
    return this.sink.written;
  }

  async add(input: ZipEntryInput): Promise<WrittenEntry> {
    const entry = { ...input, size: input.size ?? knownSize(input.data) };
    if (this.finished) throw new Error('zip: add after finish');
    const nameBytes = new TextEncoder().encode(entry.name);
    if (nameBytes.length > MAX16) throw new ZipSizeError(`${entry.name}: name too long`);
    const offset = this.sink.written;
    const method = entry.compress ? METHOD_DEFLATE : METHOD_STORE;
    const expectedMax =
      entry.size === undefined ? 0 : entry.size + (entry.compress ? entry.size / 100 + 65_536 : 0);
    // Unknown size (generated text): always Zip64 locally, so any length is representable.
    const local64 = entry.size === undefined || expectedMax >= this.threshold;
    await this.sink.write(this.localHeader(nameBytes, method, local64));
    const { size, compressedSize, crc } = await this.writeData(entry, method);
    if (entry.size !== undefined && size !== entry.size) {
      throw new ZipSizeError(
        `${entry.name}: declared ${entry.size} bytes but the data had ${size}`,
      );
    }
    if (!local64 && (size >= this.threshold || compressedSize >= this.threshold)) {
      throw new ZipSizeError(`${entry.name}: grew past the Zip64 limit without a declared size`);
    }
    const d = new LeWriter(local64 ? 24 : 16).u32(SIG.descriptor).u32(crc);
    if (local64) d.u64(compressedSize).u64(size);
    else d.u32(compressedSize).u32(size);
    await this.sink.write(d.bytes);
    const record = { name: entry.name, nameBytes, method, offset, size, compressedSize, crc };
    this.records.push(record);
    return { name: entry.name, size, compressedSize, crc };
  }

  /** Write the central directory and end records; returns the archive size. */
  async finish(): Promise<number> {
    if (this.finished) throw new Error('zip: finished twice');
    this.finished = true;
    const cdStart = this.sink.written;
    for (const r of this.records) await this.sink.write(this.centralHeader(r));
    const cdSize = this.sink.written - cdStart;
    const count = this.records.length;
    const need64 =
      count >= this.maxEntries16 || cdStart >= this.threshold || cdSize >= this.threshold;
    if (need64) {
      const endOffset = this.sink.written;
      await this.sink.write(zip64EndRecord(count, cdSize, cdStart));
      await this.sink.write(zip64Locator(endOffset));
    }
    const count16 = need64 ? MAX16 : count;
    await this.sink.write(
      new LeWriter(22)
        .u32(SIG.end)
        .u16(0)
        .u16(0)
        .u16(count16)
        .u16(count16)
        .u32(need64 ? MAX32 : cdSize)
        .u32(need64 ? MAX32 : cdStart)
        .u16(0).bytes,
    );
    await this.sink.close();
    return this.sink.written;
  }

  /** Abort: release the sink without writing a central directory (the output is unusable). */
  async abort(reason: unknown): Promise<void> {
    this.finished = true;
    await this.sink.abort(reason);
  }

  private localHeader(nameBytes: Uint8Array, method: number, zip64: boolean): Uint8Array {
    const w = new LeWriter(30 + nameBytes.length + (zip64 ? 20 : 0))
      .u32(SIG.local)
      .u16(zip64 ? 45 : 20)
      .u16(FLAG_DESCRIPTOR)
      .u16(method)
      .u16(this.dos.time)
      .u16(this.dos.date)
      .u32(0)
      .u32(zip64 ? MAX32 : 0)
      .u32(zip64 ? MAX32 : 0)
      .u16(nameBytes.length)
      .u16(zip64 ? 20 : 0)
      .raw(nameBytes);
    if (zip64) w.u16(ZIP64_EXTRA).u16(16).u64(0).u64(0);
    return w.bytes;
  }

  private centralHeader(r: CentralRecord): Uint8Array {
    // A record that needs any Zip64 field gets all three (sizes and offset as 0xFFFFFFFF, the
    // true values in the extra field), as Go's archive/zip writes them: Info-ZIP unzip 6.0 decides
    // which fields a record carries partly from the previous entry, and misreads the entry after
    // one of exactly 0xFFFFFFFF bytes when only some fields are there (its process.c).
    const any64 =
      r.size >= this.threshold || r.compressedSize >= this.threshold || r.offset >= this.threshold;
    const w = new LeWriter(46 + r.nameBytes.length + (any64 ? 28 : 0))
      .u32(SIG.central)
      .u16((3 << 8) | 45)
      .u16(any64 ? 45 : 20)
      .u16(FLAG_DESCRIPTOR)
      .u16(r.method)
      .u16(this.dos.time)
      .u16(this.dos.date)
      .u32(r.crc)
      .u32(any64 ? MAX32 : r.compressedSize)
      .u32(any64 ? MAX32 : r.size)
      .u16(r.nameBytes.length)
      .u16(any64 ? 28 : 0)
      .u16(0)
      .u16(0)
      .u16(0)
      .u32((0o100644 << 16) >>> 0)
      .u32(any64 ? MAX32 : r.offset)
      .raw(r.nameBytes);
    if (any64) w.u16(ZIP64_EXTRA).u16(24).u64(r.size).u64(r.compressedSize).u64(r.offset);
    return w.bytes;
  }

  private async writeData(
    entry: ZipEntryInput,
    method: number,
  ): Promise<Omit<WrittenEntry, 'name'>> {
    const { crc32, deflateRaw = fflateDeflate } = this.options.primitives;
    const read = { size: 0, crc: 0 };
    // The uncompressed bytes, checked against the declared size, CRC'd and shown to `onChunk`
    // on their way to the compressor (or straight to the archive).
    async function* uncompressed(): AsyncGenerator<Uint8Array> {
      for await (const chunk of chunksOf(entry.data)) {
        if (chunk.length === 0) continue;
        read.size += chunk.length;
        if (entry.size !== undefined && read.size > entry.size) {
          throw new ZipSizeError(
            `${entry.name}: data longer than its declared ${entry.size} bytes`,
          );
        }
        read.crc = crc32(chunk, read.crc);
        entry.onChunk?.(chunk);
        yield chunk;
      }
    }
    const stored =
      method === METHOD_DEFLATE
        ? deflateRaw(uncompressed(), deflateLevel(entry.size))
        : uncompressed();
    let compressedSize = 0;
    for await (const chunk of stored) {
      compressedSize += chunk.length;
      await this.sink.write(chunk);
    }
    return { size: read.size, compressedSize, crc: read.crc };
  }
}
