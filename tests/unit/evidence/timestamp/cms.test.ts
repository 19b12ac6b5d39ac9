// The CMS SignedData reader on hand-built structures: every field is read to where it belongs,
// and each malformed part is refused with a DerError that names the part. No signature is made:
// these checks are of the structure only (the token tests check what is signed).
import { describe, expect, it } from 'vitest';
import {
  attribute,
  parseSignedData,
  signingCertHash,
  type SignerInfo,
} from '../../../../lib/evidence/timestamp/cms';
import {
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

const bytes = (...b: number[]) => new Uint8Array(b);
const set = (...items: Uint8Array[]) => tlv(TAG.set, ...items);
const alg = (id: string, params: Uint8Array[] = [nullDer()]) => seq(oidBytes(id), ...params);
const attr = (id: string, ...values: Uint8Array[]) => seq(oidBytes(id), set(...values));
/** A Name with one common name. */
const name = (cn: string) =>
  seq(set(seq(oidBytes(OID.commonName), tlv(TAG.utf8String, new TextEncoder().encode(cn)))));

const CONTENT = bytes(0x30, 0x03, 0x02, 0x01, 0x01); // what the token wraps, here any bytes
const CERT_A = seq(int(1), name('A'));
const CERT_B = seq(int(2), name('B'));
const ISSUER = name('Test TSA CA');
// Two signed attributes in DER order (0x06 0x09 … 0x03 sorts before … 0x04).
const CONTENT_TYPE_ATTR = attr(OID.contentType, oidBytes(OID.tstInfo));
const DIGEST_ATTR = attr(OID.messageDigest, octetString(new Uint8Array(32).fill(7)));

interface SignerParts {
  version?: Uint8Array;
  sid?: Uint8Array;
  digest?: Uint8Array;
  /** The signed attributes; null leaves out the [0] field. */
  attrs?: Uint8Array[] | null;
  sigAlg?: Uint8Array;
  signature?: Uint8Array;
  unsigned?: Uint8Array;
  trailing?: Uint8Array;
  /** Leave out every field from this one on (to find what is named missing). */
  cutAt?: 'version' | 'sid' | 'digest' | 'sigAlg' | 'signature';
}

function signerInfo(p: SignerParts = {}): Uint8Array {
  const fields: [NonNullable<SignerParts['cutAt']> | 'attrs' | 'rest', Uint8Array[]][] = [
    ['version', [p.version ?? int(1)]],
    ['sid', [p.sid ?? seq(ISSUER, int(0x1234))]],
    ['digest', [p.digest ?? alg(OID.sha256)]],
    [
      'attrs',
      p.attrs === null ? [] : [tlv(ctx(0), ...(p.attrs ?? [CONTENT_TYPE_ATTR, DIGEST_ATTR]))],
    ],
    ['sigAlg', [p.sigAlg ?? alg(OID.ecdsaSha256, [])]],
    ['signature', [p.signature ?? octetString(bytes(1, 2, 3))]],
    ['rest', [...(p.unsigned ? [p.unsigned] : []), ...(p.trailing ? [p.trailing] : [])]],
  ];
  const cut = fields.findIndex(([field]) => field === p.cutAt);
  return seq(...fields.slice(0, cut < 0 ? undefined : cut).flatMap(([, items]) => items));
}

interface SignedDataParts {
  contentType?: string;
  version?: number;
  digestAlgorithms?: Uint8Array[];
  encap?: Uint8Array;
  certificates?: Uint8Array;
  crls?: Uint8Array;
  signers?: Uint8Array[];
  /** Leave out the SignerInfos (the last field). */
  noSigners?: boolean;
  trailing?: Uint8Array;
  /** Elements after SignedData inside the [0] wrapper, or after it in ContentInfo. */
  wrapperExtra?: Uint8Array;
  contentInfoExtra?: Uint8Array;
}

function contentInfo(p: SignedDataParts = {}): Uint8Array {
  const signedData = seq(
    int(p.version ?? 3),
    set(...(p.digestAlgorithms ?? [alg(OID.sha256)])),
    p.encap ?? seq(oidBytes(OID.tstInfo), tlv(ctx(0), octetString(CONTENT))),
    ...(p.certificates ? [p.certificates] : [tlv(ctx(0), CERT_A, CERT_B)]),
    ...(p.crls ? [p.crls] : []),
    ...(p.noSigners ? [] : [set(...(p.signers ?? [signerInfo()]))]),
    ...(p.trailing ? [p.trailing] : []),
  );
  return seq(
    oidBytes(p.contentType ?? OID.signedData),
    tlv(ctx(0), signedData, ...(p.wrapperExtra ? [p.wrapperExtra] : [])),
    ...(p.contentInfoExtra ? [p.contentInfoExtra] : []),
  );
}

const read = (der: Uint8Array) => parseSignedData(parseDer(der));
/** Refused with a DerError whose message matches `reason`. */
function refuses(der: Uint8Array, reason: RegExp | string) {
  let thrown: unknown;
  try {
    read(der);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `refused: ${String(reason)}`).toBeInstanceOf(DerError);
  if (typeof reason === 'string') expect((thrown as Error).message).toBe(reason);
  else expect((thrown as Error).message).toMatch(reason);
}

describe('CMS SignedData: what is read, and where from', () => {
  it('the content, its type, the certificates in order and the one signer', () => {
    const sd = read(contentInfo());
    expect(sd.eContentType).toBe(OID.tstInfo);
    expect(sd.eContent).toEqual(CONTENT);
    expect(sd.certificates).toEqual([CERT_A, CERT_B]);
    expect(sd.signers).toHaveLength(1);
    const [s] = sd.signers as [SignerInfo];
    expect(s.sid).toEqual({ kind: 'issuerSerial', issuer: ISSUER, serial: bytes(0x12, 0x34) });
    expect(s.digestAlgorithm.oid).toBe(OID.sha256);
    expect(s.signatureAlgorithm).toEqual({ oid: OID.ecdsaSha256, params: null });
    expect(s.signature).toEqual(bytes(1, 2, 3));
    expect(s.signedAttrs.map((a) => a.oid)).toEqual([OID.contentType, OID.messageDigest]);
    expect(s.signedAttrs[0]!.values.map((v) => v.raw)).toEqual([oidBytes(OID.tstInfo)]);
    // What was signed: the attributes as a SET OF (tag 0x31), not as the [0] they came in.
    expect(s.signedAttrsDer).toEqual(set(CONTENT_TYPE_ATTR, DIGEST_ATTR));
    expect(attribute(s, OID.contentType)?.raw).toEqual(oidBytes(OID.tstInfo));
    expect(attribute(s, OID.signingTime)).toBeNull();
  });

  it('a token without certificates has none; CRLs and unsigned attributes are allowed', () => {
    const crl = seq(seq(int(1)), seq(), bytes(0x03, 0x01, 0x00));
    const sd = read(
      contentInfo({
        certificates: tlv(ctx(1), crl), // no [0]: the [1] CRLs come first
        signers: [
          signerInfo({
            // unsigned attributes may hold any number of values, even none
            unsigned: tlv(
              ctx(1),
              attr('1.2.3.4', octetString(bytes(1)), octetString(bytes(2))),
              attr('1.2.3.5'),
            ),
          }),
        ],
      }),
    );
    expect(sd.certificates).toEqual([]);
    expect(sd.signers).toHaveLength(1);
  });

  it('SignedData versions 1 to 5 are read; 0 and 6 are refused', () => {
    for (const version of [1, 5]) expect(read(contentInfo({ version })).eContent).toEqual(CONTENT);
    refuses(contentInfo({ version: 0 }), 'SignedData version 0');
    refuses(contentInfo({ version: 6 }), 'SignedData version 6');
  });

  it('a signer named by its key identifier (version 3)', () => {
    const sd = read(
      contentInfo({
        signers: [signerInfo({ version: int(3), sid: tlv(ctx(0, false), bytes(9, 8, 7)) })],
      }),
    );
    expect(sd.signers[0]!.sid).toEqual({ kind: 'keyId', keyId: bytes(9, 8, 7) });
  });

  it('a serial number is read as it is written, even negative (some CAs made them)', () => {
    const negative = tlv(TAG.integer, bytes(0xff, 0x01));
    const sd = read(contentInfo({ signers: [signerInfo({ sid: seq(ISSUER, negative) })] }));
    expect(sd.signers[0]!.sid).toEqual({
      kind: 'issuerSerial',
      issuer: ISSUER,
      serial: bytes(0xff, 0x01),
    });
  });
});

describe('CMS SignedData: what is refused, by name', () => {
  it('not SignedData, or a ContentInfo of the wrong shape', () => {
    refuses(contentInfo({ contentType: OID.tstInfo }), 'the token is not CMS SignedData');
    refuses(seq(oidBytes(OID.signedData)), 'content: missing');
    refuses(seq(), 'contentType: missing');
    refuses(seq(oidBytes(OID.signedData), seq()), /^content: expected tag 0xa0, found 0x30$/);
    refuses(contentInfo({ wrapperExtra: nullDer() }), 'content: expected exactly one element');
    refuses(
      contentInfo({ contentInfoExtra: nullDer() }),
      'ContentInfo: unexpected trailing element',
    );
  });

  it('each missing or misplaced SignedData field is named', () => {
    const wrap = (...fields: Uint8Array[]) =>
      seq(oidBytes(OID.signedData), tlv(ctx(0), seq(...fields)));
    refuses(wrap(), 'version: missing');
    refuses(wrap(int(3)), 'digestAlgorithms: missing');
    refuses(wrap(int(3), set(alg(OID.sha256))), 'encapContentInfo: missing');
    refuses(
      wrap(
        int(3),
        set(alg(OID.sha256)),
        seq(oidBytes(OID.tstInfo), tlv(ctx(0), octetString(CONTENT))),
      ),
      'signerInfos: missing',
    );
    refuses(
      contentInfo({ noSigners: true, certificates: nullDer() }),
      /^signerInfos: expected tag 0x31, found 0x05$/,
    );
    refuses(contentInfo({ trailing: nullDer() }), 'SignedData: unexpected trailing element');
  });

  it('the encapsulated content: its type, present (not detached), one OCTET STRING', () => {
    refuses(contentInfo({ encap: seq() }), 'eContentType: missing');
    refuses(
      contentInfo({ encap: seq(oidBytes(OID.tstInfo)) }),
      'the token has no encapsulated content (detached)',
    );
    refuses(
      contentInfo({
        encap: seq(oidBytes(OID.tstInfo), tlv(ctx(0), octetString(CONTENT)), nullDer()),
      }),
      'EncapsulatedContentInfo: unexpected trailing element',
    );
    refuses(
      contentInfo({
        encap: seq(oidBytes(OID.tstInfo), tlv(ctx(0), octetString(CONTENT), octetString(CONTENT))),
      }),
      'eContent: expected exactly one element',
    );
  });

  it('certificates must be plain X.509 SEQUENCEs, CRLs well-formed', () => {
    refuses(
      contentInfo({ certificates: tlv(ctx(0), CERT_A, tlv(ctx(2), CERT_B)) }),
      /expected tag 0x30, found 0xa2/,
    );
    refuses(
      contentInfo({ crls: tlv(ctx(1), octetString(bytes(1))) }),
      /expected tag 0x30, found 0x04/,
    );
    refuses(contentInfo({ crls: tlv(ctx(1), seq(bytes(0x04, 0x05))) }), /truncated/);
  });

  it('digest algorithms: only known ones, and the signer’s must be listed', () => {
    refuses(
      contentInfo({ digestAlgorithms: [alg(OID.sha256), alg('1.2.3.4')] }),
      'unknown digest algorithm 1.2.3.4',
    );
    for (const known of [OID.sha1, OID.sha384, OID.sha512])
      expect(
        read(contentInfo({ digestAlgorithms: [alg(OID.sha256), alg(known)] })).signers,
      ).toHaveLength(1);
    refuses(
      contentInfo({ digestAlgorithms: [alg(OID.sha384)] }),
      "the signer's digest algorithm is not listed in SignedData",
    );
    // No signer has nothing to list.
    expect(read(contentInfo({ digestAlgorithms: [alg(OID.sha384)], signers: [] })).signers).toEqual(
      [],
    );
  });
});

describe('CMS SignerInfo: what is refused, by name', () => {
  const refusesSigner = (p: SignerParts, reason: RegExp | string) =>
    refuses(contentInfo({ signers: [signerInfo(p)] }), reason);

  it('each missing field is named', () => {
    refusesSigner({ cutAt: 'version' }, 'version: missing');
    refusesSigner({ cutAt: 'sid' }, 'sid: missing');
    refusesSigner({ cutAt: 'digest' }, 'digestAlgorithm: missing');
    refusesSigner({ cutAt: 'sigAlg' }, 'signatureAlgorithm: missing');
    refusesSigner({ cutAt: 'signature' }, 'signature: missing');
    refusesSigner({ signature: bytes(0x03, 0x01, 0x00) }, /^signature: expected tag 0x04/);
    refusesSigner({ trailing: nullDer() }, 'SignerInfo: unexpected trailing element');
  });

  it('the signer identifier must match the version', () => {
    const keyId = tlv(ctx(0, false), bytes(1));
    const issuerSerial = seq(ISSUER, int(5));
    const mismatch = (v: number) => `SignerInfo version ${v} with a mismatched signer identifier`;
    refusesSigner({ version: int(1), sid: keyId }, mismatch(1));
    refusesSigner({ version: int(3), sid: issuerSerial }, mismatch(3));
    refusesSigner({ version: int(2), sid: issuerSerial }, mismatch(2));
    refusesSigner({ version: int(2), sid: keyId }, mismatch(2));
    // a constructed [0] is not a key identifier
    refusesSigner({ version: int(3), sid: tlv(ctx(0), bytes(0x04, 0x00)) }, mismatch(3));
  });

  it('the issuer and serial, whole and nothing more', () => {
    refusesSigner({ sid: seq() }, 'issuer: missing');
    refusesSigner({ sid: seq(ISSUER) }, 'serialNumber: missing');
    refusesSigner({ sid: seq(ISSUER, octetString(bytes(1))) }, /^serialNumber: expected tag 0x02/);
    refusesSigner(
      { sid: seq(ISSUER, int(5), nullDer()) },
      'IssuerAndSerialNumber: unexpected trailing element',
    );
  });

  it('signed attributes: present, in DER order, each once with one value', () => {
    refusesSigner({ attrs: null }, 'the token has no signed attributes');
    refusesSigner(
      { attrs: [DIGEST_ATTR, CONTENT_TYPE_ATTR] },
      'signed attributes are not in DER order',
    );
    // The same attribute twice is in order (equal encodings), and refused for what it is.
    refusesSigner(
      { attrs: [CONTENT_TYPE_ATTR, CONTENT_TYPE_ATTR] },
      `signed attribute ${OID.contentType} appears twice`,
    );
    const otherType = attr(OID.contentType, oidBytes(OID.signedData));
    refusesSigner(
      { attrs: [CONTENT_TYPE_ATTR, otherType].sort(compareBytes) },
      `signed attribute ${OID.contentType} appears twice`,
    );
    refusesSigner(
      { attrs: [attr(OID.contentType, oidBytes(OID.tstInfo), oidBytes(OID.tstInfo))] },
      `attribute ${OID.contentType} must have exactly one value`,
    );
    refusesSigner(
      { attrs: [attr(OID.contentType)] },
      `attribute ${OID.contentType} must have exactly one value`,
    );
    refusesSigner({ attrs: [seq()] }, 'attrType: missing');
    refusesSigner({ attrs: [seq(oidBytes(OID.contentType))] }, 'attrValues: missing');
    refusesSigner(
      { attrs: [seq(oidBytes(OID.contentType), set(oidBytes(OID.tstInfo)), nullDer())] },
      'Attribute: unexpected trailing element',
    );
    // Three attributes: the order is checked between every neighbour, not only the first two.
    const signingTime = attr(
      OID.signingTime,
      tlv(TAG.utcTime, new TextEncoder().encode('260101000000Z')),
    );
    const sorted = [CONTENT_TYPE_ATTR, DIGEST_ATTR, signingTime].sort(compareBytes);
    expect(
      read(contentInfo({ signers: [signerInfo({ attrs: sorted })] })).signers[0]!.signedAttrs,
    ).toHaveLength(3);
    refusesSigner(
      { attrs: [sorted[0]!, sorted[2]!, sorted[1]!] },
      'signed attributes are not in DER order',
    );
  });

  it('DER order compares whole encodings byte by byte, up to the last one', () => {
    // Same type, tag and length: the two differ only in their last byte. In order they are
    // refused for being the same type twice; out of order, for the order (checked first).
    const low = attr('1.2.3.4', octetString(bytes(1)));
    const high = attr('1.2.3.4', octetString(bytes(2)));
    refusesSigner({ attrs: [low, high] }, 'signed attribute 1.2.3.4 appears twice');
    refusesSigner({ attrs: [high, low] }, 'signed attributes are not in DER order');
    // A longer encoding sorts after a shorter one of the same tag (its length byte is larger).
    const long = attr('1.2.3.4', octetString(bytes(1, 1)));
    refusesSigner({ attrs: [long, low] }, 'signed attributes are not in DER order');
  });

  it('unsigned attributes must be well-formed even though they are not used', () => {
    refusesSigner({ unsigned: tlv(ctx(1), seq(oidBytes('1.2.3.4'))) }, 'attrValues: missing');
    refusesSigner(
      { unsigned: tlv(ctx(1), octetString(bytes(1))) },
      /expected tag 0x30, found 0x04/,
    );
  });
});

describe('ESS signing certificate attribute', () => {
  const hash = new Uint8Array(32).fill(0xab);
  const issuerSerial = seq(seq(tlv(ctx(4), ISSUER)), int(5));
  const signerWith = (...attrs: Uint8Array[]) =>
    read(contentInfo({ signers: [signerInfo({ attrs: attrs.sort(compareBytes) })] })).signers[0]!;
  const essV2 = (...certIdFields: Uint8Array[]) =>
    attr(OID.signingCertificateV2, seq(seq(seq(...certIdFields))));
  const essV1 = (...certIdFields: Uint8Array[]) =>
    attr(OID.signingCertificate, seq(seq(seq(...certIdFields))));

  it('none: null', () => {
    expect(signingCertHash(signerWith(CONTENT_TYPE_ATTR))).toBeNull();
  });

  it('v2 names its hash algorithm, or means SHA-256', () => {
    expect(signingCertHash(signerWith(essV2(alg(OID.sha384, []), octetString(hash))))).toEqual({
      algorithm: OID.sha384,
      hash,
      issuerSerial: null,
    });
    const v2 = signingCertHash(signerWith(essV2(octetString(hash), issuerSerial)));
    expect(v2?.algorithm).toBe(OID.sha256);
    expect(v2?.hash).toEqual(hash);
    expect(v2?.issuerSerial?.raw).toEqual(issuerSerial);
  });

  it('v1 is always SHA-1; v2 wins when both are there', () => {
    const sha1 = new Uint8Array(20).fill(1);
    const v1 = signingCertHash(signerWith(essV1(octetString(sha1))));
    expect(v1).toEqual({ algorithm: OID.sha1, hash: sha1, issuerSerial: null });
    const both = signingCertHash(signerWith(essV1(octetString(sha1)), essV2(octetString(hash))));
    expect(both?.hash).toEqual(hash);
    expect(both?.algorithm).toBe(OID.sha256);
  });

  it('malformed: no certificate listed, no hash, trailing fields', () => {
    const empty = attr(OID.signingCertificateV2, seq(seq()));
    expect(() => signingCertHash(signerWith(empty))).toThrow(
      new DerError('signing certificate attribute lists no certificate'),
    );
    const noCerts = attr(OID.signingCertificateV2, seq());
    expect(() => signingCertHash(signerWith(noCerts))).toThrow(new DerError('certs: missing'));
    expect(() => signingCertHash(signerWith(essV2(alg(OID.sha256, []))))).toThrow(
      new DerError('certHash: missing'),
    );
    expect(() =>
      signingCertHash(signerWith(essV2(octetString(hash), issuerSerial, nullDer()))),
    ).toThrow(new DerError('ESSCertID: unexpected trailing element'));
  });
});

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
