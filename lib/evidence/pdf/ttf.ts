/**
 * What the PDF writer needs from a TrueType font: glyph ids by character (format 4 `cmap`),
 * advance widths, and the metrics a font descriptor states. Read-only; the font is embedded as is.
 */
export interface TrueType {
  bytes: Uint8Array;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: [number, number, number, number];
  glyphOf(codepoint: number): number;
  /** Advance width of a glyph, in font units. */
  advance(glyph: number): number;
}

export function readTrueType(bytes: Uint8Array): TrueType {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o);
  const i16 = (o: number) => view.getInt16(o);
  const u32 = (o: number) => view.getUint32(o);
  const tables = new Map<string, number>();
  for (let i = 0, n = u16(4); i < n; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
    tables.set(tag, u32(rec + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font: no ${tag} table`);
    return at;
  };
  const head = table('head');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const numHMetrics = u16(hhea + 34);
  const os2 = tables.get('OS/2');
  const cmap = new Map<number, number>();
  const cmapAt = table('cmap');
  for (let i = 0, n = u16(cmapAt + 2); i < n; i++) {
    const rec = cmapAt + 4 + i * 8;
    const off = cmapAt + u32(rec + 4);
    if (u16(rec) !== 3 || u16(rec + 2) !== 1 || u16(off) !== 4) continue;
    const segs = u16(off + 6) / 2;
    const ends = off + 14;
    const starts = ends + segs * 2 + 2;
    const deltas = starts + segs * 2;
    const offsets = deltas + segs * 2;
    for (let s = 0; s < segs; s++) {
      const start = u16(starts + s * 2);
      const end = u16(ends + s * 2);
      const delta = i16(deltas + s * 2);
      const ro = u16(offsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let g = ro === 0 ? (c + delta) & 0xffff : u16(offsets + s * 2 + ro + (c - start) * 2);
        if (ro !== 0 && g) g = (g + delta) & 0xffff;
        if (g) cmap.set(c, g);
      }
    }
    break;
  }
  if (cmap.size === 0) throw new Error('font: no Unicode (format 4) cmap');
  return {
    bytes,
    unitsPerEm: u16(head + 18),
    ascent: i16(hhea + 4),
    descent: i16(hhea + 6),
    capHeight: os2 !== undefined && u16(os2) >= 2 ? i16(os2 + 88) : i16(hhea + 4),
    bbox: [i16(head + 36), i16(head + 38), i16(head + 40), i16(head + 42)],
    glyphOf: (c) => cmap.get(c) ?? 0,
    advance: (g) => u16(hmtx + Math.min(g, numHMetrics - 1) * 4),
  };
}
