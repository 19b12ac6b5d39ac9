import { PdfFile, PdfRef, textString, type PdfValue } from './pdf-file';
import { pngImage } from './png-image';
import type { TrueType } from './ttf';

// A4 in points, and the margins.
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 48;
const WIDTH = PAGE_W - 2 * MARGIN;
const FOOTER = 28;
const INK = '0.11 0.14 0.19 rg';
const MUTED = '0.36 0.40 0.45 rg';

interface Page {
  ops: string[];
  images: Map<string, PdfRef>;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  muted?: boolean;
  indent?: number;
  /** Break anywhere (hashes, paths), not only between words. */
  anywhere?: boolean;
  /** Space after the block, in points. */
  after?: number;
}

/**
 * A small flowing PDF writer: headings, wrapped paragraphs, label–value rows and images on A4
 * pages, in one embedded TrueType font (Type 0, Identity-H, with a ToUnicode map, so the text
 * can be searched and copied in any viewer), numbered pages. Pure: bytes in, bytes out.
 */
export class PdfDocument {
  private readonly pdf = new PdfFile();
  private readonly pages: Page[] = [];
  private y = 0;
  private readonly used = new Map<number, number>(); // glyph → code point
  private imageCount = 0;

  constructor(
    private readonly font: TrueType,
    private readonly meta: {
      title: string;
      language: string;
      footer: (n: number, of: number) => string;
    },
  ) {
    this.newPage();
  }

  private get page(): Page {
    return this.pages.at(-1)!;
  }

  private newPage(): void {
    this.pages.push({ ops: [], images: new Map() });
    this.y = PAGE_H - MARGIN;
  }

  /** Makes room for `height` points, starting a new page when this one is full. */
  private room(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  private glyphs(text: string): number[] {
    const out: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const g = this.font.glyphOf(cp === 0x09 ? 0x20 : cp);
      out.push(g);
      if (g && !this.used.has(g)) this.used.set(g, cp);
    }
    return out;
  }

  width(text: string, size: number): number {
    let units = 0;
    for (const ch of text) units += this.font.advance(this.font.glyphOf(ch.codePointAt(0)!));
    return (units / this.font.unitsPerEm) * size;
  }

  private show(text: string, x: number, y: number, size: number, style: TextStyle): void {
    const hex = this.glyphs(text)
      .map((g) => g.toString(16).padStart(4, '0'))
      .join('');
    // Bold without a bold font: the glyphs also stroked with the ink (still searchable text).
    const mode = style.bold ? `2 Tr ${INK.replace('rg', 'RG')} 0.3 w ` : '0 Tr ';
    this.page.ops.push(
      `BT ${style.muted ? MUTED : INK} ${mode}/F1 ${size.toFixed(2)} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td <${hex}> Tj ET`,
    );
  }

  /** Lines of `text` that fit `width` at `size`: between words, or anywhere in long tokens. */
  wrap(text: string, size: number, width: number, anywhere = false): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      const words = anywhere ? [...paragraph] : paragraph.split(/\s+/).filter(Boolean);
      let line = '';
      const push = () => {
        if (line) lines.push(line);
        line = '';
      };
      for (const word of words) {
        const joined = anywhere || !line ? line + word : `${line} ${word}`;
        if (this.width(joined, size) <= width) {
          line = joined;
          continue;
        }
        push();
        if (this.width(word, size) <= width) {
          line = word;
          continue;
        }
        // A word wider than the line (a URL, a hash): cut it where it fills the line.
        for (const ch of word) {
          if (this.width(line + ch, size) > width) push();
          line += ch;
        }
      }
      push();
      if (paragraph.trim() === '') lines.push('');
    }
    return lines;
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 9.5;
    const indent = style.indent ?? 0;
    const leading = size * 1.35;
    for (const line of this.wrap(text, size, WIDTH - indent, style.anywhere)) {
      this.room(leading);
      this.y -= leading;
      if (line) this.show(line, MARGIN + indent, this.y + size * 0.25, size, style);
    }
    this.y -= style.after ?? 4;
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 17 : level === 2 ? 13 : 11;
    this.room(size * 3);
    this.y -= level === 1 ? 0 : size * 0.6;
    this.paragraph(text, { size, bold: true, after: size * 0.35 });
  }

  /** Label–value rows: labels in a column, values wrapped beside them. */
  rows(rows: ReadonlyArray<[string, string]>, style: { anywhere?: boolean } = {}): void {
    const size = 9;
    const leading = size * 1.35;
    const labelWidth = 130;
    for (const [label, value] of rows) {
      if (!value) continue;
      const labels = this.wrap(label, size, labelWidth - 8);
      const values = this.wrap(value, size, WIDTH - labelWidth, style.anywhere);
      const lines = Math.max(labels.length, values.length);
      this.room(leading * Math.min(lines, 3));
      for (let i = 0; i < lines; i++) {
        this.room(leading);
        this.y -= leading;
        const base = this.y + size * 0.25;
        if (labels[i]) this.show(labels[i]!, MARGIN, base, size, { muted: true });
        if (values[i]) this.show(values[i]!, MARGIN + labelWidth, base, size, {});
      }
      this.y -= 2;
    }
    this.y -= 4;
  }

  rule(): void {
    this.room(10);
    this.y -= 5;
    this.page.ops.push(
      `0.83 0.86 0.88 RG 0.6 w ${MARGIN} ${this.y.toFixed(2)} m ${MARGIN + WIDTH} ${this.y.toFixed(2)} l S`,
    );
    this.y -= 5;
  }

  /** A PNG scaled to the text width (and at most `maxHeight` tall); false if it cannot be read. */
  image(png: Uint8Array, maxHeight = 330): boolean {
    const image = pngImage(this.pdf, png);
    if (!image) return false;
    const scale = Math.min(WIDTH / image.width, maxHeight / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    this.room(h + 8);
    this.y -= h;
    const key = `Im${++this.imageCount}`;
    this.page.images.set(key, image.ref);
    this.page.ops.push(
      `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} ${MARGIN.toFixed(2)} ${this.y.toFixed(2)} cm /${key} Do Q`,
      `0.83 0.86 0.88 RG 0.5 w ${MARGIN} ${this.y.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)} re S`,
    );
    this.y -= 8;
    return true;
  }

  pageBreak(): void {
    if (this.page.ops.length) this.newPage();
  }

  private fontObject(): PdfRef {
    const f = this.font;
    const per = (v: number) => Math.round((v * 1000) / f.unitsPerEm);
    const fontFile = this.pdf.stream({ Length1: f.bytes.length }, f.bytes);
    // The embedded font is a subset (scripts/subset-font.mjs): the name carries a subset tag.
    const baseName = '/DALELA+DejaVuSans';
    const descriptor = this.pdf.add({
      Type: '/FontDescriptor',
      FontName: baseName,
      Flags: 32,
      FontBBox: f.bbox.map(per),
      ItalicAngle: 0,
      Ascent: per(f.ascent),
      Descent: per(f.descent),
      CapHeight: per(f.capHeight),
      StemV: 80,
      FontFile2: fontFile,
    });
    const glyphs = [...this.used.keys()].sort((a, b) => a - b);
    const widths: PdfValue[] = [];
    for (const g of glyphs) widths.push(g, [per(f.advance(g))]);
    const cid = this.pdf.add({
      Type: '/Font',
      Subtype: '/CIDFontType2',
      BaseFont: baseName,
      CIDSystemInfo: { Registry: '(Adobe)', Ordering: '(Identity)', Supplement: 0 },
      FontDescriptor: descriptor,
      DW: per(f.advance(0)),
      W: widths,
      CIDToGIDMap: '/Identity',
    });
    return this.pdf.add({
      Type: '/Font',
      Subtype: '/Type0',
      BaseFont: baseName,
      Encoding: '/Identity-H',
      DescendantFonts: [cid],
      ToUnicode: this.toUnicode(glyphs),
    });
  }

  /** The CMap that maps each glyph back to its character: what makes the text searchable. */
  private toUnicode(glyphs: number[]): PdfRef {
    const utf16 = (cp: number) =>
      String.fromCodePoint(cp)
        .split('')
        .map((u) => u.charCodeAt(0).toString(16).padStart(4, '0'))
        .join('');
    const lines: string[] = [];
    for (let i = 0; i < glyphs.length; i += 100) {
      const chunk = glyphs.slice(i, i + 100);
      lines.push(`${chunk.length} beginbfchar`);
      for (const g of chunk)
        lines.push(`<${g.toString(16).padStart(4, '0')}> <${utf16(this.used.get(g)!)}>`);
      lines.push('endbfchar');
    }
    const cmap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
${lines.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
    return this.pdf.stream({}, new TextEncoder().encode(cmap));
  }

  /** The finished file. `id`: 32 hex digits naming the document (the package id). */
  finish(id: string): Uint8Array {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const text = this.meta.footer(i + 1, total);
      const size = 7.5;
      const x = PAGE_W - MARGIN - this.width(text, size);
      page.ops.push(
        `BT ${MUTED} 0 Tr /F1 ${size} Tf ${x.toFixed(2)} ${(MARGIN / 2).toFixed(2)} Td <${this.glyphs(
          text,
        )
          .map((g) => g.toString(16).padStart(4, '0'))
          .join('')}> Tj ET`,
      );
    });
    const font = this.fontObject();
    const pagesRef = this.pdf.reserve();
    const kids = this.pages.map((page) => {
      const content = this.pdf.stream({}, new TextEncoder().encode(page.ops.join('\n')));
      return this.pdf.add({
        Type: '/Page',
        Parent: pagesRef,
        MediaBox: [0, 0, PAGE_W, PAGE_H],
        Resources: {
          Font: { F1: font },
          ...(page.images.size ? { XObject: Object.fromEntries(page.images) } : {}),
        },
        Contents: content,
      });
    });
    this.pdf.set(pagesRef, { Type: '/Pages', Kids: kids, Count: kids.length });
    const root = this.pdf.add({
      Type: '/Catalog',
      Pages: pagesRef,
      Lang: `(${this.meta.language})`,
    });
    const info = this.pdf.add({
      Title: textString(this.meta.title),
      Creator: '(Dalel)',
      Producer: '(Dalel)',
    });
    return this.pdf.bytes(
      root,
      info,
      id
        .replace(/[^0-9a-f]/gi, '')
        .padEnd(32, '0')
        .slice(0, 32),
    );
  }
}
