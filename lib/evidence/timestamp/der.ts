// A strict DER reader and a small writer: just what RFC 3161 tokens, CMS SignedData and X.509
// certificates need. The reader trusts nothing: definite, minimal lengths only, every child must
// tile its parent exactly, and every accessor checks the tag it expects. Errors are DerError.

export class DerError extends Error {}

/** One TLV. `value` and `raw` are views into the input (raw includes the header). */
export interface Der {
  /** The identifier octet (class, constructed bit, tag number < 31). */
  tag: number;
  value: Uint8Array;
  raw: Uint8Array;
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
  printableString: 0x13,
  t61String: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
} as const;

/** Context-specific tag `[n]`, constructed (explicit or implicit SEQUENCE/SET) or primitive. */
export const ctx = (n: number, constructed = true): number => (constructed ? 0xa0 : 0x80) | n;

/** Reads the one TLV at `offset`; it must end within `end`. */
export function readTlv(bytes: Uint8Array, offset = 0, end = bytes.length): Der {
  if (offset + 2 > end) throw new DerError('truncated: no room for a tag and a length');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tag numbers are not used here');
  let at = offset + 1;
  const first = bytes[at++]!;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const n = first & 0x7f;
    if (n === 0) throw new DerError('indefinite length is not DER');
    if (n > 4) throw new DerError('length field too long');
    if (at + n > end) throw new DerError('truncated length');
    if (bytes[at] === 0) throw new DerError('non-minimal length encoding');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[at++]!;
    if (length < 0x80) throw new DerError('non-minimal length encoding');
  }
  if (at + length > end) throw new DerError('truncated: value runs past its container');
  return { tag, value: bytes.subarray(at, at + length), raw: bytes.subarray(offset, at + length) };
}

/** Parses a whole buffer that must be exactly one TLV. */
export function parseDer(bytes: Uint8Array): Der {
  const node = readTlv(bytes);
  if (node.raw.length !== bytes.length) throw new DerError('trailing bytes after the DER value');
  return node;
}

/** The children of a constructed node; they must tile its value exactly. */
export function children(node: Der, expectTag?: number): Der[] {
  if (expectTag !== undefined) expect(node, expectTag);
  if (!(node.tag & 0x20)) throw new DerError(`tag 0x${hex2(node.tag)} is not constructed`);
  const out: Der[] = [];
  let at = 0;
  while (at < node.value.length) {
    const child = readTlv(node.value, at);
    out.push(child);
    at += child.raw.length;
    if (out.length > 10_000) throw new DerError('too many elements');
  }
  return out;
}

/** The one element an EXPLICIT tag wraps. */
export function explicit(node: Der, what: string): Der {
  const inner = children(node);
  if (inner.length !== 1) throw new DerError(`${what}: expected exactly one element`);
  return inner[0]!;
}

/** A cursor over a SEQUENCE's children, for schemas with OPTIONAL and DEFAULT fields. */
export class Reader {
  private i = 0;
  readonly items: Der[];
  constructor(node: Der, tag: number = TAG.sequence) {
    this.items = children(node, tag);
  }
  /** The next element, which must have `tag`. */
  take(tag: number, what: string): Der {
    const node = this.items[this.i];
    if (!node) throw new DerError(`${what}: missing`);
    if (node.tag !== tag)
      throw new DerError(`${what}: expected tag 0x${hex2(tag)}, found 0x${hex2(node.tag)}`);
    this.i++;
    return node;
  }
  /** The next element if it has `tag`, else null (OPTIONAL fields). */
  optional(tag: number): Der | null {
    const node = this.items[this.i];
    if (!node || node.tag !== tag) return null;
    this.i++;
    return node;
  }
  /** The next element, whatever its tag (a CHOICE). */
  any(what: string): Der {
    const node = this.items[this.i];
    if (!node) throw new DerError(`${what}: missing`);
    this.i++;
    return node;
  }
  /** No element may remain (schemas here have no extension markers). */
  end(what: string): void {
    if (this.i !== this.items.length) throw new DerError(`${what}: unexpected trailing element`);
  }
}

export function expect(node: Der, tag: number): Der {
  if (node.tag !== tag)
    throw new DerError(`expected tag 0x${hex2(tag)}, found 0x${hex2(node.tag)}`);
  return node;
}

/** An INTEGER's two's-complement bytes, checked minimal; `nonNegative` refuses negatives. */
export function integerBytes(node: Der, nonNegative = true): Uint8Array {
  const v = node.value;
  if (v.length === 0) throw new DerError('empty INTEGER');
  if (v.length > 1 && ((v[0] === 0 && v[1]! < 0x80) || (v[0] === 0xff && v[1]! >= 0x80)))
    throw new DerError('non-minimal INTEGER');
  if (nonNegative && v[0]! >= 0x80) throw new DerError('negative INTEGER');
  return v;
}

/** A small non-negative INTEGER (six bytes at most, so below 2^47) as a number. */
export function smallInt(node: Der): number {
  expect(node, TAG.integer);
  const v = integerBytes(node);
  if (v.length > 6) throw new DerError('INTEGER too large');
  let n = 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

/** An INTEGER as lower-case hex without sign padding (serial numbers, nonces). */
export function integerHex(node: Der): string {
  expect(node, TAG.integer);
  const v = integerBytes(node);
  const trimmed = v.length > 1 && v[0] === 0 ? v.subarray(1) : v;
  return [...trimmed].map(hex2).join('');
}

export function boolean(node: Der): boolean {
  expect(node, TAG.boolean);
  if (node.value.length !== 1) throw new DerError('BOOLEAN of wrong length');
  if (node.value[0] === 0xff) return true;
  if (node.value[0] === 0x00) return false;
  throw new DerError('BOOLEAN must be 0x00 or 0xFF in DER');
}

export function oid(node: Der): string {
  expect(node, TAG.oid);
  const v = node.value;
  if (v.length === 0 || v.length > 64) throw new DerError('OBJECT IDENTIFIER of bad length');
  if (v[v.length - 1]! & 0x80) throw new DerError('truncated OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let n = 0;
  let start = true;
  for (const b of v) {
    if (start && b === 0x80) throw new DerError('non-minimal OBJECT IDENTIFIER arc');
    start = false;
    n = n * 128 + (b & 0x7f);
    if (n > Number.MAX_SAFE_INTEGER / 128) throw new DerError('OBJECT IDENTIFIER arc too large');
    if (!(b & 0x80)) {
      arcs.push(n);
      n = 0;
      start = true;
    }
  }
  const first = arcs.shift()!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

export function octets(node: Der): Uint8Array {
  return expect(node, TAG.octetString).value;
}

/** A BIT STRING whose length is a whole number of bytes (keys and signatures). */
export function bitStringBytes(node: Der): Uint8Array {
  expect(node, TAG.bitString);
  if (node.value.length === 0) throw new DerError('empty BIT STRING');
  if (node.value[0] !== 0)
    throw new DerError('BIT STRING with unused bits where bytes are expected');
  return node.value.subarray(1);
}

/** A named-bit BIT STRING (key usage): bit i set ⇔ result[i]. */
export function bitFlags(node: Der): boolean[] {
  expect(node, TAG.bitString);
  const v = node.value;
  if (v.length === 0 || v[0]! > 7 || (v.length === 1 && v[0] !== 0))
    throw new DerError('malformed BIT STRING');
  const unused = v[0]!;
  const bits: boolean[] = [];
  for (let i = 1; i < v.length; i++) {
    for (let b = 7; b >= 0; b--) bits.push(((v[i]! >> b) & 1) === 1);
  }
  if (unused && v[v.length - 1]! & ((1 << unused) - 1))
    throw new DerError('BIT STRING has set bits in its unused part');
  return bits.slice(0, bits.length - unused);
}

const TIME_DIGITS = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/;

/** UTCTime or GeneralizedTime in their DER forms (UTC, with seconds, `Z`), as a Date. */
export function time(node: Der): Date {
  const text = ascii(node.value);
  let full: string;
  if (node.tag === TAG.utcTime) {
    if (!/^\d{12}Z$/.test(text)) throw new DerError(`UTCTime "${text}" is not in DER form`);
    const yy = Number(text.slice(0, 2));
    full = `${yy >= 50 ? 19 : 20}${text}`;
  } else if (node.tag === TAG.generalizedTime) {
    full = text;
  } else {
    throw new DerError('expected a time');
  }
  const m = TIME_DIGITS.exec(full);
  if (!m) throw new DerError(`GeneralizedTime "${text}" is not in DER form`);
  const [, y, mo, d, h, mi, s, frac] = m;
  // Date.UTC maps years 0–99 to 1900–1999; nothing time-stamped predates 1950 anyway.
  if (+y! < 1950) throw new DerError(`time "${text}" is before 1950`);
  const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) + Math.floor(ms));
  if (
    date.getUTCMonth() !== +mo! - 1 ||
    date.getUTCDate() !== +d! ||
    +h! > 23 ||
    +mi! > 59 ||
    +s! > 59
  )
    throw new DerError(`time "${text}" is not a real date`);
  return date;
}

/** The text of a directory string (names in certificates). */
export function text(node: Der): string {
  switch (node.tag) {
    case TAG.utf8String:
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(node.value);
      } catch {
        throw new DerError('UTF8String is not valid UTF-8');
      }
    case TAG.printableString:
    case TAG.ia5String:
    case TAG.t61String:
      return latin1(node.value);
    case TAG.bmpString: {
      if (node.value.length % 2) throw new DerError('odd-length BMPString');
      let s = '';
      for (let i = 0; i < node.value.length; i += 2)
        s += String.fromCharCode((node.value[i]! << 8) | node.value[i + 1]!);
      return s;
    }
    default:
      throw new DerError(`tag 0x${hex2(node.tag)} is not a string`);
  }
}

/**
 * Checks that a value this code does not otherwise interpret (algorithm parameters) is
 * well-formed DER all the way down, as OpenSSL's parser demands of it.
 */
export function wellFormed(node: Der, depth = 0): void {
  if (depth > 16) throw new DerError('nested too deeply');
  const universal = (node.tag & 0xc0) === 0;
  if (universal && node.tag & 0x20 && node.tag !== TAG.sequence && node.tag !== TAG.set)
    throw new DerError(`universal tag 0x${hex2(node.tag)} must be primitive in DER`);
  if (node.tag & 0x20) {
    for (const child of children(node)) wellFormed(child, depth + 1);
    return;
  }
  switch (node.tag) {
    case TAG.boolean:
      boolean(node);
      break;
    case TAG.integer:
      integerBytes(node, false);
      break;
    case TAG.null:
      if (node.value.length) throw new DerError('NULL with content');
      break;
    case TAG.oid:
      oid(node);
      break;
    case TAG.bitString:
      bitFlags(node);
      break;
    case TAG.utf8String:
    case TAG.printableString:
    case TAG.ia5String:
    case TAG.bmpString:
      text(node);
      break;
    case TAG.utcTime:
    case TAG.generalizedTime:
      time(node);
      break;
    default:
      break;
  }
}

function ascii(bytes: Uint8Array): string {
  if (bytes.some((b) => b > 0x7e || b < 0x20)) throw new DerError('non-ASCII time');
  return latin1(bytes);
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

const hex2 = (b: number): string => b.toString(16).padStart(2, '0');

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ——— writer ———

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return [0x80 | out.length, ...out];
}

/** One TLV from a tag and its content (already encoded children, or a primitive's bytes). */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const size = content.reduce((n, c) => n + c.length, 0);
  const head = [tag, ...lengthBytes(size)];
  const out = new Uint8Array(head.length + size);
  out.set(head);
  let at = head.length;
  for (const c of content) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const seq = (...items: Uint8Array[]): Uint8Array => tlv(TAG.sequence, ...items);

/** A non-negative INTEGER from big-endian magnitude bytes (or a small number). */
export function int(value: number | Uint8Array): Uint8Array {
  let bytes: number[];
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw new DerError('bad INTEGER value');
    bytes = [];
    do {
      bytes.unshift(value & 0xff);
      value = Math.floor(value / 256);
    } while (value > 0);
  } else {
    bytes = [...value];
    while (bytes.length > 1 && bytes[0] === 0) bytes.shift();
    if (bytes.length === 0) bytes = [0];
  }
  if (bytes[0]! >= 0x80) bytes.unshift(0);
  return tlv(TAG.integer, new Uint8Array(bytes));
}

export function oidBytes(dotted: string): Uint8Array {
  // Decimal arcs without leading zeros (X.660): '1.2.' or '1..2' must not become 1.2.0.
  const arcs = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/.test(dotted) ? dotted.split('.').map(Number) : [];
  if (
    arcs.length < 2 ||
    arcs.some((a) => !Number.isSafeInteger(a)) ||
    arcs[0]! > 2 ||
    (arcs[0]! < 2 && arcs[1]! >= 40)
  )
    throw new DerError(`bad OID ${dotted}`);
  const out: number[] = [];
  const push = (n: number) => {
    const group: number[] = [n & 0x7f];
    n = Math.floor(n / 128);
    while (n > 0) {
      group.unshift((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    out.push(...group);
  };
  push(arcs[0]! * 40 + arcs[1]!);
  for (const a of arcs.slice(2)) push(a);
  return tlv(TAG.oid, new Uint8Array(out));
}

export const octetString = (bytes: Uint8Array): Uint8Array => tlv(TAG.octetString, bytes);
export const bool = (v: boolean): Uint8Array => tlv(TAG.boolean, new Uint8Array([v ? 0xff : 0]));
export const nullDer = (): Uint8Array => tlv(TAG.null);
