import type { Primitives } from '../primitives';
import { defaultInflate } from './codec';
import { METHOD_DEFLATE } from './format';
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
 * the declared size (so a lying or bomb entry costs at most one piece of inflation), and checks
 * the length and CRC-32 at the end.
 */
export async function* readEntry(
  source: ZipSource,
  entry: ZipEntry,
  primitives: Primitives,
): AsyncGenerator<Uint8Array> {
  if (entry.dataOffset < 0) throw new Error(`${entry.name}: archive not validated`);
  const deflated = entry.method === METHOD_DEFLATE;
  const inflate = primitives.inflateRaw ?? defaultInflate();
  const output = deflated
    ? inflate(storedBytes(source, entry, DEFLATE_PIECE))
    : storedBytes(source, entry, READ_CHUNK);
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of output) {
      produced += chunk.length;
      if (produced > entry.size) {
        throw new ZipError(
          `inflates beyond its declared ${entry.size} bytes (lying size or zip bomb)`,
          'invalid',
          entry.name,
        );
      }
      crc = primitives.crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipError || !deflated) throw error;
    throw new ZipError(
      `corrupt compressed data (${(error as Error).message})`,
      'invalid',
      entry.name,
    );
  }
  if (produced !== entry.size) {
    throw new ZipError(`has ${produced} bytes, declares ${entry.size}`, 'invalid', entry.name);
  }
  if (crc !== entry.crc)
    throw new ZipError('CRC-32 mismatch (damaged or altered data)', 'invalid', entry.name);
}

/** A whole (small) entry in memory; refuses entries over `max` bytes before reading them. */
export async function readEntryBytes(
  source: ZipSource,
  entry: ZipEntry,
  primitives: Primitives,
  max: number,
): Promise<Uint8Array> {
  if (entry.size > max)
    throw new ZipError(
      `is ${entry.size} bytes, more than ${max} allowed for this file`,
      'invalid',
      entry.name,
    );
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
