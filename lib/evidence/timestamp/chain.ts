// Path building and validation from a TSA certificate to a trusted CA (RFC 5280 §6, the parts
// that matter offline): names chained byte for byte, every signature checked, every certificate
// valid at the token's time, issuers are CAs allowed to sign certificates within their path
// length, no unknown critical extension. Revocation is not checked (no network): documented.
import { sameBytes } from './der';
import { OID } from './oids';
import { UnsupportedAlgorithm, verifySignature } from './signature';
import type { Certificate } from './x509';

export type ChainProblem =
  | { code: 'chain_untrusted'; params: { issuer: string } }
  | {
      code: 'chain_not_valid_at_time';
      params: { subject: string; notBefore: string; notAfter: string; time: string };
    }
  | { code: 'chain_bad_signature'; params: { subject: string } }
  | { code: 'chain_not_ca'; params: { subject: string } }
  | { code: 'chain_path_length'; params: { subject: string } }
  | { code: 'chain_critical_extension'; params: { subject: string; oid: string } }
  | { code: 'chain_purpose'; params: { subject: string } }
  | { code: 'chain_algorithm'; params: { subject: string; reason: string } };

export type ChainOutcome = { ok: true; chain: Certificate[] } | ({ ok: false } & ChainProblem);

/** Extensions this validator understands; an unknown one marked critical fails the path. */
const KNOWN = new Set<string>([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.subjectAltName,
  OID.certificatePolicies,
  OID.crlDistributionPoints,
  OID.authorityInfoAccess,
]);

const MAX_DEPTH = 8;
/** Signature checks one path search may spend: a hostile token cannot make it search forever. */
const MAX_STEPS = 64;
const KEY_CERT_SIGN = 5;

/**
 * Finds a path from `leaf` through `pool` (certificates the token carried, untrusted) to one of
 * `anchors`, valid at `at`. Every candidate path is tried; the problem reported is the one met
 * deepest, which is the most telling (e.g. an expired intermediate rather than "no path").
 */
export async function buildChain(
  leaf: Certificate,
  pool: readonly Certificate[],
  anchors: readonly Certificate[],
  at: Date,
): Promise<ChainOutcome> {
  let best: { depth: number; problem: ChainProblem } = {
    depth: -1,
    problem: { code: 'chain_untrusted', params: { issuer: leaf.issuerText } },
  };
  const note = (depth: number, problem: ChainProblem) => {
    if (depth > best.depth) best = { depth, problem };
  };
  const isAnchor = (c: Certificate) => anchors.some((a) => sameBytes(a.raw, c.raw));
  let steps = 0;

  const walk = async (path: Certificate[]): Promise<Certificate[] | null> => {
    const cur = path[path.length - 1]!;
    const depth = path.length - 1;
    const problem = ownProblem(cur, at, depth === 0 || !isAnchor(cur));
    if (problem) {
      note(depth, problem);
      return null;
    }
    if (isAnchor(cur)) return path;
    if (path.length > MAX_DEPTH) return null;
    const candidates = [...anchors, ...pool].filter(
      (c, i, all) =>
        sameBytes(c.subject, cur.issuer) &&
        all.findIndex((d) => sameBytes(d.raw, c.raw)) === i &&
        !path.some((p) => sameBytes(p.raw, c.raw)) &&
        !(cur.authorityKeyId && c.subjectKeyId && !sameBytes(cur.authorityKeyId, c.subjectKeyId)),
    );
    for (const issuer of candidates) {
      if (++steps > MAX_STEPS) return null;
      const stepProblem = await issuerProblem(cur, issuer, path, isAnchor(issuer));
      if (stepProblem) {
        note(depth + 1, stepProblem);
        continue;
      }
      const found = await walk([...path, issuer]);
      if (found) return found;
    }
    if (candidates.length === 0)
      note(depth, { code: 'chain_untrusted', params: { issuer: cur.issuerText } });
    return null;
  };
  const chain = await walk([leaf]);
  return chain ? { ok: true, chain } : { ok: false, ...best.problem };
}

/** What is wrong with a certificate on its own: validity at `at`, unknown critical extensions. */
function ownProblem(cert: Certificate, at: Date, checkExtensions: boolean): ChainProblem | null {
  if (at < cert.notBefore || at > cert.notAfter) {
    return {
      code: 'chain_not_valid_at_time',
      params: {
        subject: cert.subjectText,
        notBefore: cert.notBefore.toISOString(),
        notAfter: cert.notAfter.toISOString(),
        time: at.toISOString(),
      },
    };
  }
  if (checkExtensions) {
    for (const [id, ext] of cert.extensions) {
      if (ext.critical && !KNOWN.has(id))
        return { code: 'chain_critical_extension', params: { subject: cert.subjectText, oid: id } };
    }
  }
  return null;
}

/** May `issuer` have issued `cert` at this place in the path, and did it sign it? */
async function issuerProblem(
  cert: Certificate,
  issuer: Certificate,
  path: Certificate[],
  anchor: boolean,
): Promise<ChainProblem | null> {
  const subject = issuer.subjectText;
  // A v1 trust anchor has no basicConstraints; a trusted root is a CA by being trusted.
  const isCa = issuer.ca?.isCa ?? (anchor && issuer.extensions.size === 0);
  if (!isCa) return { code: 'chain_not_ca', params: { subject } };
  if (issuer.keyUsage && !issuer.keyUsage[KEY_CERT_SIGN])
    return { code: 'chain_not_ca', params: { subject } };
  // Intermediates below this issuer, not counting the leaf (RFC 5280 §4.2.1.9).
  const below = path.length - 1;
  if (issuer.ca?.pathLen != null && below > issuer.ca.pathLen)
    return { code: 'chain_path_length', params: { subject } };
  // An issuer that restricts its purposes must allow time stamping (CA/B and Microsoft practice).
  if (
    issuer.extKeyUsage &&
    !issuer.extKeyUsage.includes(OID.timeStamping) &&
    !issuer.extKeyUsage.includes(OID.anyExtendedKeyUsage)
  )
    return { code: 'chain_purpose', params: { subject } };
  try {
    const ok = await verifySignature(issuer, cert.signatureAlgorithm, cert.signature, cert.tbs);
    if (!ok) return { code: 'chain_bad_signature', params: { subject: cert.subjectText } };
  } catch (error) {
    if (!(error instanceof UnsupportedAlgorithm)) throw error;
    return {
      code: 'chain_algorithm',
      params: { subject: cert.subjectText, reason: error.message },
    };
  }
  return null;
}
