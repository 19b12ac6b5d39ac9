// CMS SignedData (RFC 5652) as an RFC 3161 time-stamp token carries it: one signer, signed
// attributes, the TSTInfo as encapsulated content, and the certificates the TSA chose to include.
import {
  children,
  ctx,
  explicit,
  DerError,
  expect,
  integerBytes,
  octets,
  oid,
  Reader,
  smallInt,
  TAG,
  tlv,
  type Der,
} from './der';
import { OID } from './oids';
import { algorithmId, type AlgorithmId } from './x509';

const KNOWN_DIGESTS = new Set<string>([OID.sha1, OID.sha256, OID.sha384, OID.sha512]);

export interface Attribute {
  oid: string;
  values: Der[];
}

export interface SignerInfo {
  /** issuerAndSerialNumber (issuer Name DER + serial bytes) or a subjectKeyIdentifier. */
  sid:
    | { kind: 'issuerSerial'; issuer: Uint8Array; serial: Uint8Array }
    | { kind: 'keyId'; keyId: Uint8Array };
  digestAlgorithm: AlgorithmId;
  /** The signed attributes re-encoded as the SET OF that was signed (RFC 5652 §5.4). */
  signedAttrsDer: Uint8Array;
  signedAttrs: Attribute[];
  signatureAlgorithm: AlgorithmId;
  signature: Uint8Array;
}

export interface SignedData {
  eContentType: string;
  eContent: Uint8Array;
  certificates: Uint8Array[];
  signers: SignerInfo[];
}

/** ContentInfo → SignedData. */
export function parseSignedData(contentInfo: Der): SignedData {
  const ci = new Reader(contentInfo);
  if (oid(ci.take(TAG.oid, 'contentType')) !== OID.signedData)
    throw new DerError('the token is not CMS SignedData');
  const sdNode = explicit(ci.take(ctx(0), 'content'), 'content');
  ci.end('ContentInfo');
  const sd = new Reader(sdNode);
  const version = smallInt(sd.take(TAG.integer, 'version'));
  if (version < 1 || version > 5) throw new DerError(`SignedData version ${version}`);
  const digestAlgorithms = children(sd.take(TAG.set, 'digestAlgorithms')).map(
    (a) => algorithmId(a).oid,
  );
  const encap = new Reader(sd.take(TAG.sequence, 'encapContentInfo'));
  const eContentType = oid(encap.take(TAG.oid, 'eContentType'));
  const wrapped = encap.optional(ctx(0));
  encap.end('EncapsulatedContentInfo');
  if (!wrapped) throw new DerError('the token has no encapsulated content (detached)');
  const eContentNode = explicit(wrapped, 'eContent');
  const eContent = octets(eContentNode);
  const certs = sd.optional(ctx(0));
  const certificates = certs
    ? children(certs).map((c) => expect(c, TAG.sequence).raw) // plain X.509 only, as OpenSSL
    : [];
  const crls = sd.optional(ctx(1)); // not used (no revocation checking offline), but well-formed
  if (crls) children(crls).forEach((c) => children(c, TAG.sequence));
  const signers = children(sd.take(TAG.set, 'signerInfos')).map(parseSignerInfo);
  sd.end('SignedData');
  // OpenSSL digests the content with every algorithm listed here and with nothing else.
  for (const d of digestAlgorithms)
    if (!KNOWN_DIGESTS.has(d)) throw new DerError(`unknown digest algorithm ${d}`);
  for (const s of signers)
    if (!digestAlgorithms.includes(s.digestAlgorithm.oid))
      throw new DerError("the signer's digest algorithm is not listed in SignedData");
  return { eContentType, eContent, certificates, signers };
}

function parseSignerInfo(node: Der): SignerInfo {
  const r = new Reader(node);
  const version = smallInt(r.take(TAG.integer, 'version'));
  const sidNode = r.any('sid');
  let sid: SignerInfo['sid'];
  if (version === 1 && sidNode.tag === TAG.sequence) {
    const s = new Reader(sidNode);
    const issuer = s.take(TAG.sequence, 'issuer').raw;
    const serial = integerBytes(s.take(TAG.integer, 'serialNumber'), false);
    s.end('IssuerAndSerialNumber');
    sid = { kind: 'issuerSerial', issuer, serial };
  } else if (version === 3 && sidNode.tag === ctx(0, false)) {
    sid = { kind: 'keyId', keyId: sidNode.value };
  } else {
    throw new DerError(`SignerInfo version ${version} with a mismatched signer identifier`);
  }
  const digestAlgorithm = algorithmId(r.take(TAG.sequence, 'digestAlgorithm'));
  const attrsNode = r.optional(ctx(0));
  if (!attrsNode) throw new DerError('the token has no signed attributes');
  const attrNodes = children(attrsNode);
  // DER orders a SET OF by encoding; OpenSSL re-encodes before checking the signature, so an
  // unordered set would verify here and fail there: refuse it.
  for (let i = 1; i < attrNodes.length; i++)
    if (compareDer(attrNodes[i - 1]!.raw, attrNodes[i]!.raw) > 0)
      throw new DerError('signed attributes are not in DER order');
  const signedAttrs = attrNodes.map((a) => parseAttribute(a));
  const signatureAlgorithm = algorithmId(r.take(TAG.sequence, 'signatureAlgorithm'));
  const signature = octets(r.take(TAG.octetString, 'signature'));
  const unsigned = r.optional(ctx(1)); // not used, but well-formed
  if (unsigned) children(unsigned).forEach((a) => parseAttribute(a, true));
  r.end('SignerInfo');
  const seen = new Set<string>();
  for (const a of signedAttrs) {
    if (seen.has(a.oid)) throw new DerError(`signed attribute ${a.oid} appears twice`);
    seen.add(a.oid);
  }
  return {
    sid,
    digestAlgorithm,
    signedAttrsDer: tlv(TAG.set, attrsNode.value),
    signedAttrs,
    signatureAlgorithm,
    signature,
  };
}

/** X.690 §11.6: encodings compared as octet strings, the shorter padded with zeros. */
function compareDer(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function parseAttribute(node: Der, anyCount = false): Attribute {
  const r = new Reader(node);
  const id = oid(r.take(TAG.oid, 'attrType'));
  const values = children(r.take(TAG.set, 'attrValues'));
  r.end('Attribute');
  if (!anyCount && values.length !== 1)
    throw new DerError(`attribute ${id} must have exactly one value`);
  return { oid: id, values };
}

/** The single value of a signed attribute, or null. */
export function attribute(signer: SignerInfo, id: string): Der | null {
  return signer.signedAttrs.find((a) => a.oid === id)?.values[0] ?? null;
}

/** ESS signing-certificate(-v2): the hash of the signer certificate the TSA commits to. */
export function signingCertHash(
  signer: SignerInfo,
): { algorithm: string; hash: Uint8Array; issuerSerial: Der | null } | null {
  const v2 = attribute(signer, OID.signingCertificateV2);
  const v1 = v2 ? null : attribute(signer, OID.signingCertificate);
  const value = v2 ?? v1;
  if (!value) return null;
  const certs = children(new Reader(value).take(TAG.sequence, 'certs'));
  const first = certs[0];
  if (!first) throw new DerError('signing certificate attribute lists no certificate');
  const r = new Reader(first);
  let algorithm = OID.sha1 as string;
  if (v2) {
    const alg = r.optional(TAG.sequence);
    algorithm = alg ? algorithmId(alg).oid : OID.sha256;
  }
  const hash = octets(r.take(TAG.octetString, 'certHash'));
  const issuerSerial = r.optional(TAG.sequence);
  r.end('ESSCertID');
  return { algorithm, hash, issuerSerial };
}
