import { zlibSync } from 'fflate';

const encoder = new TextEncoder();

/** `%PDF-1.7` and a comment of bytes above 127, which marks the file as binary to tools. */
const HEADER = Uint8Array.from([...encoder.encode('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]);

/** A PDF name or dictionary value written as PDF syntax. */
export type PdfValue =
  string | number | boolean | PdfRef | PdfValue[] | { [key: string]: PdfValue };

export class PdfRef {
  constructor(readonly id: number) {}
  toString(): string {
    return `${this.id} 0 R`;
  }
}

/** A PDF name: `/Type`. */
export const name = (n: string) => `/${n}`;

/** A text string as UTF-16BE hex (any language, in the Info dictionary). */
export function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

function serialize(value: PdfValue): string {
  if (value instanceof PdfRef) return value.toString();
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  if (typeof value === 'object')
    return `<<${Object.entries(value)
      .map(([k, v]) => `/${k} ${serialize(v)}`)
      .join(' ')}>>`;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return String(value);
}

/**
 * The objects of one PDF file and their serialization (cross-reference table, trailer). Streams
 * are Flate-compressed unless already encoded.
 */
export class PdfFile {
  private readonly objects: Array<Uint8Array | undefined> = [];

  /** Reserves an object number, to be filled later (pages refer to their parent first). */
  reserve(): PdfRef {
    this.objects.push(undefined);
    return new PdfRef(this.objects.length);
  }

  set(ref: PdfRef, value: PdfValue): PdfRef {
    this.objects[ref.id - 1] = encoder.encode(serialize(value));
    return ref;
  }

  add(value: PdfValue): PdfRef {
    return this.set(this.reserve(), value);
  }

  /** A stream; `filter` set when `data` is already encoded (e.g. `/FlateDecode` PNG rows). */
  stream(
    dict: Record<string, PdfValue>,
    data: Uint8Array,
    options: { compress?: boolean } = {},
  ): PdfRef {
    const compress = options.compress ?? !('Filter' in dict);
    const body = compress ? zlibSync(data, { level: 6 }) : data;
    const head = encoder.encode(
      `${serialize({ ...dict, ...(compress ? { Filter: '/FlateDecode' } : {}), Length: body.length })}\nstream\n`,
    );
    const tail = encoder.encode('\nendstream');
    const bytes = new Uint8Array(head.length + body.length + tail.length);
    bytes.set(head, 0);
    bytes.set(body, head.length);
    bytes.set(tail, head.length + body.length);
    const ref = this.reserve();
    this.objects[ref.id - 1] = bytes;
    return ref;
  }

  /** The whole file. */
  bytes(root: PdfRef, info: PdfRef, id: string): Uint8Array {
    const parts: Uint8Array[] = [HEADER];
    let offset = HEADER.length;
    const offsets: number[] = [];
    this.objects.forEach((body, i) => {
      if (!body) throw new Error(`pdf: object ${i + 1} was reserved but never written`);
      const head = encoder.encode(`${i + 1} 0 obj\n`);
      const tail = encoder.encode('\nendobj\n');
      offsets.push(offset);
      parts.push(head, body, tail);
      offset += head.length + body.length + tail.length;
    });
    const xref = [
      'xref',
      `0 ${this.objects.length + 1}`,
      '0000000000 65535 f ',
      ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
      'trailer',
      serialize({
        Size: this.objects.length + 1,
        Root: root,
        Info: info,
        ID: [`<${id}>`, `<${id}>`],
      }),
      'startxref',
      String(offset),
      '%%EOF',
      '',
    ].join('\n');
    parts.push(encoder.encode(xref));
    const total = parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
