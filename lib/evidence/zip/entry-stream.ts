import type { Primitives } from '../primitives';
import { outcome } from '../verify-messages';
import { defaultInflate, TrailingDataError } from './codec';
import { DescriptorScan } from './descriptor-scan';
import { FLAG_DESCRIPTOR, METHOD_DEFLATE } from './format';
import { readExact, ZipError, type ZipEntry } from './entry';
import type { ZipSource } from './source';

// Reads are few and large: each read of a File slice in Chromium costs ~1 ms of IPC whatever its
// size, so 1 MiB reads spent more time slicing than hashing (bench/chromium-export.bench.ts).
const READ_CHUNK = 16 * 1024 * 1024;
// Deflate expands at most ~1032:1, so one piece of this many compressed bytes can emit at most
// ~66 MiB before the size cap fires: the worst-case memory of a lying entry. (fflate's streaming
// inflate gets much slower with smaller pieces: 16 KiB ~50 MB/s, 64 KiB ~125 MB/s.)
const DEFLATE_PIECE = 64 * 1024;

/**
 * The entry's stored bytes, read in large slices (the next one read while this one is used) and
 * handed on in `piece`-sized parts.
 */
async function* storedBytes(
  source: ZipSource,
  entry: ZipEntry,
  piece: number,
): AsyncGenerator<Uint8Array> {
  const end = entry.dataOffset + entry.compressedSize;
  const slice = (at: number) => {
    const read = readExact(source, at, Math.min(READ_CHUNK, end - at), entry.name);
    read.catch(() => {}); // reported when awaited, not as an unhandled rejection
    return read;
  };
  let next = entry.dataOffset < end ? slice(entry.dataOffset) : null;
  for (let at = entry.dataOffset; next; at += READ_CHUNK) {
    const chunk = await next;
    next = at + READ_CHUNK < end ? slice(at + READ_CHUNK) : null;
    for (let p = 0; p < chunk.length; p += piece) yield chunk.subarray(p, p + piece);
  }
}

/**
 * The uncompressed bytes of an entry, in chunks. Stops with an error as soon as output passes
 * the declared size (so a lying or bomb entry costs at most one piece of inflation), refuses bytes
 * after the end of a DEFLATE stream and descriptor look-alikes in stored data (either would make
 * streaming readers see other entries), and checks the length and CRC-32 at the end.
 */
export async function* readEntry(
  source: ZipSource,
  entry: ZipEntry,
  primitives: Primitives,
): AsyncGenerator<Uint8Array> {
  if (entry.dataOffset < 0) throw new Error(`${entry.name}: archive not validated`);
  const invalid = (o: ReturnType<typeof outcome>) => new ZipError(o, 'invalid', entry.name);
  const deflated = entry.method === METHOD_DEFLATE;
  const inflate = primitives.inflateRaw ?? defaultInflate();
  const output = deflated
    ? inflate(storedBytes(source, entry, DEFLATE_PIECE))
    : storedBytes(source, entry, READ_CHUNK);
  const scan =
    !deflated && entry.flags & FLAG_DESCRIPTOR
      ? new DescriptorScan(primitives.crc32, primitives.findBytes)
      : null;
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of output) {
      produced += chunk.length;
      if (produced > entry.size)
        throw invalid(outcome('zip_inflates_beyond', { size: entry.size }));
      const at = scan ? scan.push(chunk) : -1;
      if (at >= 0) throw invalid(outcome('zip_fake_descriptor', { at }));
      crc = primitives.crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipError || !deflated) throw error;
    if (error instanceof TrailingDataError) throw invalid(outcome('zip_deflate_trailing'));
    throw invalid(outcome('zip_corrupt_deflate', { detail: (error as Error).message }));
  }
  const at = scan ? scan.finish() : -1;
  if (at >= 0) throw invalid(outcome('zip_fake_descriptor', { at }));
  if (produced !== entry.size)
    throw invalid(outcome('zip_length_mismatch', { actual: produced, size: entry.size }));
  if (crc !== entry.crc) throw invalid(outcome('zip_crc'));
}

/** A whole (small) entry in memory; refuses entries over `max` bytes before reading them. */
export async function readEntryBytes(
  source: ZipSource,
  entry: ZipEntry,
  primitives: Primitives,
  max: number,
): Promise<Uint8Array> {
  if (entry.size > max)
    throw new ZipError(outcome('zip_entry_cap', { size: entry.size, max }), 'invalid', entry.name);
  const parts: Uint8Array[] = [];
  for await (const c of readEntry(source, entry, primitives)) parts.push(c);
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(entry.size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
