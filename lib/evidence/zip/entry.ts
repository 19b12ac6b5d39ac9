// The reader's vocabulary: entries, limits, errors, and two byte helpers shared by its parts.
import type { ZipSource } from './source';

export interface ZipLimits {
  maxEntries: number;
  maxEntrySize: number;
  maxTotalSize: number;
  /** Largest uncompressed/compressed ratio accepted for entries above `ratioFloor` bytes. */
  maxRatio: number;
  ratioFloor: number;
  maxCentralDirectory: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 500_000,
  maxEntrySize: 64 * 2 ** 30,
  maxTotalSize: 256 * 2 ** 30,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
  maxCentralDirectory: 128 * 1024 * 1024,
};

/** `unreadable`: not a ZIP or cut short; `invalid`: a ZIP that breaks the rules. */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreadable' | 'invalid',
    readonly entry?: string,
  ) {
    super(entry ? `${entry}: ${message}` : message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Set once the local header is read. */
  dataOffset: number;
}

export interface EntryProblem {
  name: string;
  reason: string;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Unsafe names and limit violations; entries named here are never read. */
  problems: EntryProblem[];
}

/** Open and validate an archive's structure without inflating anything. */

export function findExtra(
  view: DataView,
  start: number,
  length: number,
  id: number,
): { start: number; end: number } | null {
  let at = start;
  while (at + 4 <= start + length) {
    const tag = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > start + length) throw new ZipError('malformed extra field', 'invalid');
    if (tag === id) return { start: at + 4, end: at + 4 + size };
    at += 4 + size;
  }
  return null;
}

export async function readExact(
  source: ZipSource,
  offset: number,
  length: number,
  what: string,
): Promise<Uint8Array> {
  if (offset < 0 || offset + length > source.size)
    throw new ZipError(`${what} lies outside the archive (truncated?)`, 'unreadable');
  const bytes = await source.read(offset, length);
  if (bytes.length !== length)
    throw new ZipError(`${what} could not be read in full`, 'unreadable');
  return bytes;
}
