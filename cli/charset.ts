/**
 * The character encoding of a saved page, decided the way a browser decides it (WHATWG
 * "encoding sniffing", simplified): a byte-order mark first, then the charset of the HTTP
 * `Content-Type` header when one was saved with the page, then `<meta charset>` /
 * `<meta http-equiv="Content-Type">` in the first 4 KB, else UTF-8. Pages of Russian sites saved
 * years ago are often windows-1251 (VK until 2023); read as UTF-8 their Cyrillic turns to garbage.
 */

export interface DecodedText {
  text: string;
  /** The WHATWG encoding label used (`utf-8`, `windows-1251`, …). */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'http-header' | 'meta' | 'default';
}

const PRESCAN_BYTES = 4096;

/** The charset parameter of a Content-Type value (`text/html; charset=windows-1251`), or null. */
export function charsetOfContentType(value: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(value ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function bomOf(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The attributes of one start tag (`<meta a="b" c=d>`), names lower-cased. */
function attributesOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, m[3] ?? m[4] ?? m[5] ?? '');
  }
  return out;
}

/** `<meta charset=…>` or `<meta http-equiv=Content-Type content="…charset=…">` in the page's head. */
export function charsetOfMeta(head: string): string | null {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const attrs = attributesOf(tag);
    const direct = attrs.get('charset');
    if (direct) return direct.trim().toLowerCase();
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-type') {
      const charset = charsetOfContentType(attrs.get('content'));
      if (charset) return charset;
    }
  }
  return null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null; // an unknown label is ignored, as browsers do
  }
}

/** Decodes saved page bytes; `contentType` is the HTTP header saved with the page, if any. */
export function decodePage(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = bomOf(bytes);
  if (bom) {
    // TextDecoder drops the BOM itself.
    return { text: new TextDecoder(bom).decode(bytes), encoding: bom, source: 'bom' };
  }
  const header = decoderFor(charsetOfContentType(contentType));
  if (header)
    return { text: header.decode(bytes), encoding: header.encoding, source: 'http-header' };
  // The prescan reads ASCII only, so any ASCII-compatible decoding of the head will do.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const declared = decoderFor(charsetOfMeta(head));
  // A page that declares UTF-16 in a meta tag but has no BOM is ASCII-compatible: browsers use UTF-8.
  if (declared && !declared.encoding.startsWith('utf-16')) {
    return { text: declared.decode(bytes), encoding: declared.encoding, source: 'meta' };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'default' };
}
