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
}

function generalizedTime(date: Date): Uint8Array {
  const s = date
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return tlv(TAG.generalizedTime, new TextEncoder().encode(s));
}

function tstInfo(input: ForgeInput, serial: number): Uint8Array {
  return seq(
    int(1),
    oidBytes('1.3.6.1.4.1.99999.1'),
    seq(seq(oidBytes(OID.sha256), nullDer()), octetString(input.imprint)),
    int(serial),
    generalizedTime(input.genTime ?? new Date()),
  );
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
  const essHash = createHash('sha256').update(essTarget).digest();
  const attrs = sortDer([
    attr(OID.contentType, oidBytes(OID.tstInfo)),
    attr(OID.messageDigest, octetString(createHash('sha256').update(content).digest())),
    ...(input.omitEss ? [] : [attr(OID.signingCertificateV2, seq(seq(seq(octetString(essHash)))))]),
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
    int(1),
    seq(cert.issuer, int(serialBytes)),
    seq(oidBytes(OID.sha256), nullDer()),
    tlv(ctx(0), ...attrs),
    seq(oidBytes(ec ? OID.ecdsaSha256 : OID.sha256WithRsa), ...(ec ? [] : [nullDer()])),
    octetString(signature),
  );
  const certs = [...(input.omitSignerCert ? [] : [input.signerCert]), ...(input.extraCerts ?? [])];
  const signedData = seq(
    int(3),
    tlv(TAG.set, seq(oidBytes(OID.sha256), nullDer())),
    seq(oidBytes(OID.tstInfo), tlv(ctx(0), octetString(finalContent))),
    ...(certs.length ? [tlv(ctx(0), ...certs)] : []),
    tlv(TAG.set, signerInfo),
  );
  const contentInfo = seq(oidBytes(OID.signedData), tlv(ctx(0), signedData));
  return seq(seq(int(0)), contentInfo);
}
