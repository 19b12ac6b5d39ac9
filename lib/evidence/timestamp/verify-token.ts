// The one check of an RFC 3161 token, used by the CLI, verify.html, import and the stamping
// client: the imprint equals the hash of the bytes it claims to cover, the signed attributes
// bind the TSTInfo, the TSA's signature verifies, its certificate is a time-stamping
// certificate, and it chains to a trusted CA at the token's time (always checked).
import { toHex } from '../hex';
import { DerError, octets, oid, sameBytes } from './der';
import {
  attribute,
  parseSignedData,
  signingCertHash,
  type SignedData,
  type SignerInfo,
} from './cms';
import { buildChain } from './chain';
import type { TokenCode, TokenParams } from './codes';
import { DIGESTS, OID } from './oids';
import { UnsupportedAlgorithm, verifySignature } from './signature';
import { parseResponse, parseTstInfo, type TstInfo } from './tst-info';
import { commonName, parseCertificate, type Certificate } from './x509';

/** What the token must cover: the bytes themselves, or their SHA-256 (a capture's seal). */
export type Covered = { bytes: Uint8Array; name: string } | { sha256: Uint8Array; name: string };

export interface TokenResult {
  /** trusted: all checks pass; untrusted: a genuine-looking token from a TSA not trusted here. */
  status: 'trusted' | 'untrusted' | 'invalid';
  code: TokenCode;
  params: TokenParams;
  /** The TSA's time (ISO 8601), when the token could be read. */
  time: string | null;
  /** The TSA certificate's common name, when found. */
  tsa: string | null;
  serial: string | null;
  policy: string | null;
  nonce: string | null;
  accuracyMs: number | null;
  notes: { code: TokenCode; params: TokenParams }[];
}

/** Tokens larger than this are refused unread (a TSA's answer is a few kilobytes). */
export const MAX_TOKEN_SIZE = 64 * 1024;
const MAX_CERTS = 32;

const ALG_NAMES: Record<string, string> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha1]: 'sha1',
};

export async function verifyToken(
  bytes: Uint8Array,
  covered: Covered,
  anchors: readonly Certificate[],
): Promise<TokenResult> {
  try {
    return await check(bytes, covered, anchors);
  } catch (error) {
    // Whatever part of a hostile token a check met malformed: a verdict, never a crash.
    if (error instanceof DerError) return emptyResult('unparsable', { reason: error.message });
    if (error instanceof UnsupportedAlgorithm)
      return emptyResult('algorithm_unsupported', { reason: error.message });
    throw error;
  }
}

function emptyResult(code: TokenCode, params: TokenParams): TokenResult {
  return {
    status: 'invalid',
    code,
    params,
    time: null,
    tsa: null,
    serial: null,
    policy: null,
    nonce: null,
    accuracyMs: null,
    notes: [],
  };
}

async function check(
  bytes: Uint8Array,
  covered: Covered,
  anchors: readonly Certificate[],
): Promise<TokenResult> {
  const result = emptyResult('unparsable', {});
  const fail = (
    code: TokenCode,
    params: TokenParams = {},
    status: TokenResult['status'] = 'invalid',
  ) => Object.assign(result, { status, code, params });

  let sd: SignedData;
  let info: TstInfo;
  let certs: Certificate[];
  try {
    if (bytes.length > MAX_TOKEN_SIZE) throw new DerError(`larger than ${MAX_TOKEN_SIZE} bytes`);
    const response = parseResponse(bytes);
    if (response.status > 1 || !response.token)
      return fail('not_granted', {
        status: String(response.status),
        text: response.statusText.join('; '),
      });
    sd = parseSignedData(response.token);
    if (sd.eContentType !== OID.tstInfo) return fail('not_tst_info');
    info = parseTstInfo(sd.eContent);
    if (sd.certificates.length > MAX_CERTS)
      throw new DerError(`more than ${MAX_CERTS} certificates`);
    certs = sd.certificates.map(parseCertificate);
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    return fail('unparsable', { reason: error.message });
  }
  Object.assign(result, {
    time: info.genTime.toISOString(),
    serial: info.serialHex,
    policy: info.policy,
    nonce: info.nonceHex,
    accuracyMs: info.accuracyMs,
  });

  const imprintProblem = await checkImprint(info, covered);
  if (imprintProblem) return fail(imprintProblem.code, imprintProblem.params);
  if (sd.signers.length !== 1) return fail('signer_count', { count: String(sd.signers.length) });
  const signerInfo = sd.signers[0]!;
  const signer = certs.find((c) => identifies(signerInfo, c));
  if (!signer) return fail('signer_cert_missing');
  result.tsa = commonName(signer);

  try {
    const problem = await checkSignedAttributes(signerInfo, sd, signer);
    if (problem) return fail(problem.code, problem.params);
    const ok = await verifySignature(
      signer,
      signerInfo.signatureAlgorithm,
      signerInfo.signature,
      signerInfo.signedAttrsDer,
      signerInfo.digestAlgorithm.oid,
    );
    if (!ok) return fail('signature_invalid');
  } catch (error) {
    if (error instanceof UnsupportedAlgorithm)
      return fail('algorithm_unsupported', { reason: error.message });
    if (error instanceof DerError) return fail('unparsable', { reason: error.message });
    throw error;
  }

  const purpose = purposeProblem(signer);
  if (purpose) return fail(purpose.code, purpose.params);

  const chain = await buildChain(signer, certs, anchors, info.genTime);
  if (!chain.ok) {
    return fail(
      chain.code,
      chain.params,
      chain.code === 'chain_untrusted' ? 'untrusted' : 'invalid',
    );
  }
  if (signer.notAfter < new Date())
    result.notes.push({
      code: 'tsa_cert_expired_since',
      params: { notAfter: signer.notAfter.toISOString() },
    });
  return fail('trusted', { tsa: result.tsa, time: result.time! }, 'trusted');
}

async function checkImprint(
  info: TstInfo,
  covered: Covered,
): Promise<{ code: TokenCode; params: TokenParams } | null> {
  const hash = DIGESTS[info.imprintAlgorithm];
  const algorithm = ALG_NAMES[info.imprintAlgorithm] ?? info.imprintAlgorithm;
  if (!hash) return { code: 'imprint_algorithm', params: { algorithm } };
  let expected: Uint8Array;
  if ('bytes' in covered) {
    expected = new Uint8Array(
      await crypto.subtle.digest(hash, covered.bytes as Uint8Array<ArrayBuffer>),
    );
  } else if (hash === 'SHA-256') {
    expected = covered.sha256;
  } else {
    return { code: 'imprint_algorithm', params: { algorithm } };
  }
  if (sameBytes(expected, info.imprint)) return null;
  return {
    code: 'imprint_mismatch',
    params: {
      covered: covered.name,
      expected: `${algorithm}:${toHex(expected)}`,
      found: `${algorithm}:${toHex(info.imprint)}`,
    },
  };
}

function identifies(signer: SignerInfo, cert: Certificate): boolean {
  if (signer.sid.kind === 'keyId')
    return !!cert.subjectKeyId && sameBytes(cert.subjectKeyId, signer.sid.keyId);
  const serial = signer.sid.serial;
  const trimmed = serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial;
  return sameBytes(cert.issuer, signer.sid.issuer) && toHex(trimmed) === cert.serialHex;
}

/** content-type = TSTInfo, message-digest = hash of the TSTInfo, ESS certificate id = signer. */
async function checkSignedAttributes(
  signer: SignerInfo,
  sd: SignedData,
  cert: Certificate,
): Promise<{ code: TokenCode; params: TokenParams } | null> {
  const contentType = attribute(signer, OID.contentType);
  if (!contentType || oid(contentType) !== OID.tstInfo)
    return { code: 'content_type_attr', params: {} };
  const digest = DIGESTS[signer.digestAlgorithm.oid];
  if (!digest)
    throw new UnsupportedAlgorithm(
      `digest algorithm ${signer.digestAlgorithm.oid} is not accepted`,
    );
  const md = attribute(signer, OID.messageDigest);
  const actual = new Uint8Array(
    await crypto.subtle.digest(digest, sd.eContent as Uint8Array<ArrayBuffer>),
  );
  if (!md || !sameBytes(octets(md), actual)) return { code: 'message_digest_attr', params: {} };
  const ess = signingCertHash(signer);
  if (!ess) return { code: 'signing_cert_attr', params: { problem: 'is missing' } };
  const essHash = ess.algorithm === OID.sha1 ? 'SHA-1' : DIGESTS[ess.algorithm];
  if (!essHash)
    return { code: 'signing_cert_attr', params: { problem: `uses unknown hash ${ess.algorithm}` } };
  // SHA-1 here only identifies a certificate the signature already binds; it is not what is trusted.
  const certHash = new Uint8Array(
    await crypto.subtle.digest(essHash, cert.raw as Uint8Array<ArrayBuffer>),
  );
  if (!sameBytes(certHash, ess.hash))
    return {
      code: 'signing_cert_attr',
      params: { problem: 'names a different certificate than the signer' },
    };
  return null;
}

/** RFC 3161 §2.3: extended key usage present, critical, and time stamping only. */
function purposeProblem(cert: Certificate): { code: TokenCode; params: TokenParams } | null {
  const subject = cert.subjectText;
  const eku = cert.extensions.get(OID.extKeyUsage);
  if (!eku || !cert.extKeyUsage)
    return { code: 'tsa_purpose', params: { subject, problem: 'no extended key usage' } };
  if (!eku.critical)
    return {
      code: 'tsa_purpose',
      params: { subject, problem: 'extended key usage is not critical' },
    };
  if (cert.extKeyUsage.length !== 1 || cert.extKeyUsage[0] !== OID.timeStamping)
    return {
      code: 'tsa_purpose',
      params: { subject, problem: 'extended key usage is not time stamping only' },
    };
  if (cert.keyUsage && !cert.keyUsage[0] && !cert.keyUsage[1])
    return { code: 'tsa_key_usage', params: { subject } };
  if (cert.ca?.isCa)
    return { code: 'tsa_purpose', params: { subject, problem: 'it is a CA certificate' } };
  return null;
}
