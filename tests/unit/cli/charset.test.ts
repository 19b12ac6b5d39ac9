import { describe, expect, it } from 'vitest';
import { charsetOfMeta, decodePage } from '../../../cli/charset';

const cp1251 = (text: string) => {
  // Cyrillic А..я is 0xC0..0xFF in windows-1251; ASCII stays ASCII.
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else throw new Error(`no windows-1251 byte for ${ch} in this test`);
  }
  return new Uint8Array(bytes);
};

describe('charset sniffing of saved pages (dalel extract)', () => {
  const body = 'Страница';
  it('reads <meta http-equiv="Content-Type" … charset=windows-1251>', () => {
    const page = cp1251(
      `<html><head><meta http-equiv="content-type" content="text/html; charset=windows-1251"></head><body>${body}</body></html>`,
    );
    const decoded = decodePage(page);
    expect(decoded).toMatchObject({ encoding: 'windows-1251', source: 'meta' });
    expect(decoded.text).toContain(body);
    // Read as UTF-8, the same bytes are garbage: the bug this prevents.
    expect(new TextDecoder().decode(page)).not.toContain(body);
  });

  it('reads <meta charset>', () => {
    const page = cp1251(`<meta charset="windows-1251"><p>${body}</p>`);
    expect(decodePage(page)).toMatchObject({
      encoding: 'windows-1251',
      text: expect.stringContaining(body),
    });
  });

  it('lets the saved HTTP header win over the page, and a byte-order mark over both', () => {
    const page = cp1251(`<meta charset="utf-8"><p>${body}</p>`);
    expect(decodePage(page, 'text/html; charset=windows-1251')).toMatchObject({
      source: 'http-header',
      text: expect.stringContaining(body),
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`<p>${body}</p>`)]);
    expect(decodePage(bom, 'text/html; charset=windows-1251')).toMatchObject({
      source: 'bom',
      text: `<p>${body}</p>`,
    });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(`<p>${body}</p>`, 'utf16le')]);
    expect(decodePage(utf16).text).toBe(`<p>${body}</p>`);
  });

  it('defaults to UTF-8 and ignores unknown labels', () => {
    const page = new TextEncoder().encode(`<meta charset="x-no-such"><p>${body}</p>`);
    expect(decodePage(page)).toMatchObject({ encoding: 'utf-8', source: 'default' });
    expect(
      charsetOfMeta('<meta name="description" content="charset=koi8-r in a sentence">'),
    ).toBeNull();
  });
});
