// Hand-made RFC 3161 tokens, signed with node:crypto, for what `openssl ts -reply` refuses to
// make (a signer without the time-stamping purpose) and for forgeries (altered content, another
// certificate, a missing attribute). Built with the same DER writer the client uses.
import { createHash, sign } from 'node:crypto';
import {
  ctx,
  int,
  octetString,
  oidBytes,
  seq,
  tlv,
  TAG,
  nullDer,
} from '../../../lib/evidence/timestamp/der';
import { OID } from '../../../lib/evidence/timestamp/oids';
import { parseCertificate } from '../../../lib/evidence/timestamp/x509';

export interface ForgeInput {
  /** SHA-256 of the covered bytes. */
  imprint: Uint8Array;
  signerKeyPem: string;
  signerCert: Uint8Array;
  /** Certificates placed in the token (the signer's is added first unless `omitSignerCert`). */
  extraCerts?: Uint8Array[];
  omitSignerCert?: boolean;
  genTime?: Date;
  serial?: number;
  /** Change the TSTInfo after the signature was made (a forgery of the content). */
  alterAfterSigning?: boolean;
  /** Leave out the ESS signing-certificate attribute / name another certificate in it. */
  omitEss?: boolean;
  essCert?: Uint8Array;
  /** The ESS attribute's form: v2 (default, SHA-256, or `essAlgorithm`) or v1 (SHA-1). */
  essVersion?: 1 | 2;
  /** v2's hash algorithm; null leaves it out (its default, SHA-256). */
  essAlgorithm?: string | null;
  /** Name the signer by its subject key identifier (SignerInfo version 3), not issuer and serial. */
  sidKeyId?: Uint8Array;
  /** How many SignerInfos the token carries (all the same one); default 1. */
  signerCount?: number;
  /** The encapsulated content's type (default TSTInfo). */
  eContentType?: string;
  /** The imprint's hash algorithm (default SHA-256; `imprint` must then be of that hash). */
  imprintAlgorithm?: string;
  /** The content-type attribute's value; null leaves the attribute out. */
  contentTypeAttr?: string | null;
  /** The message-digest attribute's value, DER (default the TSTInfo's SHA-256 as an OCTET STRING). */
  messageDigestAttr?: Uint8Array;
  /** The digest algorithm the SignerInfo names (default SHA-256, which it is signed with). */
  signerDigest?: string;
  /** Put the signer's certificate after the others. */
  signerCertLast?: boolean;
  /** Bytes of a TSTInfo extension, to make a token of a chosen size. */
  extensionBytes?: number;
  /** PKIStatus of the response (default 0, granted). */
  status?: number;
}

function generalizedTime(date: Date): Uint8Array {
  const s = date
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return tlv(TAG.generalizedTime, new TextEncoder().encode(s));
}

function tstInfo(input: ForgeInput, serial: number): Uint8Array {
  const extensions =
    input.extensionBytes === undefined
      ? []
      : [
          tlv(
            ctx(1),
            seq(oidBytes('1.3.6.1.4.1.99999.9'), octetString(new Uint8Array(input.extensionBytes))),
          ),
        ];
  return seq(
    int(1),
    oidBytes('1.3.6.1.4.1.99999.1'),
    seq(seq(oidBytes(input.imprintAlgorithm ?? OID.sha256), nullDer()), octetString(input.imprint)),
    int(serial),
    generalizedTime(input.genTime ?? new Date()),
    ...extensions,
  );
}

/** The ESS signing-certificate attribute naming `target`, in the form the input asks for. */
function essAttribute(input: ForgeInput, target: Uint8Array): Uint8Array {
  if (input.essVersion === 1) {
    const hash = createHash('sha1').update(target).digest();
    return attr(OID.signingCertificate, seq(seq(seq(octetString(hash)))));
  }
  const algorithm = input.essAlgorithm === undefined ? OID.sha256 : input.essAlgorithm;
  const node = { [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' }[algorithm ?? ''] ?? 'sha256';
  const hash = createHash(node).update(target).digest();
  const id = seq(...(algorithm ? [seq(oidBytes(algorithm))] : []), octetString(hash));
  return attr(OID.signingCertificateV2, seq(seq(id)));
}

const attr = (oid: string, value: Uint8Array) => seq(oidBytes(oid), tlv(TAG.set, value));

function sortDer(items: Uint8Array[]): Uint8Array[] {
  return [...items].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

export function forgeToken(input: ForgeInput): Uint8Array {
  const cert = parseCertificate(input.signerCert);
  const ec = cert.keyAlgorithm.oid === OID.ecPublicKey;
  const content = tstInfo(input, input.serial ?? 7);
  const essTarget = input.essCert ?? input.signerCert;
  const contentType = input.contentTypeAttr === undefined ? OID.tstInfo : input.contentTypeAttr;
  const attrs = sortDer([
    ...(contentType ? [attr(OID.contentType, oidBytes(contentType))] : []),
    attr(
      OID.messageDigest,
      input.messageDigestAttr ?? octetString(createHash('sha256').update(content).digest()),
    ),
    ...(input.omitEss ? [] : [essAttribute(input, essTarget)]),
  ]);
  const signedSet = tlv(TAG.set, ...attrs);
  const signature = sign('sha256', signedSet, input.signerKeyPem);
  const finalContent = input.alterAfterSigning
    ? tstInfo({ ...input, genTime: new Date(Date.UTC(2001, 0, 1)) }, input.serial ?? 7)
    : content;
  // serial bytes as in the certificate (hex, no sign padding): re-encode as a positive INTEGER
  const serialBytes = Buffer.from(
    cert.serialHex.length % 2 ? `0${cert.serialHex}` : cert.serialHex,
    'hex',
  );
  const signerInfo = seq(
    int(input.sidKeyId ? 3 : 1),
    input.sidKeyId ? tlv(ctx(0, false), input.sidKeyId) : seq(cert.issuer, int(serialBytes)),
    seq(oidBytes(input.signerDigest ?? OID.sha256), nullDer()),
    tlv(ctx(0), ...attrs),
    seq(oidBytes(ec ? OID.ecdsaSha256 : OID.sha256WithRsa), ...(ec ? [] : [nullDer()])),
    octetString(signature),
  );
  const own = input.omitSignerCert ? [] : [input.signerCert];
  const others = input.extraCerts ?? [];
  const certs = input.signerCertLast ? [...others, ...own] : [...own, ...others];
  const signedData = seq(
    int(3),
    tlv(TAG.set, seq(oidBytes(input.signerDigest ?? OID.sha256), nullDer())),
    seq(oidBytes(input.eContentType ?? OID.tstInfo), tlv(ctx(0), octetString(finalContent))),
    ...(certs.length ? [tlv(ctx(0), ...certs)] : []),
    tlv(TAG.set, ...Array.from({ length: input.signerCount ?? 1 }, () => signerInfo)),
  );
  const contentInfo = seq(oidBytes(OID.signedData), tlv(ctx(0), signedData));
  return seq(seq(int(input.status ?? 0)), contentInfo);
}
