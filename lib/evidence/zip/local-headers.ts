// Every local header must say what its central record says — name bytes, version, flags, method,
// time, CRC and sizes — because some tools read local headers and never the central directory
// (streaming readers, recovery tools), and entries must tile the archive from offset 0 to the
// central directory: no prepended junk, hidden data or overlapping entries.
import { outcome, type FormChange } from '../verify-messages';
import type { CentralRecord } from './central';
import { readExact, ZipError } from './entry';
import { EXTRA, parseExtras } from './extras';
import { FLAG_DESCRIPTOR, MAX32, readU64, SIG } from './format';
import type { ZipSource } from './source';

export async function checkLocalHeaders(
  source: ZipSource,
  records: CentralRecord[],
  cdOffset: number,
  changes: Set<FormChange>,
): Promise<void> {
  const ordered = [...records].sort((a, b) => a.entry.localOffset - b.entry.localOffset);
  let expected = 0;
  for (const r of ordered) {
    const e = r.entry;
    const fail = (o: ReturnType<typeof outcome>) => new ZipError(o, 'invalid', e.name);
    if (e.localOffset !== expected)
      throw fail(
        e.localOffset < expected
          ? outcome('zip_overlap')
          : outcome('zip_gap', { bytes: e.localOffset - expected }),
      );
    const head = await readExact(source, e.localOffset, 30, `${e.name} local header`);
    const hv = new DataView(head.buffer, head.byteOffset, head.byteLength);
    if (hv.getUint32(0, true) !== SIG.local) throw fail(outcome('zip_local_missing'));
    const nameLen = hv.getUint16(26, true);
    const extraLen = hv.getUint16(28, true);
    const rest = await readExact(
      source,
      e.localOffset + 30,
      nameLen + extraLen,
      `${e.name} local header`,
    );
    const localName = rest.subarray(0, nameLen);
    if (!sameBytes(localName, r.nameBytes))
      throw fail(outcome('zip_local_name', { name: new TextDecoder('utf-8').decode(localName) }));
    // The version needed may differ (our writer's local header says 4.5 when the size was not
    // known beforehand); no tool reads different bytes for it. It must still be one we know.
    if ((hv.getUint16(4, true) & 0xff) > 45)
      throw fail(outcome('zip_version', { version: `${(hv.getUint16(4, true) & 0xff) / 10}` }));
    for (const [field, local, central] of [
      ['flags', hv.getUint16(6, true), e.flags],
      ['method', hv.getUint16(8, true), e.method],
      ['time', hv.getUint16(10, true), r.dosTime],
      ['date', hv.getUint16(12, true), r.dosDate],
    ] as const)
      if (local !== central) throw fail(outcome('zip_local_disagrees', { field }));
    const extras = parseExtras(rest.subarray(nameLen), e.name);
    const z64 = extras.get(EXTRA.zip64);
    const crc = hv.getUint32(14, true);
    let csize = hv.getUint32(18, true);
    let usize = hv.getUint32(22, true);
    // APPNOTE 4.5.3: a local Zip64 field holds both sizes, and is there only when both are marked.
    const marked = csize === MAX32 || usize === MAX32;
    if (marked || z64) {
      if (csize !== MAX32 || usize !== MAX32 || !z64 || z64.byteLength !== 16)
        throw fail(outcome('zip64_extra_bad', { length: z64?.byteLength ?? 0, expected: 16 }));
      usize = readU64(z64, 0);
      csize = readU64(z64, 8);
    }
    const descriptor = (e.flags & FLAG_DESCRIPTOR) !== 0;
    // With a data descriptor the header's CRC and sizes are zero (APPNOTE 4.4.4); without one they
    // are the entry's, exactly.
    const [wantCrc, wantC, wantU] = descriptor ? [0, 0, 0] : [e.crc, e.compressedSize, e.size];
    if (crc !== wantCrc) throw fail(outcome('zip_local_disagrees', { field: 'CRC-32' }));
    if (csize !== wantC || usize !== wantU)
      throw fail(
        outcome('zip_local_sizes', {
          local: `${csize}/${usize}`,
          central: descriptor ? '0/0 (sizes follow in the data descriptor)' : `${wantC}/${wantU}`,
        }),
      );
    if ([...extras.keys()].some((id) => id !== EXTRA.zip64)) changes.add('extras');
    e.dataOffset = e.localOffset + 30 + nameLen + extraLen;
    const dataEnd = e.dataOffset + e.compressedSize;
    if (dataEnd > cdOffset) throw fail(outcome('zip_data_past_cd'));
    expected = dataEnd;
    if (descriptor) expected += await checkDescriptor(source, r, dataEnd, z64 !== undefined);
  }
  if (expected !== cdOffset)
    throw new ZipError(outcome('zip_gap_before_cd', { bytes: cdOffset - expected }), 'invalid');
}

/** The data descriptor after an entry's data: signed, and saying what the central record says. */
async function checkDescriptor(
  source: ZipSource,
  r: CentralRecord,
  at: number,
  zip64: boolean,
): Promise<number> {
  const e = r.entry;
  const length = zip64 ? 24 : 16;
  if (at + length > source.size)
    throw new ZipError(outcome('zip_descriptor_short'), 'unreadable', e.name);
  const d = await readExact(source, at, length, `${e.name} data descriptor`);
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  if (dv.getUint32(0, true) !== SIG.descriptor)
    throw new ZipError(outcome('zip_descriptor_unsigned'), 'invalid', e.name);
  const crc = dv.getUint32(4, true);
  const csize = zip64 ? readU64(dv, 8) : dv.getUint32(8, true);
  const size = zip64 ? readU64(dv, 16) : dv.getUint32(12, true);
  if (crc !== e.crc || csize !== e.compressedSize || size !== e.size)
    throw new ZipError(outcome('zip_descriptor_disagrees'), 'invalid', e.name);
  return length;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
