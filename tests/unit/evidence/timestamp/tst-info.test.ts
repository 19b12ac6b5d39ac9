import { describe, expect, it } from 'vitest';
import {
  bool,
  ctx,
  DerError,
  int,
  nullDer,
  octetString,
  oidBytes,
  seq,
  TAG,
  tlv,
} from '../../../../lib/evidence/timestamp/der';
import { OID } from '../../../../lib/evidence/timestamp/oids';
import { parseResponse, parseTstInfo } from '../../../../lib/evidence/timestamp/tst-info';

// What a TSA asserts (TSTInfo) and how it answers (TimeStampResp), read field by field from DER
// built here, so each optional part is present, absent or malformed on purpose.

const ascii = (s: string) => new TextEncoder().encode(s);
const digest = new Uint8Array(32).fill(0xab);
const POLICY = '1.2.3.4.1';
const generalizedTime = (s: string) => tlv(TAG.generalizedTime, ascii(s));
const utf8 = (s: string) => tlv(TAG.utf8String, ascii(s));
const imprint = (...extra: Uint8Array[]) =>
  seq(seq(oidBytes(OID.sha256), nullDer()), octetString(digest), ...extra);
const name = (org: string, cn: string) =>
  seq(
    tlv(TAG.set, seq(oidBytes(OID.organization), utf8(org))),
    tlv(TAG.set, seq(oidBytes(OID.commonName), utf8(cn))),
  );

/** A TSTInfo with the required fields, then `rest` (accuracy, ordering, nonce, tsa, extensions). */
function tstInfo(rest: Uint8Array[] = [], head?: Uint8Array[]): Uint8Array {
  return seq(
    ...(head ?? [
      int(1),
      oidBytes(POLICY),
      imprint(),
      int(new Uint8Array([0x00, 0xfe, 0x01])),
      generalizedTime('20261205121314.25Z'),
    ]),
    ...rest,
  );
}

function derError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DerError);
    return (error as Error).message;
  }
  throw new Error('expected a DerError');
}

describe('TSTInfo', () => {
  it('reads the required fields; the optional ones have their defaults', () => {
    const info = parseTstInfo(tstInfo());
    expect(info).toEqual({
      policy: POLICY,
      imprintAlgorithm: OID.sha256,
      imprint: digest,
      serialHex: 'fe01',
      genTime: new Date('2026-12-05T12:13:14.250Z'),
      accuracyMs: null,
      ordering: false,
      nonceHex: null,
      tsaName: null,
    });
  });

  it('reads accuracy in seconds, [0] milliseconds and [1] microseconds, each optional', () => {
    const accuracy = (...parts: Uint8Array[]) => parseTstInfo(tstInfo([seq(...parts)])).accuracyMs;
    // IMPLICIT INTEGERs: an INTEGER's content under a context tag.
    const millis = (n: number) => tlv(ctx(0, false), int(n).subarray(2));
    const micros = (n: number) => tlv(ctx(1, false), int(n).subarray(2));
    expect(accuracy(int(1), millis(500), micros(250))).toBe(1500.25);
    expect(accuracy(int(2))).toBe(2000);
    expect(accuracy(millis(7))).toBe(7);
    expect(accuracy(micros(2000))).toBe(2);
    expect(accuracy()).toBe(0);
    expect(derError(() => accuracy(int(1), int(2)))).toBe('Accuracy: unexpected trailing element');
    // Microseconds as a constructed [1] are not the primitive the schema names.
    expect(derError(() => accuracy(tlv(ctx(1), int(5))))).toBe(
      'Accuracy: unexpected trailing element',
    );
  });

  it('reads ordering, the nonce, the TSA as a directory name, and skips extensions', () => {
    const info = parseTstInfo(
      tstInfo([
        bool(true),
        int(new Uint8Array([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x11])),
        tlv(ctx(0), tlv(ctx(4), name('Dalel Test', 'Dalel Test TSA'))),
        tlv(ctx(1), seq(seq(oidBytes('1.2.3.4.5'), octetString(new Uint8Array([1]))))),
      ]),
    );
    expect(info.ordering).toBe(true);
    expect(info.nonceHex).toBe('123456789abcdef011');
    expect(info.tsaName).toBe('CN=Dalel Test TSA, O=Dalel Test');
    expect(parseTstInfo(tstInfo([bool(false)])).ordering).toBe(false);
  });

  it('shows a TSA named otherwise than by a directory name as absent', () => {
    const dnsName = tlv(ctx(2, false), ascii('tsa.example'));
    expect(parseTstInfo(tstInfo([tlv(ctx(0), dnsName)])).tsaName).toBeNull();
    expect(derError(() => parseTstInfo(tstInfo([tlv(ctx(0), dnsName, dnsName)])))).toBe(
      'tsa: expected exactly one element',
    );
    expect(
      derError(() =>
        parseTstInfo(tstInfo([tlv(ctx(0), tlv(ctx(4), name('A', 'B'), name('C', 'D')))])),
      ),
    ).toBe('directoryName: expected exactly one element');
  });

  it('refuses another version and names each missing or misplaced field', () => {
    const fields = [
      int(1),
      oidBytes(POLICY),
      imprint(),
      int(7),
      generalizedTime('20261205121314Z'),
    ];
    const without = (i: number) => fields.filter((_, j) => j !== i);
    expect(derError(() => parseTstInfo(tstInfo([], [int(2), ...fields.slice(1)])))).toBe(
      'TSTInfo version is not 1',
    );
    expect(derError(() => parseTstInfo(tstInfo([], without(0))))).toBe(
      'version: expected tag 0x02, found 0x06',
    );
    expect(derError(() => parseTstInfo(tstInfo([], without(1))))).toBe(
      'policy: expected tag 0x06, found 0x30',
    );
    expect(derError(() => parseTstInfo(tstInfo([], without(2))))).toBe(
      'messageImprint: expected tag 0x30, found 0x02',
    );
    expect(derError(() => parseTstInfo(tstInfo([], without(3))))).toBe(
      'serialNumber: expected tag 0x02, found 0x18',
    );
    expect(derError(() => parseTstInfo(tstInfo([], without(4))))).toBe('genTime: missing');
    const badImprint = (mi: Uint8Array) =>
      derError(() => parseTstInfo(tstInfo([], [int(1), oidBytes(POLICY), mi, ...fields.slice(3)])));
    expect(badImprint(seq(octetString(digest)))).toBe(
      'hashAlgorithm: expected tag 0x30, found 0x04',
    );
    expect(badImprint(seq(seq(oidBytes(OID.sha256))))).toBe('hashedMessage: missing');
    expect(badImprint(imprint(nullDer()))).toBe('MessageImprint: unexpected trailing element');
    expect(derError(() => parseTstInfo(tstInfo([nullDer()])))).toBe(
      'TSTInfo: unexpected trailing element',
    );
  });
});

describe('TimeStampResp', () => {
  const token = seq(oidBytes(OID.signedData), tlv(ctx(0), seq()));

  it('takes a bare token (as openssl ts -token_out writes it) as granted', () => {
    const response = parseResponse(token);
    expect(response.status).toBe(0);
    expect(response.statusText).toEqual([]);
    expect(response.token?.raw).toEqual(token);
  });

  it('reads the status, its texts and the token', () => {
    const granted = parseResponse(seq(seq(int(0)), token));
    expect(granted).toMatchObject({ status: 0, statusText: [] });
    expect(granted.token?.raw).toEqual(token);
    const refused = parseResponse(
      seq(
        seq(
          int(2),
          seq(utf8('bad request'), utf8('try later')),
          tlv(TAG.bitString, new Uint8Array([7, 0x80])),
        ),
      ),
    );
    expect(refused).toEqual({ status: 2, statusText: ['bad request', 'try later'], token: null });
  });

  it('names what is malformed', () => {
    expect(derError(() => parseResponse(seq()))).toBe('PKIStatusInfo: missing');
    expect(derError(() => parseResponse(seq(seq())))).toBe('status: missing');
    // failInfo's unused-bit count must be 0–7.
    expect(
      derError(() => parseResponse(seq(seq(int(2), tlv(TAG.bitString, new Uint8Array([8, 0])))))),
    ).toBe('malformed BIT STRING');
    expect(derError(() => parseResponse(seq(seq(int(0), nullDer()), token)))).toBe(
      'PKIStatusInfo: unexpected trailing element',
    );
    expect(derError(() => parseResponse(seq(seq(int(0)), token, token)))).toBe(
      'TimeStampResp: unexpected trailing element',
    );
    expect(derError(() => parseResponse(seq(seq(int(2), seq(int(1))))))).toBe(
      'expected tag 0x0c, found 0x02',
    );
  });
});
