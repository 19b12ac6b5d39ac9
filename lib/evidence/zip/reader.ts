// A bounded-memory ZIP reader that trusts nothing: it parses the central directory, checks every
// local header against it, requires entries to tile the archive with no gaps or overlaps (junk,
// hidden data, overlapping-entry bombs), checks counts, sizes and ratios before inflating, and
// caps inflation at the declared size while streaming (integrity.md Z1–Z9).
import {
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
import {
  DEFAULT_LIMITS,
  findExtra,
  readExact,
  ZipError,
  type EntryProblem,
  type ZipArchive,
  type ZipEntry,
  type ZipLimits,
} from './entry';
import { checkLocalHeaders } from './local-headers';
import { nameProblems } from './names';
import type { ZipSource } from './source';

export * from './entry';
export { readEntry, readEntryBytes } from './entry-stream';

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
