import { Inflate } from 'fflate';
import type { Digests } from '../digests';
import { METHOD_DEFLATE } from './format';
import { readExact, ZipError, type ZipEntry } from './entry';
import type { ZipSource } from './source';

// Reads are few and large: each read of a File slice in Chromium costs ~1 ms of IPC whatever its
// size, so 1 MiB reads spent more time slicing than hashing (bench/chromium-export.bench.ts).
const READ_CHUNK = 16 * 1024 * 1024;
// Deflate expands at most ~1032:1, so one push of this many compressed bytes can emit at most
// ~66 MiB before the size cap fires: the worst-case memory of a lying entry. Smaller pushes make
// fflate's streaming inflate much slower (16 KiB: ~50 MB/s, 64 KiB: ~125 MB/s).
const DEFLATE_PUSH = 64 * 1024;

/**
 * The uncompressed bytes of an entry, in chunks. Stops with an error as soon as output passes
 * the declared size (so a lying or bomb entry costs at most one chunk of inflation), and checks
 * the length and CRC-32 at the end.
 */
export async function* readEntry(
  source: ZipSource,
  entry: ZipEntry,
  digests: Digests,
): AsyncGenerator<Uint8Array> {
  if (entry.dataOffset < 0) throw new Error(`${entry.name}: archive not validated`);
  let produced = 0;
  let crc = 0;
  const out: Uint8Array[] = [];
  const inflate =
    entry.method === METHOD_DEFLATE
      ? new Inflate((chunk) => {
          produced += chunk.length;
          if (produced > entry.size) {
            throw new ZipError(
              `inflates beyond its declared ${entry.size} bytes (lying size or zip bomb)`,
              'invalid',
              entry.name,
            );
          }
          out.push(chunk);
        })
      : null;
  const end = entry.dataOffset + entry.compressedSize;
  for (
    let at = entry.dataOffset;
    at < end || (inflate && at === end && entry.compressedSize === 0);
    at += READ_CHUNK
  ) {
    const length = Math.min(READ_CHUNK, end - at);
    const chunk = await readExact(source, at, length, entry.name);
    if (inflate) {
      for (let p = 0; p < length || length === 0; p += DEFLATE_PUSH) {
        const piece = chunk.subarray(p, p + DEFLATE_PUSH);
        try {
          inflate.push(piece, at + p + piece.length >= end);
        } catch (error) {
          if (error instanceof ZipError) throw error;
          throw new ZipError(
            `corrupt compressed data (${(error as Error).message})`,
            'invalid',
            entry.name,
          );
        }
        for (const c of out.splice(0)) {
          crc = digests.crc32(c, crc);
          yield c;
        }
        if (length === 0) break;
      }
    } else {
      produced += chunk.length;
      crc = digests.crc32(chunk, crc);
      yield chunk;
    }
    if (length === 0) break;
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
  digests: Digests,
  max: number,
): Promise<Uint8Array> {
  if (entry.size > max)
    throw new ZipError(
      `is ${entry.size} bytes, more than ${max} allowed for this file`,
      'invalid',
      entry.name,
    );
  const parts: Uint8Array[] = [];
  for await (const c of readEntry(source, entry, digests)) parts.push(c);
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(entry.size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
