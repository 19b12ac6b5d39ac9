// Builds ZIP archives field by field: by default exactly as our writer does (data descriptors,
// version made by Unix 4.5, mode 0644, STORE or DEFLATE), with any field overridable, so each
// hostile form (issue 12) differs from a valid package in one named way.
import { deflateRawSync } from 'node:zlib';
import { crc32Js } from '../../../../lib/evidence/crc32';
import { concatBytes } from '../../../../lib/evidence/hex';

export interface BuildEntry {
  name: string;
  data: Uint8Array;
  deflate: boolean;
  /** Data descriptor after the data (default true), with its signature (default true). */
  descriptor?: boolean;
  signedDescriptor?: boolean;
  madeBy?: number;
  versionNeeded?: number;
  flags?: number;
  external?: number;
  internal?: number;
  time?: number;
  date?: number;
  centralExtra?: Uint8Array;
  localExtra?: Uint8Array;
  entryComment?: Uint8Array;
  /** Bytes after the compressed data, counted in the compressed size (hidden data). */
  afterData?: Uint8Array;
  /** What the local header claims instead (sizes, CRC, name). */
  localSizes?: { compressed: number; size: number };
  localCrc?: number;
  localName?: string;
}

export interface BuildOptions {
  /** Bytes after the end record, counted as its comment. */
  archiveComment?: Uint8Array;
  /** Bytes after the end record that are not its comment. */
  trailing?: Uint8Array;
  /** Bytes before the first entry. */
  prefix?: Uint8Array;
  /** The central directory's order, as indices into `entries` (default: the entries' order). */
  centralOrder?: readonly number[];
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function le(values: [2 | 4, number][]): Uint8Array {
  const out = new Uint8Array(values.reduce((n, [b]) => n + b, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [bytes, v] of values) {
    if (bytes === 2) view.setUint16(at, v, true);
    else view.setUint32(at, v >>> 0, true);
    at += bytes;
  }
  return out;
}

export function buildZip(entries: readonly BuildEntry[], options: BuildOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = options.prefix?.length ?? 0;
  if (options.prefix) parts.push(options.prefix);
  for (const e of entries) {
    const name = enc(e.name);
    const stored = concatBytes([
      e.deflate ? new Uint8Array(deflateRawSync(e.data)) : e.data,
      e.afterData ?? new Uint8Array(0),
    ]);
    const crc = crc32Js(e.data);
    const descriptor = e.descriptor ?? true;
    const flags = e.flags ?? (descriptor ? 0x0008 : 0);
    const method = e.deflate ? 8 : 0;
    const time = e.time ?? 0x6000;
    const date = e.date ?? 0x5c62;
    const localExtra = e.localExtra ?? new Uint8Array(0);
    const localName = e.localName ? enc(e.localName) : name;
    const local = le([
      [4, 0x04034b50],
      [2, e.versionNeeded ?? 20],
      [2, flags],
      [2, method],
      [2, time],
      [2, date],
      [4, e.localCrc ?? (descriptor ? 0 : crc)],
      [4, e.localSizes?.compressed ?? (descriptor ? 0 : stored.length)],
      [4, e.localSizes?.size ?? (descriptor ? 0 : e.data.length)],
      [2, localName.length],
      [2, localExtra.length],
    ]);
    const start = offset;
    const block = [local, localName, localExtra, stored];
    if (descriptor)
      block.push(
        (e.signedDescriptor ?? true)
          ? le([
              [4, 0x08074b50],
              [4, crc],
              [4, stored.length],
              [4, e.data.length],
            ])
          : le([
              [4, crc],
              [4, stored.length],
              [4, e.data.length],
            ]),
      );
    for (const b of block) {
      parts.push(b);
      offset += b.length;
    }
    const extra = e.centralExtra ?? new Uint8Array(0);
    const comment = e.entryComment ?? new Uint8Array(0);
    central.push(
      le([
        [4, 0x02014b50],
        [2, e.madeBy ?? 0x032d],
        [2, e.versionNeeded ?? 20],
        [2, flags],
        [2, method],
        [2, time],
        [2, date],
        [4, crc],
        [4, stored.length],
        [4, e.data.length],
        [2, name.length],
        [2, extra.length],
        [2, comment.length],
        [2, 0],
        [2, e.internal ?? 0],
        [4, e.external ?? (0o100644 << 16) >>> 0],
        [4, start],
      ]),
      name,
      extra,
      comment,
    );
  }
  // Each entry's central record is four parts: the fixed fields, its name, extra and comment.
  const records = entries.map((_, i) => central.slice(i * 4, i * 4 + 4));
  const cd = concatBytes(
    (options.centralOrder ?? entries.map((_, i) => i)).flatMap((i) => records[i]!),
  );
  const comment = options.archiveComment ?? new Uint8Array(0);
  const end = le([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, entries.length],
    [2, entries.length],
    [4, cd.length],
    [4, offset],
    [2, comment.length],
  ]);
  return concatBytes([...parts, cd, end, comment, options.trailing ?? new Uint8Array(0)]);
}

/** One extra field: id, then its data. */
export function extraField(id: number, data: Uint8Array): Uint8Array {
  return concatBytes([
    le([
      [2, id],
      [2, data.length],
    ]),
    data,
  ]);
}

/** Info-ZIP Unicode Path (0x7075): version 1, CRC-32 of the header's name, the other name. */
export function unicodePathExtra(headerName: string, shownName: string): Uint8Array {
  return extraField(
    0x7075,
    concatBytes([new Uint8Array([1]), le([[4, crc32Js(enc(headerName))]]), enc(shownName)]),
  );
}
