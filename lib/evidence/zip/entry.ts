// The reader's vocabulary: entries, limits, errors, and two byte helpers shared by its parts.
import { outcome, renderOutcome, type FormChange, type Outcome } from '../verify-messages';
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
    readonly outcome: Outcome,
    readonly kind: 'unreadable' | 'invalid',
    readonly entry?: string,
  ) {
    const text = renderOutcome(outcome);
    super(entry ? `${entry}: ${text}` : text);
  }
}

/** A file entry (directory entries of a re-packed archive are listed apart). */
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
  outcome: Outcome;
  /** The outcome in English. */
  reason: string;
}

export function entryProblem(name: string, o: Outcome): EntryProblem {
  return { name, outcome: o, reason: renderOutcome(o) };
}

export interface ZipArchive {
  /** File entries, in central-directory order. */
  entries: ZipEntry[];
  /** Directory entries (names ending in "/"), which hold no bytes; only in re-packed archives. */
  directories: string[];
  /** Unsafe names and limit violations; entries named here are never read. */
  problems: EntryProblem[];
  /** How the container differs from the form Dalel writes; empty when it is that form. */
  changes: FormChange[];
}

export { outcome };

export async function readExact(
  source: ZipSource,
  offset: number,
  length: number,
  what: string,
): Promise<Uint8Array> {
  if (offset < 0 || offset + length > source.size)
    throw new ZipError(outcome('zip_outside', { what }), 'unreadable');
  const bytes = await source.read(offset, length);
  if (bytes.length !== length)
    throw new ZipError(outcome('zip_read_short', { what }), 'unreadable');
  return bytes;
}
