#!/usr/bin/env node
// Makes public/fonts/dejavu-sans-dalel.ttf: DejaVu Sans cut down to the letters Dalel's reports
// print (Latin, Latin-1, Latin Extended-A, Cyrillic with every Kazakh letter, punctuation, №, ₸),
// with its hinting removed (PDF viewers do not use it). The report's PDF embeds this font, so
// Cyrillic and Kazakh text is shown and searchable. Run after changing the letter set:
//   node scripts/subset-font.mjs [/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf]
// (Debian: fonts-dejavu-core). The font's licence is public/fonts/LICENSE-DejaVu.txt.
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const target = path.join(root, 'public/fonts/dejavu-sans-dalel.ttf');

const ranges = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x1f4, 0x1f5], // Ǵ ǵ (Kazakh Latin)
  [0x400, 0x4ff], // Cyrillic, with ә ғ қ ң ө ұ ү һ і
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x20b8, 0x20b8], // ₸
  [0x2116, 0x2116], // №
  [0x2190, 0x2193],
  [0x2713, 0x2713],
  [0x2717, 0x2717],
  [0x26a0, 0x26a0],
];

const font = readFileSync(source);
const u16 = (o) => font.readUInt16BE(o);
const i16 = (o) => font.readInt16BE(o);
const u32 = (o) => font.readUInt32BE(o);
const tables = {};
for (let i = 0, n = u16(4); i < n; i++) {
  const rec = 12 + i * 16;
  tables[font.toString('latin1', rec, rec + 4)] = { offset: u32(rec + 8), length: u32(rec + 12) };
}
const t = (tag) => {
  if (!tables[tag]) throw new Error(`no ${tag} table`);
  return tables[tag].offset;
};

// cmap: the format 4 (BMP) subtable of the Windows Unicode encoding.
function readCmap() {
  const base = t('cmap');
  const map = new Map();
  for (let i = 0, n = u16(base + 2); i < n; i++) {
    const rec = base + 4 + i * 8;
    const off = base + u32(rec + 4);
    if (u16(rec) !== 3 || u16(rec + 2) !== 1 || u16(off) !== 4) continue;
    const segs = u16(off + 6) / 2;
    const ends = off + 14;
    const starts = ends + segs * 2 + 2;
    const deltas = starts + segs * 2;
    const rangeOffs = deltas + segs * 2;
    for (let s = 0; s < segs; s++) {
      const start = u16(starts + s * 2);
      const end = u16(ends + s * 2);
      const delta = i16(deltas + s * 2);
      const ro = u16(rangeOffs + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let g;
        if (ro === 0) g = (c + delta) & 0xffff;
        else {
          const at = rangeOffs + s * 2 + ro + (c - start) * 2;
          g = u16(at);
          if (g) g = (g + delta) & 0xffff;
        }
        if (g) map.set(c, g);
      }
    }
    return map;
  }
  throw new Error('no format 4 Unicode cmap');
}

const longLoca = i16(t('head') + 50) === 1;
const loca = (g) => (longLoca ? u32(t('loca') + g * 4) : u16(t('loca') + g * 2) * 2);
const glyphBytes = (g) => font.subarray(t('glyf') + loca(g), t('glyf') + loca(g + 1));
const numHMetrics = u16(t('hhea') + 34);
const metric = (g) => {
  const i = Math.min(g, numHMetrics - 1);
  return {
    advance: u16(t('hmtx') + i * 4),
    lsb:
      g < numHMetrics
        ? i16(t('hmtx') + g * 4 + 2)
        : i16(t('hmtx') + numHMetrics * 4 + (g - numHMetrics) * 2),
  };
};

// Composite glyph flags.
const ARG_WORDS = 0x1,
  HAVE_SCALE = 0x8,
  MORE = 0x20,
  XY_SCALE = 0x40,
  TWO_BY_TWO = 0x80,
  INSTR = 0x100;
function components(data) {
  const out = [];
  if (data.length === 0 || data.readInt16BE(0) >= 0) return out;
  let p = 10;
  for (;;) {
    const flags = data.readUInt16BE(p);
    out.push({ at: p + 2, glyph: data.readUInt16BE(p + 2) });
    p += 4 + (flags & ARG_WORDS ? 4 : 2);
    if (flags & HAVE_SCALE) p += 2;
    else if (flags & XY_SCALE) p += 4;
    else if (flags & TWO_BY_TWO) p += 8;
    if (!(flags & MORE))
      return { list: out, end: p, instructions: Boolean(flags & INSTR), lastFlagsAt: p };
  }
}

const cmap = readCmap();
const wanted = new Map();
for (const [a, b] of ranges)
  for (let c = a; c <= b; c++) if (cmap.has(c)) wanted.set(c, cmap.get(c));
const keep = new Set([0, ...wanted.values()]);
for (const g of [...keep]) {
  const stack = [g];
  while (stack.length) {
    const c = components(glyphBytes(stack.pop()));
    for (const { glyph } of c.list ?? []) {
      if (keep.has(glyph)) continue;
      keep.add(glyph);
      stack.push(glyph);
    }
  }
}
const order = [...keep].sort((a, b) => a - b);
const newId = new Map(order.map((g, i) => [g, i]));

/** A glyph without its hinting instructions, with composite references renumbered. */
function rewrite(g) {
  const data = Buffer.from(glyphBytes(g));
  if (data.length === 0) return data;
  const contours = data.readInt16BE(0);
  if (contours >= 0) {
    const lenAt = 10 + contours * 2;
    const len = data.readUInt16BE(lenAt);
    const out = Buffer.concat([
      data.subarray(0, lenAt),
      Buffer.from([0, 0]),
      data.subarray(lenAt + 2 + len),
    ]);
    return out;
  }
  // Composite: renumber, drop trailing instructions.
  let p = 10;
  let lastFlags;
  for (;;) {
    const flags = data.readUInt16BE(p);
    lastFlags = p;
    data.writeUInt16BE(newId.get(data.readUInt16BE(p + 2)), p + 2);
    p += 4 + (flags & ARG_WORDS ? 4 : 2);
    if (flags & HAVE_SCALE) p += 2;
    else if (flags & XY_SCALE) p += 4;
    else if (flags & TWO_BY_TWO) p += 8;
    if (!(flags & MORE)) break;
  }
  data.writeUInt16BE(data.readUInt16BE(lastFlags) & ~INSTR, lastFlags);
  return data.subarray(0, p);
}

const pad4 = (b) => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);
const glyphs = order.map((g) => {
  const b = rewrite(g);
  return b.length % 2 ? Buffer.concat([b, Buffer.alloc(1)]) : b;
});
const glyf = Buffer.concat(glyphs);
const locaBuf = Buffer.alloc((order.length + 1) * 4);
let off = 0;
glyphs.forEach((b, i) => {
  locaBuf.writeUInt32BE(off, i * 4);
  off += b.length;
});
locaBuf.writeUInt32BE(off, order.length * 4);

const hmtx = Buffer.alloc(order.length * 4);
order.forEach((g, i) => {
  const m = metric(g);
  hmtx.writeUInt16BE(m.advance, i * 4);
  hmtx.writeInt16BE(m.lsb, i * 4 + 2);
});

// cmap format 4 over the kept characters: one segment per run of consecutive codes and glyphs.
const codes = [...wanted.keys()].sort((a, b) => a - b);
const segs = [];
for (const c of codes) {
  const g = newId.get(wanted.get(c));
  const last = segs.at(-1);
  if (last && c === last.end + 1 && g === last.glyph + (c - last.start)) last.end = c;
  else segs.push({ start: c, end: c, glyph: g });
}
segs.push({ start: 0xffff, end: 0xffff, glyph: 0, delta: 1 });
const segX2 = segs.length * 2;
const log2 = Math.floor(Math.log2(segs.length));
const sub = Buffer.alloc(16 + segs.length * 8);
sub.writeUInt16BE(4, 0);
sub.writeUInt16BE(sub.length, 2);
sub.writeUInt16BE(segX2, 6);
sub.writeUInt16BE(2 ** (log2 + 1), 8);
sub.writeUInt16BE(log2, 10);
sub.writeUInt16BE(segX2 - 2 ** (log2 + 1), 12);
segs.forEach((s, i) => {
  sub.writeUInt16BE(s.end, 14 + i * 2);
  sub.writeUInt16BE(s.start, 16 + segX2 + i * 2);
  const delta = s.delta ?? (s.glyph - s.start) & 0xffff;
  sub.writeUInt16BE(delta, 16 + segX2 * 2 + i * 2);
  sub.writeUInt16BE(0, 16 + segX2 * 3 + i * 2);
});
const cmapBuf = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]), sub]);

const copy = (tag) => Buffer.from(font.subarray(t(tag), t(tag) + tables[tag].length));
const head = copy('head');
head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
head.writeInt16BE(1, 50); // long loca
const hhea = copy('hhea');
hhea.writeUInt16BE(order.length, 34);
const maxp = copy('maxp');
maxp.writeUInt16BE(order.length, 4);
const post = copy('post').subarray(0, 32);
post.writeUInt32BE(0x00030000, 0); // no glyph names
const out = {
  'OS/2': copy('OS/2'),
  cmap: cmapBuf,
  glyf,
  head,
  hhea,
  hmtx,
  loca: locaBuf,
  maxp,
  name: copy('name'),
  post,
};

const checksum = (b) => {
  const p = pad4(b);
  let sum = 0;
  for (let i = 0; i < p.length; i += 4) sum = (sum + p.readUInt32BE(i)) >>> 0;
  return sum;
};
const tags = Object.keys(out).sort();
const dir = Buffer.alloc(12 + tags.length * 16);
dir.writeUInt32BE(0x00010000, 0);
dir.writeUInt16BE(tags.length, 4);
const sl = Math.floor(Math.log2(tags.length));
dir.writeUInt16BE(2 ** sl * 16, 6);
dir.writeUInt16BE(sl, 8);
dir.writeUInt16BE(tags.length * 16 - 2 ** sl * 16, 10);
let at = dir.length;
const bodies = [];
tags.forEach((tag, i) => {
  const body = out[tag];
  dir.write(tag.padEnd(4, ' '), 12 + i * 16, 'latin1');
  dir.writeUInt32BE(checksum(body), 16 + i * 16);
  dir.writeUInt32BE(at, 20 + i * 16);
  dir.writeUInt32BE(body.length, 24 + i * 16);
  bodies.push(pad4(body));
  at += pad4(body).length;
});
const file = Buffer.concat([dir, ...bodies]);
const headAt = dir.readUInt32BE(20 + tags.indexOf('head') * 16);
file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
writeFileSync(target, file);
console.log(`${target}: ${codes.length} characters, ${order.length} glyphs, ${file.length} bytes`);
