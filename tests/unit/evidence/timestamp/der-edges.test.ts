// The DER reader and writer at each of their limits, one byte either side, with the exact words
// of each refusal: where der.test.ts shows that hostile input is refused, this shows where
// accepted ends and refused begins.
import { describe, expect, it } from 'vitest';
import {
  bitFlags,
  bitStringBytes,
  bool,
  boolean,
  children,
  DerError,
  explicit,
  int,
  integerBytes,
  integerHex,
  nullDer,
  oid,
  oidBytes,
  parseDer,
  readTlv,
  sameBytes,
  seq,
  smallInt,
  TAG,
  text,
  time,
  tlv,
  wellFormed,
} from '../../../../lib/evidence/timestamp/der';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);
const der = (...b: number[]) => parseDer(bytes(...b));
/** `fn` throws a DerError with exactly this message. */
const refused = (fn: () => unknown, message: string) => expect(fn).toThrow(new DerError(message));

describe('lengths', () => {
  it('a length field of four bytes is read; five is refused', () => {
    // Four length bytes claiming 16 MiB, with nothing after: refused for the content, not the field.
    refused(
      () => readTlv(bytes(0x04, 0x84, 0x01, 0, 0, 0)),
      'truncated: value runs past its container',
    );
    refused(() => readTlv(bytes(0x04, 0x85, 1, 0, 0, 0, 0)), 'length field too long');
  });

  it('a length field that ends exactly at the end of the input is read', () => {
    refused(() => readTlv(bytes(0x04, 0x82, 0x01)), 'truncated length');
    refused(() => readTlv(bytes(0x04, 0x81, 0x80)), 'truncated: value runs past its container');
    const value = new Uint8Array(0x80).fill(9);
    expect(readTlv(bytes(0x04, 0x81, 0x80, ...value)).value).toEqual(value);
    // `end` bounds the read, not the buffer
    refused(
      () => readTlv(bytes(0x04, 0x81, 0x80, ...value), 0, 3),
      'truncated: value runs past its container',
    );
    refused(() => readTlv(bytes(0x04, 0x82, 0x01, 0x00), 0, 3), 'truncated length');
  });

  it('the writer uses the short form up to 127 bytes and the long form from 128', () => {
    expect(tlv(TAG.octetString, new Uint8Array(0x7f)).subarray(0, 2)).toEqual(bytes(0x04, 0x7f));
    expect(tlv(TAG.octetString, new Uint8Array(0x80)).subarray(0, 3)).toEqual(
      bytes(0x04, 0x81, 0x80),
    );
    expect(tlv(TAG.octetString, new Uint8Array(0x100)).subarray(0, 4)).toEqual(
      bytes(0x04, 0x82, 1, 0),
    );
    expect(parseDer(tlv(TAG.octetString, new Uint8Array(0x80))).value).toHaveLength(0x80);
  });
});

describe('constructed values', () => {
  const nulls = (n: number) => seq(...Array.from({ length: n }, () => nullDer()));

  it('at most 10,000 children', () => {
    expect(children(parseDer(nulls(10_000)))).toHaveLength(10_000);
    refused(() => children(parseDer(nulls(10_001))), 'too many elements');
  });

  it('EXPLICIT wraps exactly one element: not none, not two', () => {
    refused(() => explicit(der(0xa0, 0x00), 'field'), 'field: expected exactly one element');
    refused(
      () => explicit(der(0xa0, 0x04, 0x05, 0x00, 0x05, 0x00), 'field'),
      'field: expected exactly one element',
    );
    expect(explicit(der(0xa0, 0x02, 0x05, 0x00), 'field').tag).toBe(TAG.null);
  });
});

describe('INTEGER', () => {
  it('minimal two’s complement: a leading 00 only before a high bit, FF only before a low one', () => {
    expect(integerBytes(der(0x02, 0x02, 0x00, 0x80))).toEqual(bytes(0x00, 0x80));
    expect(integerBytes(der(0x02, 0x02, 0x01, 0x00))).toEqual(bytes(0x01, 0x00));
    expect(integerBytes(der(0x02, 0x02, 0xff, 0x7f), false)).toEqual(bytes(0xff, 0x7f));
    expect(integerBytes(der(0x02, 0x01, 0x00))).toEqual(bytes(0x00));
    expect(integerBytes(der(0x02, 0x01, 0xff), false)).toEqual(bytes(0xff));
    refused(() => integerBytes(der(0x02, 0x02, 0x00, 0x7f)), 'non-minimal INTEGER');
    refused(() => integerBytes(der(0x02, 0x02, 0xff, 0x80), false), 'non-minimal INTEGER');
    refused(() => integerBytes(der(0x02, 0x01, 0x80)), 'negative INTEGER');
  });

  it('smallInt: up to six bytes (below 2^47), read big-endian', () => {
    expect(smallInt(der(0x02, 0x02, 0x01, 0x02))).toBe(258);
    expect(smallInt(der(0x02, 0x06, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff))).toBe(0x7fffffffffff);
    // 2^47 and more need seven bytes with the sign byte: too large
    refused(() => smallInt(der(0x02, 0x07, 0x00, 0x80, 0, 0, 0, 0, 0)), 'INTEGER too large');
    refused(() => smallInt(der(0x02, 0x07, 0x01, 0, 0, 0, 0, 0, 0)), 'INTEGER too large');
  });

  it('integerHex drops only the sign byte', () => {
    expect(integerHex(der(0x02, 0x02, 0x00, 0x80))).toBe('80');
    expect(integerHex(der(0x02, 0x01, 0x00))).toBe('00');
    expect(integerHex(der(0x02, 0x01, 0x05))).toBe('05');
    expect(integerHex(der(0x02, 0x02, 0x01, 0x00))).toBe('0100');
  });

  it('the writer: minimal, positive, and only safe integers', () => {
    expect(int(0)).toEqual(bytes(0x02, 0x01, 0x00));
    expect(int(0x7f)).toEqual(bytes(0x02, 0x01, 0x7f));
    expect(int(0x80)).toEqual(bytes(0x02, 0x02, 0x00, 0x80));
    expect(int(0x0100)).toEqual(bytes(0x02, 0x02, 0x01, 0x00));
    expect(int(bytes(0, 0, 5))).toEqual(bytes(0x02, 0x01, 0x05));
    expect(int(bytes(0))).toEqual(bytes(0x02, 0x01, 0x00));
    expect(int(bytes())).toEqual(bytes(0x02, 0x01, 0x00));
    expect(int(bytes(0x80, 0))).toEqual(bytes(0x02, 0x03, 0x00, 0x80, 0x00));
    for (const bad of [-1, 1.5, 2 ** 53]) refused(() => int(bad), 'bad INTEGER value');
  });
});

describe('BOOLEAN', () => {
  it('one byte, 00 or FF', () => {
    expect(boolean(der(0x01, 0x01, 0x00))).toBe(false);
    expect(boolean(der(0x01, 0x01, 0xff))).toBe(true);
    refused(() => boolean(der(0x01, 0x02, 0xff, 0xff)), 'BOOLEAN of wrong length');
    refused(() => boolean(der(0x01, 0x00)), 'BOOLEAN of wrong length');
    expect(bool(true)).toEqual(bytes(0x01, 0x01, 0xff));
    expect(bool(false)).toEqual(bytes(0x01, 0x01, 0x00));
  });
});

describe('OBJECT IDENTIFIER', () => {
  it('1 to 64 bytes', () => {
    refused(() => oid(der(0x06, 0x00)), 'OBJECT IDENTIFIER of bad length');
    const long = [0x2a, ...new Array(63).fill(0x01)];
    expect(oid(der(0x06, 64, ...long)).split('.')).toHaveLength(65);
    refused(() => oid(der(0x06, 65, ...long, 0x01)), 'OBJECT IDENTIFIER of bad length');
  });

  it('no arc may start with 0x80, the first one included', () => {
    refused(() => oid(der(0x06, 0x02, 0x80, 0x01)), 'non-minimal OBJECT IDENTIFIER arc');
    expect(oid(der(0x06, 0x02, 0x81, 0x00))).toBe('2.48');
  });

  it('arcs up to 2^46 are read; larger ones are refused before they lose precision', () => {
    // 2^46 - 1 in seven-bit groups: 7 bytes (0x0f then six 0x7f).
    expect(oid(der(0x06, 0x08, 0x2a, 0x8f, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f))).toBe(
      `1.2.${2 ** 46 - 1}`,
    );
    refused(
      () => oid(der(0x06, 0x0a, 0x2a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)),
      'OBJECT IDENTIFIER arc too large',
    );
    // exactly 2^47: the smallest arc refused, far below where doubles lose integers
    refused(
      () => oid(der(0x06, 0x08, 0x2a, 0xa0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)),
      'OBJECT IDENTIFIER arc too large',
    );
  });

  it('the first byte splits at 40 and 80 into the first two arcs', () => {
    expect(oid(der(0x06, 0x01, 39))).toBe('0.39');
    expect(oid(der(0x06, 0x01, 40))).toBe('1.0');
    expect(oid(der(0x06, 0x01, 79))).toBe('1.39');
    expect(oid(der(0x06, 0x01, 80))).toBe('2.0');
  });

  it('the writer refuses what is no OID', () => {
    for (const bad of [
      '1',
      '1.2.x',
      '1.-2',
      '',
      '1.2.3.0.5a',
      '1.2.',
      '1..2',
      '.1.2',
      '01.2',
      '1.02',
      '1.2 ',
      '3.1',
      '1.40',
      '0.40',
      '1.2.99999999999999999',
    ])
      refused(() => oidBytes(bad), `bad OID ${bad}`);
    expect(oidBytes('1.2.1.5')).toEqual(bytes(0x06, 0x03, 0x2a, 0x01, 0x05));
    expect(oidBytes('2.999.3')).toEqual(bytes(0x06, 0x03, 0x88, 0x37, 0x03));
    expect(oidBytes('0.39')).toEqual(bytes(0x06, 0x01, 39));
    expect(oidBytes('1.39')).toEqual(bytes(0x06, 0x01, 79));
    expect(oidBytes('2.40')).toEqual(bytes(0x06, 0x01, 120));
  });
});

describe('BIT STRING', () => {
  it('as bytes: a leading 00, nothing else', () => {
    refused(() => bitStringBytes(der(0x03, 0x00)), 'empty BIT STRING');
    refused(
      () => bitStringBytes(der(0x03, 0x02, 0x01, 0xfe)),
      'BIT STRING with unused bits where bytes are expected',
    );
    expect(bitStringBytes(der(0x03, 0x01, 0x00))).toEqual(bytes());
    expect(bitStringBytes(der(0x03, 0x03, 0x00, 0xab, 0xcd))).toEqual(bytes(0xab, 0xcd));
  });

  it('as flags: the unused count 0..7, and no set bit among the unused', () => {
    const malformed = 'malformed BIT STRING';
    refused(() => bitFlags(der(0x03, 0x00)), malformed);
    refused(() => bitFlags(der(0x03, 0x02, 0x08, 0x00)), malformed);
    refused(() => bitFlags(der(0x03, 0x01, 0x01)), malformed);
    expect(bitFlags(der(0x03, 0x01, 0x00))).toEqual([]);
    expect(bitFlags(der(0x03, 0x02, 0x07, 0x80))).toEqual([true]);
    refused(
      () => bitFlags(der(0x03, 0x02, 0x01, 0x01)),
      'BIT STRING has set bits in its unused part',
    );
    expect(bitFlags(der(0x03, 0x03, 0x07, 0x81, 0x80))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(bitFlags(der(0x03, 0x02, 0x00, 0x01))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('times', () => {
  const utc = (s: string) => time(parseDer(tlv(TAG.utcTime, ascii(s))));
  const gen = (s: string) => time(parseDer(tlv(TAG.generalizedTime, ascii(s))));

  it('UTCTime: twelve digits and Z, years 50–99 in the 1900s', () => {
    expect(utc('500101000000Z').toISOString()).toBe('1950-01-01T00:00:00.000Z');
    expect(utc('491231235959Z').toISOString()).toBe('2049-12-31T23:59:59.000Z');
    refused(() => utc('2501010000Z'), 'UTCTime "2501010000Z" is not in DER form');
    refused(() => utc('250101000000Z0'), 'UTCTime "250101000000Z0" is not in DER form');
    refused(() => utc('a250101000000Z'), 'UTCTime "a250101000000Z" is not in DER form');
    refused(() => utc('250101000000+0100'), 'UTCTime "250101000000+0100" is not in DER form');
  });

  it('GeneralizedTime: seconds, Z, a fraction without trailing zeros; 1950 on', () => {
    expect(gen('20250102030405Z').toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(gen('20250102030405.5Z').toISOString()).toBe('2025-01-02T03:04:05.500Z');
    expect(gen('20250102030405.125Z').toISOString()).toBe('2025-01-02T03:04:05.125Z');
    refused(
      () => gen('20250102030405.50Z'),
      'GeneralizedTime "20250102030405.50Z" is not in DER form',
    );
    refused(() => gen('202501020304Z'), 'GeneralizedTime "202501020304Z" is not in DER form');
    refused(() => gen('19491231235959Z'), 'time "19491231235959Z" is before 1950');
    expect(gen('19500101000000Z').getUTCFullYear()).toBe(1950);
  });

  it('only real dates and times', () => {
    for (const bad of [
      '20251301000000Z',
      '20250230000000Z',
      '20250132000000Z',
      '20250101240000Z',
      '20250101006000Z',
      '20250101000060Z',
    ])
      refused(() => gen(bad), `time "${bad}" is not a real date`);
    expect(gen('20240229235959Z').toISOString()).toBe('2024-02-29T23:59:59.000Z');
  });

  it('printable ASCII only, and a time tag', () => {
    refused(() => time(parseDer(tlv(TAG.utcTime, bytes(0x32, 0x80)))), 'non-ASCII time');
    refused(() => time(parseDer(tlv(TAG.utcTime, bytes(0x32, 0x1f)))), 'non-ASCII time');
    // space and ~ are printable: refused for the form, not the characters
    refused(() => utc(' ~'), 'UTCTime " ~" is not in DER form');
    refused(() => time(der(0x04, 0x01, 0x32)), 'expected a time');
  });
});

describe('strings', () => {
  it('each string type, and nothing else', () => {
    expect(text(parseDer(tlv(TAG.utf8String, ascii('Дәлел'))))).toBe('Дәлел');
    refused(() => text(der(0x0c, 0x01, 0xff)), 'UTF8String is not valid UTF-8');
    expect(text(der(0x13, 0x02, 0x41, 0x42))).toBe('AB');
    expect(text(der(0x16, 0x01, 0x41))).toBe('A');
    expect(text(der(0x14, 0x01, 0xe9))).toBe('é');
    expect(text(der(0x1e, 0x04, 0x00, 0x41, 0x04, 0x30))).toBe('Aа');
    expect(text(der(0x1e, 0x00))).toBe('');
    refused(() => text(der(0x1e, 0x03, 0x00, 0x41, 0x00)), 'odd-length BMPString');
    refused(() => text(der(0x04, 0x01, 0x41)), 'tag 0x04 is not a string');
  });
});

describe('wellFormed: uninterpreted values checked all the way down', () => {
  const nest = (depth: number): Uint8Array => (depth === 0 ? nullDer() : seq(nest(depth - 1)));

  it('17 levels are checked, the 18th is refused', () => {
    expect(() => wellFormed(parseDer(nest(16)))).not.toThrow();
    refused(() => wellFormed(parseDer(nest(17))), 'nested too deeply');
    // the depth counts from where the check starts
    expect(() => wellFormed(parseDer(nest(17)), -1)).not.toThrow();
  });

  it('a universal constructed tag other than SEQUENCE and SET is refused; tagged ones are not', () => {
    refused(
      () => wellFormed(der(0x24, 0x02, 0x04, 0x00)),
      'universal tag 0x24 must be primitive in DER',
    );
    expect(() => wellFormed(der(0xa0, 0x02, 0x05, 0x00))).not.toThrow();
    expect(() => wellFormed(der(0x31, 0x02, 0x05, 0x00))).not.toThrow();
    refused(
      () => wellFormed(der(0xa0, 0x03, 0x01, 0x01, 0x01)),
      'BOOLEAN must be 0x00 or 0xFF in DER',
    );
  });

  it('each primitive it knows is checked; others pass as they are', () => {
    expect(() => wellFormed(der(0x02, 0x01, 0xff))).not.toThrow(); // negative is fine here
    refused(() => wellFormed(der(0x02, 0x02, 0x00, 0x01)), 'non-minimal INTEGER');
    refused(() => wellFormed(der(0x05, 0x01, 0x00)), 'NULL with content');
    refused(() => wellFormed(der(0x06, 0x02, 0x2a, 0x80)), 'truncated OBJECT IDENTIFIER');
    refused(
      () => wellFormed(der(0x03, 0x02, 0x01, 0x01)),
      'BIT STRING has set bits in its unused part',
    );
    refused(() => wellFormed(der(0x0c, 0x01, 0xff)), 'UTF8String is not valid UTF-8');
    refused(() => wellFormed(der(0x1e, 0x01, 0x00)), 'odd-length BMPString');
    refused(
      () => wellFormed(parseDer(tlv(TAG.utcTime, ascii('1')))),
      'UTCTime "1" is not in DER form',
    );
    refused(
      () => wellFormed(parseDer(tlv(TAG.generalizedTime, ascii('2025')))),
      'GeneralizedTime "2025" is not in DER form',
    );
    refused(() => wellFormed(der(0x01, 0x01, 0x01)), 'BOOLEAN must be 0x00 or 0xFF in DER');
    // an OCTET STRING's content and an unknown tag are not interpreted
    expect(() => wellFormed(der(0x04, 0x02, 0x30, 0x80))).not.toThrow();
    expect(() => wellFormed(der(0x1a, 0x01, 0xff))).not.toThrow();
  });
});

describe('sameBytes', () => {
  it('equal only with the same length and every byte', () => {
    expect(sameBytes(bytes(1, 2), bytes(1, 2))).toBe(true);
    expect(sameBytes(bytes(1, 2), bytes(1, 3))).toBe(false);
    expect(sameBytes(bytes(1, 2), bytes(1, 2, 3))).toBe(false);
    expect(sameBytes(bytes(), bytes())).toBe(true);
  });
});
