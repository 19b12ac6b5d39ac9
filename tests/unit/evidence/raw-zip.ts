// Builds ZIP archives byte by byte, including hostile ones our writer would never produce.
import { deflateSync } from 'fflate';
import { crc32Js } from '../../../lib/evidence/crc32';

export interface RawEntry {
  name: string | Uint8Array;
  data: Uint8Array;
  deflate?: boolean;
  /** Overrides of what the headers claim. */
  declaredSize?: number;
  crc?: number;
  flags?: number;
}

export interface RawOptions {
  /** Entry count written in the end record (default: the real count). */
  count?: number;
  prefix?: Uint8Array;
}

function le(size: number, values: [number, number][]): Uint8Array {
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [bytes, v] of values) {
    if (bytes === 2) view.setUint16(at, v, true);
    else view.setUint32(at, v >>> 0, true);
    at += bytes;
  }
  return out;
}

export function rawZip(entries: RawEntry[], options: RawOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array): void => {
    parts.push(b);
    offset += b.length;
  };
  for (const e of entries) {
    const name = typeof e.name === 'string' ? new TextEncoder().encode(e.name) : e.name;
    const body = e.deflate ? deflateSync(e.data) : e.data;
    const crc = e.crc ?? crc32Js(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = e.flags ?? 0x0800;
    const method = e.deflate ? 8 : 0;
    const local = offset;
    push(
      le(30, [
        [4, 0x04034b50],
        [2, 20],
        [2, flags],
        [2, method],
        [2, 0],
        [2, 0x21],
        [4, crc],
        [4, body.length],
        [4, size],
        [2, name.length],
        [2, 0],
      ]),
    );
    push(name);
    push(body);
    central.push(
      le(46, [
        [4, 0x02014b50],
        [2, 20],
        [2, 20],
        [2, flags],
        [2, method],
        [2, 0],
        [2, 0x21],
        [4, crc],
        [4, body.length],
        [4, size],
        [2, name.length],
        [2, 0],
        [2, 0],
        [2, 0],
        [2, 0],
        [4, 0],
        [4, local],
      ]),
      name,
    );
  }
  const cdStart = offset;
  for (const c of central) push(c);
  const count = options.count ?? entries.length;
  push(
    le(22, [
      [4, 0x06054b50],
      [2, 0],
      [2, 0],
      [2, count],
      [2, count],
      [4, offset - cdStart],
      [4, cdStart],
      [2, 0],
    ]),
  );
  const prefix = options.prefix ?? new Uint8Array(0);
  const out = new Uint8Array(prefix.length + offset);
  out.set(prefix);
  let at = prefix.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
