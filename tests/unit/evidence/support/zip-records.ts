// Reading the records as stored, independently of our reader: the end records and each central
// directory record's fields, raw and decoded as APPNOTE says.
import { expect } from 'vitest';
import { MAX32, SIG } from '../../../../lib/evidence/zip/format';
import type { ZipSource } from '../../../../lib/evidence/zip/source';

const viewOf = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
const u64 = (view: DataView, at: number): number => Number(view.getBigUint64(at, true));

export interface EndRecords {
  count16: number;
  cdSize32: number;
  cdOffset32: number;
  /** Count, size and offset of the central directory in the Zip64 end record, if there is one. */
  zip64: { count: number; cdSize: number; cdOffset: number } | null;
}

export async function endRecords(source: ZipSource): Promise<EndRecords> {
  const tail = viewOf(await source.read(source.size - 42, 42));
  expect(tail.getUint32(20, true)).toBe(SIG.end);
  const end = {
    count16: tail.getUint16(30, true),
    cdSize32: tail.getUint32(32, true),
    cdOffset32: tail.getUint32(36, true),
  };
  if (tail.getUint32(0, true) !== SIG.zip64Locator) return { ...end, zip64: null };
  const at = u64(tail, 8);
  expect(at).toBe(source.size - 42 - 56);
  const z = viewOf(await source.read(at, 56));
  expect(z.getUint32(0, true)).toBe(SIG.zip64End);
  return { ...end, zip64: { count: u64(z, 32), cdSize: u64(z, 40), cdOffset: u64(z, 48) } };
}

export interface CentralFields {
  name: string;
  needed: number;
  size32: number;
  compressed32: number;
  offset32: number;
  /** The values in the Zip64 extra field, or null without one. */
  zip64: number[] | null;
  /** Decoded as APPNOTE 4.5.3 says: a 32-bit field of 0xFFFFFFFF takes the next Zip64 value. */
  size: number;
  compressedSize: number;
  offset: number;
}

/** Each central directory record's fields as written, and their values decoded. */
export async function centralFields(source: ZipSource): Promise<CentralFields[]> {
  const end = await endRecords(source);
  const { cdOffset, cdSize } = end.zip64 ?? { cdOffset: end.cdOffset32, cdSize: end.cdSize32 };
  const cd = await source.read(cdOffset, cdSize);
  const view = viewOf(cd);
  const out: CentralFields[] = [];
  for (let at = 0; at < cd.length;) {
    expect(view.getUint32(at, true)).toBe(SIG.central);
    const nameEnd = at + 46 + view.getUint16(at + 28, true);
    const extraEnd = nameEnd + view.getUint16(at + 30, true);
    let zip64: number[] | null = null;
    for (let x = nameEnd; x < extraEnd; x += 4 + view.getUint16(x + 2, true)) {
      if (view.getUint16(x, true) !== 0x0001) continue;
      zip64 = [];
      for (let k = 0; k < view.getUint16(x + 2, true); k += 8) zip64.push(u64(view, x + 4 + k));
    }
    const fields = {
      size32: view.getUint32(at + 24, true),
      compressed32: view.getUint32(at + 20, true),
      offset32: view.getUint32(at + 42, true),
    };
    const rest = [...(zip64 ?? [])];
    const decode = (v: number): number => (v === MAX32 ? (rest.shift() ?? NaN) : v);
    const size = decode(fields.size32);
    const compressedSize = decode(fields.compressed32);
    const offset = decode(fields.offset32);
    // Zip64 values appear only for fields that are 0xFFFFFFFF (and disk 0xFFFF: never ours).
    expect(rest).toEqual([]);
    out.push({
      name: new TextDecoder().decode(cd.subarray(at + 46, nameEnd)),
      needed: view.getUint16(at + 6, true),
      ...fields,
      zip64,
      size,
      compressedSize,
      offset,
    });
    at = extraEnd + view.getUint16(at + 32, true);
  }
  return out;
}
