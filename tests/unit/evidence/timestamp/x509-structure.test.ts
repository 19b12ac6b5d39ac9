// The certificate parser on hand-built certificates: each field is read to where it belongs, and
// each malformed part is refused with a DerError that names it. The signatures here are dummy
// bytes; x509.test.ts checks real certificates against OpenSSL.
import { describe, expect, it } from 'vitest';
import {
  bool,
  ctx,
  DerError,
  int,
  nullDer,
  octetString,
  oidBytes,
  parseDer,
  seq,
  tlv,
  TAG,
} from '../../../../lib/evidence/timestamp/der';
import { OID } from '../../../../lib/evidence/timestamp/oids';
import {
  algorithmId,
  certificatePem,
  commonName,
  nameText,
  parseCertificate,
  pemCertificates,
} from '../../../../lib/evidence/timestamp/x509';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);
const set = (...items: Uint8Array[]) => tlv(TAG.set, ...items);
const bits = (...b: number[]) => tlv(TAG.bitString, bytes(...b));
const atv = (type: string, value: string) => seq(oidBytes(type), tlv(TAG.utf8String, ascii(value)));
/** A Name of one attribute per RDN, most significant first (as written in DER). */
const name = (...rdns: [string, string][]) => seq(...rdns.map(([t, v]) => set(atv(t, v))));

const SIG_ALG = seq(oidBytes(OID.ecdsaSha256));
const ISSUER = name(
  [OID.country, 'KZ'],
  [OID.organization, 'Dalel Test'],
  [OID.commonName, 'Root'],
);
const SUBJECT = name([OID.commonName, 'TSA']);
const VALIDITY = seq(
  tlv(TAG.utcTime, ascii('250101000000Z')),
  tlv(TAG.generalizedTime, ascii('20350101000000Z')),
);
const SPKI = seq(seq(oidBytes(OID.ecPublicKey), oidBytes(OID.p256)), bits(0, 4, 1, 2));
const ext = (id: string, value: Uint8Array, critical?: boolean) =>
  seq(oidBytes(id), ...(critical === undefined ? [] : [bool(critical)]), octetString(value));

interface CertParts {
  /** The [0] version field; null leaves it out (a v1 certificate). */
  version?: Uint8Array | null;
  serial?: Uint8Array;
  innerAlg?: Uint8Array;
  outerAlg?: Uint8Array;
  issuer?: Uint8Array;
  validity?: Uint8Array;
  subject?: Uint8Array;
  spki?: Uint8Array;
  uniqueIds?: Uint8Array[];
  /** The extensions; null leaves out the [3] field. */
  extensions?: Uint8Array[] | null;
  /** Replaces the [3] field whole. */
  extensionsField?: Uint8Array;
  tbsTrailing?: Uint8Array;
  signature?: Uint8Array;
  outerTrailing?: Uint8Array;
  /** Leave out every TBS field from this one on. */
  cutAt?: 'serial' | 'innerAlg' | 'issuer' | 'validity' | 'subject' | 'spki';
}

function tbs(p: CertParts): Uint8Array {
  const fields: [string, Uint8Array[]][] = [
    ['version', p.version === null ? [] : [p.version ?? tlv(ctx(0), int(2))]],
    ['serial', [p.serial ?? int(0x0102)]],
    ['innerAlg', [p.innerAlg ?? SIG_ALG]],
    ['issuer', [p.issuer ?? ISSUER]],
    ['validity', [p.validity ?? VALIDITY]],
    ['subject', [p.subject ?? SUBJECT]],
    ['spki', [p.spki ?? SPKI]],
    [
      'rest',
      [
        ...(p.uniqueIds ?? []),
        ...(p.extensionsField
          ? [p.extensionsField]
          : p.extensions === null
            ? []
            : [tlv(ctx(3), seq(...(p.extensions ?? [])))]),
        ...(p.tbsTrailing ? [p.tbsTrailing] : []),
      ],
    ],
  ];
  const cut = fields.findIndex(([field]) => field === p.cutAt);
  return seq(...fields.slice(0, cut < 0 ? undefined : cut).flatMap(([, items]) => items));
}

const cert = (p: CertParts = {}) =>
  seq(
    tbs(p),
    p.outerAlg ?? SIG_ALG,
    p.signature ?? bits(0, 0xaa, 0xbb),
    ...(p.outerTrailing ? [p.outerTrailing] : []),
  );

function refuses(der: Uint8Array, reason: RegExp | string) {
  let thrown: unknown;
  try {
    parseCertificate(der);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `refused: ${String(reason)}`).toBeInstanceOf(DerError);
  if (typeof reason === 'string') expect((thrown as Error).message).toBe(reason);
  else expect((thrown as Error).message).toMatch(reason);
}

describe('a certificate: what is read, and where from', () => {
  it('the signed part, names, validity, key and signature', () => {
    const der = cert({ extensions: [] });
    const c = parseCertificate(der);
    expect(c.raw).toBe(der);
    expect(c.tbs).toEqual(tbs({ extensions: [] }));
    expect(c.signatureAlgorithm).toEqual({ oid: OID.ecdsaSha256, params: null });
    expect(c.signature).toEqual(bytes(0xaa, 0xbb));
    expect(c.serialHex).toBe('0102');
    expect(c.issuer).toEqual(ISSUER);
    expect(c.subject).toEqual(SUBJECT);
    expect(c.issuerText).toBe('CN=Root, O=Dalel Test, C=KZ');
    expect(c.subjectText).toBe('CN=TSA');
    expect(c.notBefore.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(c.notAfter.toISOString()).toBe('2035-01-01T00:00:00.000Z');
    expect(c.spki).toEqual(SPKI);
    expect(c.keyAlgorithm.oid).toBe(OID.ecPublicKey);
    // the curve is the key algorithm's parameter
    expect(c.keyAlgorithm.params?.raw).toEqual(oidBytes(OID.p256));
    expect(c.publicKey).toEqual(bytes(4, 1, 2));
    expect(c.extensions.size).toBe(0);
    expect([c.ca, c.keyUsage, c.extKeyUsage, c.subjectKeyId, c.authorityKeyId]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('v1 (no version field, no extensions) and v2 (unique identifiers) are read', () => {
    const v1 = parseCertificate(cert({ version: null, extensions: null }));
    expect(v1.serialHex).toBe('0102');
    expect(v1.extensions.size).toBe(0);
    const v2 = parseCertificate(
      cert({
        version: tlv(ctx(0), int(1)),
        uniqueIds: [tlv(ctx(1, false), bytes(0, 1)), tlv(ctx(2, false), bytes(0, 2))],
        extensions: null,
      }),
    );
    expect(v2.subjectText).toBe('CN=TSA');
    // v3 may carry them too, before its extensions
    const v3 = parseCertificate(
      cert({
        uniqueIds: [tlv(ctx(2, false), bytes(0, 2))],
        extensions: [ext(OID.keyUsage, bits(7, 0x80))],
      }),
    );
    expect(v3.keyUsage).toEqual([true]);
  });

  it('a serial number must be positive and minimal (RFC 5280 §4.1.2.2)', () => {
    refuses(cert({ serial: tlv(TAG.integer, bytes(0xfe, 0x01)) }), 'negative INTEGER');
    refuses(cert({ serial: tlv(TAG.integer, bytes(0x00, 0x01)) }), 'non-minimal INTEGER');
    expect(parseCertificate(cert({ serial: int(bytes(0x80, 0x01)) })).serialHex).toBe('8001');
  });

  it('extensions: critical or not, and the ones chain checking reads', () => {
    const c = parseCertificate(
      cert({
        extensions: [
          ext(OID.basicConstraints, seq(bool(true), int(2)), true),
          ext(OID.keyUsage, bits(1, 0x86), false),
          ext(OID.extKeyUsage, seq(oidBytes(OID.timeStamping), oidBytes('1.2.3.4')), true),
          ext(OID.subjectKeyIdentifier, octetString(bytes(1, 2, 3))),
          ext(OID.authorityKeyIdentifier, seq(tlv(ctx(0, false), bytes(4, 5)))),
          ext('1.2.3.99', bytes(0x05, 0x00)),
        ],
      }),
    );
    expect(c.ca).toEqual({ isCa: true, pathLen: 2 });
    // 0x86 with one unused bit: bits 0, 5 and 6 of seven
    expect(c.keyUsage).toEqual([true, false, false, false, false, true, true]);
    expect(c.extKeyUsage).toEqual([OID.timeStamping, '1.2.3.4']);
    expect(c.subjectKeyId).toEqual(bytes(1, 2, 3));
    expect(c.authorityKeyId).toEqual(bytes(4, 5));
    expect(c.extensions.get(OID.basicConstraints)?.critical).toBe(true);
    expect(c.extensions.get(OID.keyUsage)?.critical).toBe(false);
    expect(c.extensions.get('1.2.3.99')).toEqual({ critical: false, value: bytes(0x05, 0x00) });
    expect([...c.extensions.keys()]).toHaveLength(6);
  });

  it('defaults: basicConstraints without fields is no CA and no limit; an AKI by issuer only', () => {
    const c = parseCertificate(
      cert({
        extensions: [
          ext(OID.basicConstraints, seq()),
          ext(
            OID.authorityKeyIdentifier,
            seq(tlv(ctx(1), tlv(ctx(4), ISSUER)), tlv(ctx(2, false), bytes(5))),
          ),
        ],
      }),
    );
    expect(c.ca).toEqual({ isCa: false, pathLen: null });
    expect(c.authorityKeyId).toBeNull();
  });
});

describe('a certificate: what is refused, by name', () => {
  it('the outer shape', () => {
    refuses(seq(), 'tbsCertificate: missing');
    refuses(seq(tbs({})), 'signatureAlgorithm: missing');
    refuses(seq(tbs({}), SIG_ALG), 'signatureValue: missing');
    refuses(cert({ outerTrailing: nullDer() }), 'Certificate: unexpected trailing element');
    refuses(
      cert({ signature: bits(1, 0xaa) }),
      'BIT STRING with unused bits where bytes are expected',
    );
  });

  it('each missing field of the signed part is named', () => {
    refuses(cert({ cutAt: 'serial' }), 'serialNumber: missing');
    refuses(cert({ cutAt: 'innerAlg' }), 'signature: missing');
    refuses(cert({ cutAt: 'issuer' }), 'issuer: missing');
    refuses(cert({ cutAt: 'validity' }), 'validity: missing');
    refuses(cert({ cutAt: 'subject' }), 'subject: missing');
    refuses(cert({ cutAt: 'spki' }), 'subjectPublicKeyInfo: missing');
    refuses(cert({ tbsTrailing: nullDer() }), 'TBSCertificate: unexpected trailing element');
    refuses(cert({ validity: seq() }), 'notBefore: missing');
    refuses(cert({ validity: seq(tlv(TAG.utcTime, ascii('250101000000Z'))) }), 'notAfter: missing');
    refuses(
      cert({
        validity: seq(
          tlv(TAG.utcTime, ascii('250101000000Z')),
          tlv(TAG.utcTime, ascii('350101000000Z')),
          nullDer(),
        ),
      }),
      'validity: unexpected trailing element',
    );
    refuses(cert({ spki: seq() }), 'algorithm: missing');
    refuses(cert({ spki: seq(seq(oidBytes(OID.ecPublicKey))) }), 'subjectPublicKey: missing');
    refuses(
      cert({ spki: seq(seq(oidBytes(OID.ecPublicKey)), bits(0, 1), nullDer()) }),
      'subjectPublicKeyInfo: unexpected trailing element',
    );
    refuses(cert({ serial: octetString(bytes(1)) }), /^serialNumber: expected tag 0x02/);
  });

  it('versions: only v2 and v3 are written out; v1 is the default and may not be', () => {
    refuses(cert({ version: tlv(ctx(0), int(0)) }), 'certificate version 1');
    refuses(cert({ version: tlv(ctx(0), int(3)) }), 'certificate version 4');
    refuses(
      cert({ version: tlv(ctx(0), int(2), int(2)) }),
      'version: expected exactly one element',
    );
    refuses(cert({ version: tlv(ctx(0), int(1)) }), 'extensions in a certificate older than v3');
    refuses(cert({ version: null }), 'extensions in a certificate older than v3');
  });

  it('the signature algorithm must be the same inside and outside the signed part', () => {
    refuses(
      cert({ outerAlg: seq(oidBytes(OID.ecdsaSha384)) }),
      'signature algorithm differs inside and outside the signed part',
    );
    // the same algorithm written another way (NULL parameters) is a difference too
    refuses(
      cert({ outerAlg: seq(oidBytes(OID.ecdsaSha256), nullDer()) }),
      'signature algorithm differs inside and outside the signed part',
    );
  });

  it('extensions: one wrapper, each whole, none twice, the read ones well-formed', () => {
    refuses(
      cert({ extensionsField: tlv(ctx(3), seq(), seq()) }),
      'extensions: expected exactly one element',
    );
    refuses(cert({ extensions: [seq()] }), 'extnID: missing');
    refuses(cert({ extensions: [seq(oidBytes('1.2.3'))] }), 'extnValue: missing');
    refuses(cert({ extensions: [seq(oidBytes('1.2.3'), bool(true))] }), 'extnValue: missing');
    refuses(
      cert({ extensions: [seq(oidBytes('1.2.3'), octetString(bytes(0)), nullDer())] }),
      'Extension: unexpected trailing element',
    );
    refuses(
      cert({ extensions: [ext('1.2.3', bytes(0x05, 0)), ext('1.2.3', bytes(0x05, 0))] }),
      'extension 1.2.3 appears twice',
    );
    refuses(
      cert({ extensions: [ext(OID.basicConstraints, seq(bool(true), int(1), nullDer()))] }),
      'basicConstraints: unexpected trailing element',
    );
    refuses(cert({ extensions: [ext(OID.extKeyUsage, seq())] }), 'empty extKeyUsage');
    refuses(cert({ extensions: [ext(OID.keyUsage, bits(7))] }), 'malformed BIT STRING');
    refuses(cert({ extensions: [ext(OID.subjectKeyIdentifier, int(1))] }), /expected tag 0x04/);
  });
});

describe('algorithm identifiers', () => {
  const read = (...items: Uint8Array[]) => algorithmId(parseDer(seq(...items)));

  it('absent and NULL parameters are both none; others are kept', () => {
    expect(read(oidBytes(OID.sha256))).toEqual({ oid: OID.sha256, params: null });
    expect(read(oidBytes(OID.sha256), nullDer())).toEqual({ oid: OID.sha256, params: null });
    expect(read(oidBytes(OID.ecPublicKey), oidBytes(OID.p384)).params?.raw).toEqual(
      oidBytes(OID.p384),
    );
  });

  it('refused: no algorithm, two parameters, malformed parameters', () => {
    expect(() => read()).toThrow(new DerError('algorithm: missing'));
    expect(() => read(oidBytes(OID.sha256), nullDer(), nullDer())).toThrow(
      new DerError('AlgorithmIdentifier has extra elements'),
    );
    // a SEQUENCE whose child claims more bytes than it has
    expect(() => read(oidBytes(OID.rsaPss), seq(bytes(0x04, 0x05, 0)))).toThrow(DerError);
  });
});

describe('names', () => {
  it('read last RDN first, known keys by name and the rest by OID', () => {
    const n = name(
      [OID.country, 'KZ'],
      ['2.5.4.8', 'Almaty Region'],
      ['2.5.4.7', 'Almaty'],
      [OID.organization, 'Org'],
      ['2.5.4.11', 'Unit'],
      ['0.9.2342.19200300.100.1.25', 'example'],
      [OID.commonName, 'Name'],
    );
    expect(nameText(parseDer(n))).toBe(
      'CN=Name, 0.9.2342.19200300.100.1.25=example, OU=Unit, O=Org, L=Almaty, ST=Almaty Region, C=KZ',
    );
    expect(nameText(parseDer(seq()))).toBe('');
  });

  it('an attribute must be exactly a type and a value', () => {
    const malformed = new DerError('malformed name attribute');
    expect(() => nameText(parseDer(seq(set(seq(oidBytes(OID.commonName))))))).toThrow(malformed);
    expect(() => nameText(parseDer(seq(set(seq()))))).toThrow(malformed);
    const three = seq(oidBytes(OID.commonName), tlv(TAG.utf8String, ascii('a')), nullDer());
    expect(() => nameText(parseDer(seq(set(three))))).toThrow(malformed);
  });

  it('the common name, else the whole subject; a CN inside another value is not one', () => {
    const named = parseCertificate(
      cert({ subject: name([OID.organization, 'Org'], [OID.commonName, 'My TSA']) }),
    );
    expect(commonName(named)).toBe('My TSA');
    const unnamed = parseCertificate(
      cert({ subject: name([OID.country, 'KZ'], [OID.organization, 'Org']) }),
    );
    expect(commonName(unnamed)).toBe('O=Org, C=KZ');
    const tricky = parseCertificate(cert({ subject: name([OID.organization, 'xCN=fake']) }));
    expect(commonName(tricky)).toBe('O=xCN=fake');
  });
});

describe('PEM', () => {
  it('every CERTIFICATE block, in order; other blocks ignored', () => {
    const a = bytes(1, 2, 3);
    const b = new Uint8Array(100).map((_, i) => i);
    const pem = `junk\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n${certificatePem(a)}${certificatePem(b)}`;
    expect(pemCertificates(pem)).toEqual([a, b]);
    expect(pemCertificates('no certificates here')).toEqual([]);
  });

  it('written in lines of 64 characters', () => {
    const pem = certificatePem(new Uint8Array(100));
    const lines = pem.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.slice(1, -1).map((l) => l.length)).toEqual([64, 64, 8]);
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(certificatePem(new Uint8Array(0))).toBe(
      '-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n',
    );
  });

  it('a block that is not base64 is a DerError', () => {
    expect(() =>
      pemCertificates('-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----'),
    ).toThrow(new DerError('PEM certificate is not base64'));
  });
});
