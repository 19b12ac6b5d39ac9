// X.509 certificates (RFC 5280), parsed strictly and only as far as chain checking needs: the
// signed TBS bytes, names as exact DER (compared byte for byte), validity, the public key, and
// the extensions that decide whether a certificate may issue others or sign time stamps.
import {
  bitFlags,
  bitStringBytes,
  boolean,
  children,
  ctx,
  explicit,
  DerError,
  integerHex,
  octets,
  oid,
  parseDer,
  Reader,
  sameBytes,
  smallInt,
  TAG,
  text,
  time,
  wellFormed,
  type Der,
} from './der';
import { fromBase64, toBase64 } from '../hex';
import { OID } from './oids';

export interface AlgorithmId {
  oid: string;
  /** The parameters, if any (absent and NULL are both null). */
  params: Der | null;
}

export interface Extension {
  critical: boolean;
  value: Uint8Array;
}

export interface Certificate {
  /** The whole certificate, DER. */
  raw: Uint8Array;
  /** The signed part. */
  tbs: Uint8Array;
  signatureAlgorithm: AlgorithmId;
  signature: Uint8Array;
  serialHex: string;
  issuer: Uint8Array;
  subject: Uint8Array;
  /** Readable subject, e.g. "CN=Dalel Test TSA, O=Dalel Test". */
  subjectText: string;
  issuerText: string;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo, DER (what WebCrypto imports). */
  spki: Uint8Array;
  keyAlgorithm: AlgorithmId;
  /** The public key bits (modulus/exponent DER for RSA, the point for EC). */
  publicKey: Uint8Array;
  extensions: Map<string, Extension>;
  /** basicConstraints: null when absent. */
  ca: { isCa: boolean; pathLen: number | null } | null;
  /** keyUsage bits (0 digitalSignature, 1 nonRepudiation, 5 keyCertSign); null when absent. */
  keyUsage: boolean[] | null;
  /** extKeyUsage purposes; null when absent. */
  extKeyUsage: string[] | null;
  subjectKeyId: Uint8Array | null;
  authorityKeyId: Uint8Array | null;
}

export function algorithmId(node: Der): AlgorithmId {
  const r = new Reader(node);
  const id = oid(r.take(TAG.oid, 'algorithm'));
  const rest = r.items.slice(1);
  if (rest.length > 1) throw new DerError('AlgorithmIdentifier has extra elements');
  const p = rest[0] ?? null;
  if (p) wellFormed(p);
  return { oid: id, params: p && p.tag !== TAG.null ? p : null };
}

const NAME_KEYS: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.organization]: 'O',
  [OID.country]: 'C',
  '2.5.4.11': 'OU',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
};

/** A readable form of a Name; attributes we do not know by name are shown by OID. */
export function nameText(name: Der): string {
  const parts: string[] = [];
  for (const rdn of children(name, TAG.sequence)) {
    for (const atv of children(rdn, TAG.set)) {
      const [type, value, extra] = children(atv, TAG.sequence);
      if (!type || !value || extra) throw new DerError('malformed name attribute');
      const key = NAME_KEYS[oid(type)] ?? oid(type);
      parts.push(`${key}=${text(value)}`);
    }
  }
  return parts.reverse().join(', ');
}

/** The common name of a Name, else its whole text. */
export function commonName(cert: Certificate): string {
  const m = /(?:^|, )CN=([^,]*)/.exec(cert.subjectText);
  return m?.[1] ?? cert.subjectText;
}

export function parseCertificate(bytes: Uint8Array): Certificate {
  const outer = new Reader(parseDer(bytes));
  const tbsNode = outer.take(TAG.sequence, 'tbsCertificate');
  const signatureAlgorithm = algorithmId(outer.take(TAG.sequence, 'signatureAlgorithm'));
  const signature = bitStringBytes(outer.take(TAG.bitString, 'signatureValue'));
  outer.end('Certificate');

  const t = new Reader(tbsNode);
  const versionNode = t.optional(ctx(0));
  let version = 0;
  if (versionNode) {
    version = smallInt(explicit(versionNode, 'version'));
    if (version < 1 || version > 2) throw new DerError(`certificate version ${version + 1}`);
  }
  // Checked (minimal, not negative: RFC 5280 §4.1.2.2) where it is read, by integerHex below.
  const serialNode = t.take(TAG.integer, 'serialNumber');
  const innerAlg = t.take(TAG.sequence, 'signature');
  if (!sameBytes(innerAlg.raw, outer.items[1]!.raw))
    throw new DerError('signature algorithm differs inside and outside the signed part');
  const issuer = t.take(TAG.sequence, 'issuer');
  const validity = new Reader(t.take(TAG.sequence, 'validity'));
  const notBefore = time(validity.any('notBefore'));
  const notAfter = time(validity.any('notAfter'));
  validity.end('validity');
  const subject = t.take(TAG.sequence, 'subject');
  const spkiNode = t.take(TAG.sequence, 'subjectPublicKeyInfo');
  const spki = new Reader(spkiNode);
  const keyAlgorithm = algorithmId(spki.take(TAG.sequence, 'algorithm'));
  const publicKey = bitStringBytes(spki.take(TAG.bitString, 'subjectPublicKey'));
  spki.end('subjectPublicKeyInfo');
  t.optional(ctx(1, false));
  t.optional(ctx(2, false));
  const extNode = t.optional(ctx(3));
  t.end('TBSCertificate');
  if (extNode && version !== 2) throw new DerError('extensions in a certificate older than v3');

  const extensions = new Map<string, Extension>();
  if (extNode) {
    for (const ext of children(explicit(extNode, 'extensions'), TAG.sequence)) {
      const r = new Reader(ext);
      const id = oid(r.take(TAG.oid, 'extnID'));
      const crit = r.optional(TAG.boolean);
      const value = octets(r.take(TAG.octetString, 'extnValue'));
      r.end('Extension');
      if (extensions.has(id)) throw new DerError(`extension ${id} appears twice`);
      extensions.set(id, { critical: crit ? boolean(crit) : false, value });
    }
  }
  const ext = (id: string) => extensions.get(id)?.value;
  const cert: Certificate = {
    raw: bytes,
    tbs: tbsNode.raw,
    signatureAlgorithm,
    signature,
    serialHex: integerHex(serialNode),
    issuer: issuer.raw,
    subject: subject.raw,
    subjectText: nameText(subject),
    issuerText: nameText(issuer),
    notBefore,
    notAfter,
    spki: spkiNode.raw,
    keyAlgorithm,
    publicKey,
    extensions,
    ca: null,
    keyUsage: null,
    extKeyUsage: null,
    subjectKeyId: null,
    authorityKeyId: null,
  };
  const bc = ext(OID.basicConstraints);
  if (bc) {
    const r = new Reader(parseDer(bc));
    const isCaNode = r.optional(TAG.boolean);
    const pathNode = r.optional(TAG.integer);
    r.end('basicConstraints');
    cert.ca = {
      isCa: isCaNode ? boolean(isCaNode) : false,
      pathLen: pathNode ? smallInt(pathNode) : null,
    };
  }
  const ku = ext(OID.keyUsage);
  if (ku) cert.keyUsage = bitFlags(parseDer(ku));
  const eku = ext(OID.extKeyUsage);
  if (eku) {
    cert.extKeyUsage = children(parseDer(eku), TAG.sequence).map(oid);
    if (cert.extKeyUsage.length === 0) throw new DerError('empty extKeyUsage');
  }
  const ski = ext(OID.subjectKeyIdentifier);
  if (ski) cert.subjectKeyId = octets(parseDer(ski));
  const aki = ext(OID.authorityKeyIdentifier);
  if (aki) {
    const r = new Reader(parseDer(aki));
    const keyId = r.optional(ctx(0, false));
    cert.authorityKeyId = keyId ? keyId.value : null;
  }
  return cert;
}

/** Certificates from PEM text (any number of CERTIFICATE blocks; other blocks ignored). */
export function pemCertificates(pem: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  for (let m = re.exec(pem); m; m = re.exec(pem)) {
    try {
      out.push(fromBase64(m[1]!));
    } catch {
      throw new DerError('PEM certificate is not base64');
    }
  }
  return out;
}

/** A certificate as PEM text. */
export function certificatePem(der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
