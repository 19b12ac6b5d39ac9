// A bounded-memory ZIP reader that trusts nothing: it parses the central directory, checks every
// local header against it, requires entries to tile the archive with no gaps or overlaps (junk,
// hidden data, overlapping-entry bombs), checks counts, sizes and ratios before inflating, and
// caps inflation at the declared size while streaming (integrity.md Z1–Z9).
import { Inflate } from 'fflate';
import type { Digests } from '../digests';
import {
  FLAG_DESCRIPTOR,
  FLAG_ENCRYPTED,
  FLAG_UTF8,
  MAX16,
  MAX32,
  METHOD_DEFLATE,
  METHOD_STORE,
  readU64,
  SIG,
  ZIP64_EXTRA,
} from './format';
import { nameProblems } from './names';
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
export async function openZip(
  source: ZipSource,
  limits: ZipLimits = DEFAULT_LIMITS,
): Promise<ZipArchive> {
  const end = await findEnd(source);
  if (end.count > limits.maxEntries) {
    throw new ZipError(
      `${end.count} entries, more than the limit of ${limits.maxEntries}`,
      'invalid',
    );
  }
  if (end.cdSize > limits.maxCentralDirectory || end.cdSize < end.count * 46) {
    throw new ZipError(
      `central directory size ${end.cdSize} is implausible for ${end.count} entries`,
      'invalid',
    );
  }
  const cd = await readExact(source, end.cdOffset, end.cdSize, 'central directory');
  const entries = parseCentralDirectory(cd, end.count);
  const problems = [...nameProblems(entries.map((e) => e.name)), ...limitProblems(entries, limits)];
  await checkLocalHeaders(source, entries, end.cdOffset);
  return { entries, problems };
}

interface EndRecord {
  count: number;
  cdSize: number;
  cdOffset: number;
}

async function findEnd(source: ZipSource): Promise<EndRecord> {
  if (source.size < 22) throw new ZipError('too small to be a ZIP archive', 'unreadable');
  const tailLength = Math.min(source.size, 22 + MAX16);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (
      view.getUint32(i, true) === SIG.end &&
      i + 22 + view.getUint16(i + 20, true) === tail.length
    ) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    throw new ZipError(
      'no end-of-central-directory record (not a ZIP, or truncated)',
      'unreadable',
    );
  }
  if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) {
    throw new ZipError('multi-disk archives are not supported', 'invalid');
  }
  let count = view.getUint16(at + 10, true);
  if (view.getUint16(at + 8, true) !== count)
    throw new ZipError('entry counts disagree in end record', 'invalid');
  let cdSize = view.getUint32(at + 12, true);
  let cdOffset = view.getUint32(at + 16, true);
  let cdEnd = tailStart + at;
  const locatorAt = at - 20;
  if (locatorAt >= 0 && view.getUint32(locatorAt, true) === SIG.zip64Locator) {
    const z64Offset = readU64(view, locatorAt + 8);
    if (z64Offset + 56 !== tailStart + locatorAt) {
      throw new ZipError('Zip64 end record is not where its locator says', 'invalid');
    }
    const z = await readExact(source, z64Offset, 56, 'Zip64 end record');
    const zv = new DataView(z.buffer, z.byteOffset, z.byteLength);
    if (zv.getUint32(0, true) !== SIG.zip64End)
      throw new ZipError('bad Zip64 end record', 'invalid');
    count = readU64(zv, 32);
    if (readU64(zv, 24) !== count)
      throw new ZipError('entry counts disagree in Zip64 end record', 'invalid');
    cdSize = readU64(zv, 40);
    cdOffset = readU64(zv, 48);
    cdEnd = z64Offset;
  } else if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    throw new ZipError('end record needs Zip64 but has no Zip64 locator', 'invalid');
  }
  if (cdOffset + cdSize !== cdEnd) {
    throw new ZipError(
      `central directory is not where the end record says (${cdEnd - cdOffset - cdSize} unexplained bytes: data prepended or cut)`,
      'invalid',
    );
  }
  return { count, cdSize, cdOffset };
}

function parseCentralDirectory(cd: Uint8Array, count: number): ZipEntry[] {
  const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || view.getUint32(at, true) !== SIG.central) {
      throw new ZipError(`central directory entry ${i} is damaged`, 'invalid');
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const next = at + 46 + nameLen + extraLen + commentLen;
    if (next > cd.length)
      throw new ZipError(`central directory entry ${i} runs past its end`, 'invalid');
    const name = decodeName(cd.subarray(at + 46, at + 46 + nameLen), flags);
    if (view.getUint16(at + 34, true) !== 0)
      throw new ZipError('entry on another disk', 'invalid', name);
    if (flags & FLAG_ENCRYPTED) throw new ZipError('encrypted entry', 'invalid', name);
    if (method !== METHOD_STORE && method !== METHOD_DEFLATE) {
      throw new ZipError(`compression method ${method} not allowed`, 'invalid', name);
    }
    const z64 = findExtra(view, at + 46 + nameLen, extraLen, ZIP64_EXTRA);
    let z = z64?.start ?? 0;
    const take = (): number => {
      if (!z64 || z + 8 > z64.end) throw new ZipError('Zip64 field missing', 'invalid', name);
      const v = readU64(view, z);
      z += 8;
      return v;
    };
    if (size === MAX32) size = take();
    if (compressedSize === MAX32) compressedSize = take();
    if (localOffset === MAX32) localOffset = take();
    entries.push({
      name,
      method,
      flags,
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      localOffset,
      dataOffset: -1,
    });
    at = next;
  }
  if (at !== cd.length) throw new ZipError('central directory has trailing bytes', 'invalid');
  return entries;
}

function decodeName(bytes: Uint8Array, flags: number): string {
  const ascii = bytes.every((b) => b < 0x80);
  if (ascii || flags & FLAG_UTF8) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ZipError('entry name is not valid UTF-8', 'invalid');
    }
  }
  // Legacy code-page names are ambiguous across tools; show them but they fail the name rule.
  return new TextDecoder('utf-8').decode(bytes);
}

function findExtra(
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

function limitProblems(entries: readonly ZipEntry[], limits: ZipLimits): EntryProblem[] {
  const problems: EntryProblem[] = [];
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > limits.maxEntrySize) {
      problems.push({
        name: e.name,
        reason: `declares ${e.size} bytes, more than the limit of ${limits.maxEntrySize}`,
      });
    } else if (e.method === METHOD_STORE && e.size !== e.compressedSize) {
      problems.push({
        name: e.name,
        reason: 'stored entry with different stored and declared sizes',
      });
    } else if (e.size > limits.ratioFloor && e.size > e.compressedSize * limits.maxRatio) {
      problems.push({
        name: e.name,
        reason: `compression ratio ${Math.round(e.size / Math.max(1, e.compressedSize))}:1 exceeds ${limits.maxRatio}:1 (zip bomb?)`,
      });
    }
  }
  if (total > limits.maxTotalSize) {
    problems.push({
      name: '(archive)',
      reason: `declares ${total} bytes in total, more than the limit of ${limits.maxTotalSize}`,
    });
  }
  return problems;
}

async function checkLocalHeaders(
  source: ZipSource,
  entries: ZipEntry[],
  cdOffset: number,
): Promise<void> {
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const e of ordered) {
    if (e.localOffset !== expected) {
      throw new ZipError(
        e.localOffset < expected
          ? 'overlaps the previous entry'
          : `${e.localOffset - expected} unexplained bytes before this entry`,
        'invalid',
        e.name,
      );
    }
    const head = await readExact(source, e.localOffset, 30, `${e.name} local header`);
    const hv = new DataView(head.buffer, head.byteOffset, head.byteLength);
    if (hv.getUint32(0, true) !== SIG.local)
      throw new ZipError('local header missing', 'invalid', e.name);
    const nameLen = hv.getUint16(26, true);
    const extraLen = hv.getUint16(28, true);
    const flags = hv.getUint16(6, true);
    const rest = await readExact(
      source,
      e.localOffset + 30,
      nameLen + extraLen,
      `${e.name} local header`,
    );
    const localName = new TextDecoder('utf-8').decode(rest.subarray(0, nameLen));
    if (localName !== e.name)
      throw new ZipError(`local header names "${localName}"`, 'invalid', e.name);
    if (hv.getUint16(8, true) !== e.method || flags !== e.flags) {
      throw new ZipError('local header disagrees with central directory', 'invalid', e.name);
    }
    e.dataOffset = e.localOffset + 30 + nameLen + extraLen;
    const dataEnd = e.dataOffset + e.compressedSize;
    if (dataEnd > cdOffset)
      throw new ZipError('data runs into the central directory', 'invalid', e.name);
    expected = dataEnd;
    if (flags & FLAG_DESCRIPTOR) {
      const rv = new DataView(rest.buffer, rest.byteOffset, rest.byteLength);
      const local64 = findExtra(rv, nameLen, extraLen, ZIP64_EXTRA) !== null;
      expected += await checkDescriptor(source, e, dataEnd, local64);
    } else if (hv.getUint32(14, true) !== e.crc) {
      throw new ZipError('local header CRC disagrees with central directory', 'invalid', e.name);
    }
  }
  if (expected !== cdOffset) {
    throw new ZipError(
      `${cdOffset - expected} unexplained bytes before the central directory`,
      'invalid',
    );
  }
}

async function checkDescriptor(
  source: ZipSource,
  e: ZipEntry,
  at: number,
  zip64: boolean,
): Promise<number> {
  const length = zip64 ? 24 : 16;
  const d = await readExact(
    source,
    at,
    Math.min(length, source.size - at),
    `${e.name} data descriptor`,
  );
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const signed = d.length >= 4 && dv.getUint32(0, true) === SIG.descriptor;
  const base = signed ? 4 : 0;
  const total = base + (zip64 ? 20 : 12);
  if (d.length < total) throw new ZipError('data descriptor cut short', 'unreadable', e.name);
  const crc = dv.getUint32(base, true);
  const csize = zip64 ? readU64(dv, base + 4) : dv.getUint32(base + 4, true);
  const size = zip64 ? readU64(dv, base + 12) : dv.getUint32(base + 8, true);
  if (crc !== e.crc || csize !== e.compressedSize || size !== e.size) {
    throw new ZipError('data descriptor disagrees with central directory', 'invalid', e.name);
  }
  return total;
}

async function readExact(
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

const STORE_CHUNK = 1024 * 1024;
// Deflate expands at most ~1032:1, so one push of this many compressed bytes can emit at most
// ~66 MiB before the size cap fires: the worst-case memory of a lying entry. Smaller chunks make
// fflate's streaming inflate much slower (16 KiB: ~50 MB/s, 64 KiB: ~125 MB/s).
const DEFLATE_CHUNK = 64 * 1024;

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
  const step = inflate ? DEFLATE_CHUNK : STORE_CHUNK;
  const end = entry.dataOffset + entry.compressedSize;
  for (
    let at = entry.dataOffset;
    at < end || (inflate && at === end && entry.compressedSize === 0);
    at += step
  ) {
    const length = Math.min(step, end - at);
    const chunk = await readExact(source, at, length, entry.name);
    if (inflate) {
      try {
        inflate.push(chunk, at + length >= end);
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
