/**
 * The few S3 XML answers the locker reads (errors, multipart ids, listings), read without a DOM:
 * an MV3 service worker has no DOMParser. S3's XML is flat and regular — no attributes we need,
 * no CDATA, no nesting of a tag inside itself — so a tag's text is found by name, and entities
 * are decoded. Anything unexpected reads as "absent", never as a wrong value.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10)) ?? whole;
    return ENTITIES[name] ?? whole;
  });
}

function safeCodePoint(n: number): string | null {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : null;
}

function tagPattern(tag: string): RegExp {
  if (!/^[A-Za-z]+$/.test(tag)) throw new Error(`unsupported tag name ${tag}`);
  return new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
}

/** The text of the first `<tag>` (entities decoded), or null. */
export function xmlText(xml: string, tag: string): string | null {
  const m = tagPattern(tag).exec(xml);
  return m ? decodeEntities(m[1]!) : null;
}

/** The raw inner XML of every `<tag>…</tag>`, in order. */
export function xmlBlocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(tagPattern(tag))].map((m) => m[1]!);
}

export interface S3ErrorBody {
  code: string | null;
  message: string | null;
}

/** An S3 `<Error>` body (also sent with status 200 by CompleteMultipartUpload), or null. */
export function s3Error(xml: string): S3ErrorBody | null {
  const block = xmlBlocks(xml, 'Error')[0];
  if (block === undefined) return null;
  return { code: xmlText(block, 'Code'), message: xmlText(block, 'Message') };
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );
}
