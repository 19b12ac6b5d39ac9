// ZIP record signatures and limits (APPNOTE 6.3.10). Shared by the writer and the reader.
export const SIG = {
  local: 0x04034b50,
  descriptor: 0x08074b50,
  central: 0x02014b50,
  end: 0x06054b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

export const ZIP64_EXTRA = 0x0001;
export const MAX32 = 0xffffffff;
export const MAX16 = 0xffff;
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;
/** Bits 1–2: the DEFLATE level a compressor used (informational; zip -1/-9 set them). */
export const FLAG_DEFLATE_LEVEL = 0x0006;
/** Version "made by" our writer: Unix host (3), ZIP 4.5. */
export const MADE_BY_DALEL = (3 << 8) | 45;
/** External attributes our writer gives every file: a regular file, mode 0644. */
export const EXTERNAL_DALEL = (0o100644 << 16) >>> 0;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

/** Little-endian writer over a fixed-size buffer. */
export class LeWriter {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(v: number): this {
    this.view.setUint16(this.at, v, true);
    this.at += 2;
    return this;
  }
  u32(v: number): this {
    this.view.setUint32(this.at, v >>> 0, true);
    this.at += 4;
    return this;
  }
  u64(v: number): this {
    this.view.setUint32(this.at, v % 2 ** 32, true);
    this.view.setUint32(this.at + 4, Math.floor(v / 2 ** 32), true);
    this.at += 8;
    return this;
  }
  raw(b: Uint8Array): this {
    this.bytes.set(b, this.at);
    this.at += b.length;
    return this;
  }
}

/** Read a little-endian u64 as a number; throws past 2^53 (no real archive gets there). */
export function readU64(view: DataView, at: number): number {
  const lo = view.getUint32(at, true);
  const hi = view.getUint32(at + 4, true);
  if (hi >= 2 ** 21) throw new Error('64-bit field beyond 2^53');
  return hi * 2 ** 32 + lo;
}

/** DOS date and time fields (UTC: the package records real times in its manifest). */
export function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/** The Zip64 end of central directory record (APPNOTE 4.3.14), version 4.5 needed and made by. */
export function zip64EndRecord(count: number, cdSize: number, cdStart: number): Uint8Array {
  return new LeWriter(56)
    .u32(SIG.zip64End)
    .u64(44)
    .u16(45)
    .u16(45)
    .u32(0)
    .u32(0)
    .u64(count)
    .u64(count)
    .u64(cdSize)
    .u64(cdStart).bytes;
}

/** The Zip64 end of central directory locator (APPNOTE 4.3.15): where that record starts. */
export function zip64Locator(endRecordOffset: number): Uint8Array {
  return new LeWriter(20).u32(SIG.zip64Locator).u32(0).u64(endRecordOffset).u32(1).bytes;
}
