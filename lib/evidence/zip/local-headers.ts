// Every local header must match its central record, and entries must tile the archive from
// offset 0 to the central directory: no prepended junk, hidden data or overlapping entries.
import { FLAG_DESCRIPTOR, readU64, SIG, ZIP64_EXTRA } from './format';
import { findExtra, readExact, ZipError, type ZipEntry } from './entry';
import type { ZipSource } from './source';

export async function checkLocalHeaders(
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
