// Signature checks through WebCrypto (the same in Node, the extension and verify.html): RSA
// PKCS#1 v1.5 and PSS, ECDSA P-256/P-384/P-521, Ed25519; SHA-256/384/512 only. Anything else
// (SHA-1, DSA, unknown parameters) is refused with a reason, never treated as valid.
import {
  children,
  ctx,
  explicit,
  DerError,
  expect,
  integerBytes,
  oid,
  parseDer,
  Reader,
  smallInt,
  TAG,
} from './der';
import { OID, DIGESTS } from './oids';
import { algorithmId, type AlgorithmId, type Certificate } from './x509';

export class UnsupportedAlgorithm extends Error {}

type Hash = 'SHA-256' | 'SHA-384' | 'SHA-512';

const RSA_HASH: Record<string, Hash> = {
  [OID.sha256WithRsa]: 'SHA-256',
  [OID.sha384WithRsa]: 'SHA-384',
  [OID.sha512WithRsa]: 'SHA-512',
};
const ECDSA_HASH: Record<string, Hash> = {
  [OID.ecdsaSha256]: 'SHA-256',
  [OID.ecdsaSha384]: 'SHA-384',
  [OID.ecdsaSha512]: 'SHA-512',
};
const CURVES: Record<string, { name: string; size: number }> = {
  [OID.p256]: { name: 'P-256', size: 32 },
  [OID.p384]: { name: 'P-384', size: 48 },
  [OID.p521]: { name: 'P-521', size: 66 },
};

/** Smallest RSA modulus accepted (bits). */
export const MIN_RSA_BITS = 2048;

/**
 * Verifies `signature` over `data` with the certificate's key. `algorithm` is the signature
 * algorithm; `digest` is the separately named digest (CMS SignerInfo names `rsaEncryption` or
 * `ecPublicKey` plus a digest algorithm). Returns false for a wrong signature; throws
 * UnsupportedAlgorithm for what it will not check.
 */
export async function verifySignature(
  signer: Certificate,
  algorithm: AlgorithmId,
  signature: Uint8Array,
  data: Uint8Array,
  digest?: string,
): Promise<boolean> {
  try {
    return await verifyWith(signer, algorithm, signature, data, digest);
  } catch (error) {
    if (error instanceof DerError)
      throw new UnsupportedAlgorithm(`malformed key or parameters: ${error.message}`);
    throw error;
  }
}

async function verifyWith(
  signer: Certificate,
  algorithm: AlgorithmId,
  signature: Uint8Array,
  data: Uint8Array,
  digest?: string,
): Promise<boolean> {
  const keyOid = signer.keyAlgorithm.oid;
  const digestHash = digest === undefined ? undefined : DIGESTS[digest];
  if (digest !== undefined && !digestHash)
    throw new UnsupportedAlgorithm(`digest algorithm ${digest} is not accepted`);
  let params: {
    key: RsaHashedImportParams | EcKeyImportParams | Algorithm;
    verify: Algorithm | EcdsaParams | RsaPssParams;
  };
  let sig = signature;
  if (RSA_HASH[algorithm.oid] || algorithm.oid === OID.rsaEncryption) {
    const hash = RSA_HASH[algorithm.oid] ?? digestHash;
    if (!hash) throw new UnsupportedAlgorithm('RSA signature without a digest algorithm');
    requireRsaKey(signer);
    params = { key: { name: 'RSASSA-PKCS1-v1_5', hash }, verify: { name: 'RSASSA-PKCS1-v1_5' } };
  } else if (algorithm.oid === OID.rsaPss) {
    requireRsaKey(signer);
    const { hash, saltLength } = pssParams(algorithm);
    params = { key: { name: 'RSA-PSS', hash }, verify: { name: 'RSA-PSS', saltLength } };
  } else if (ECDSA_HASH[algorithm.oid] || algorithm.oid === OID.ecPublicKey) {
    const hash = ECDSA_HASH[algorithm.oid] ?? digestHash;
    if (!hash) throw new UnsupportedAlgorithm('ECDSA signature without a digest algorithm');
    if (keyOid !== OID.ecPublicKey)
      throw new UnsupportedAlgorithm('ECDSA signature by a non-EC key');
    const curveOid = signer.keyAlgorithm.params ? oid(signer.keyAlgorithm.params) : '';
    const curve = CURVES[curveOid];
    if (!curve)
      throw new UnsupportedAlgorithm(`elliptic curve ${curveOid || '(none)'} is not accepted`);
    params = { key: { name: 'ECDSA', namedCurve: curve.name }, verify: { name: 'ECDSA', hash } };
    const raw = ecdsaRaw(signature, curve.size);
    if (!raw) return false;
    sig = raw;
  } else if (algorithm.oid === OID.ed25519) {
    if (keyOid !== OID.ed25519) throw new UnsupportedAlgorithm('Ed25519 signature by another key');
    params = { key: { name: 'Ed25519' }, verify: { name: 'Ed25519' } };
  } else {
    throw new UnsupportedAlgorithm(`signature algorithm ${algorithm.oid} is not accepted`);
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', buf(signer.spki), params.key, false, ['verify']);
  } catch (error) {
    throw new UnsupportedAlgorithm(
      `the certificate's public key cannot be used: ${(error as Error).message}`,
    );
  }
  try {
    return await crypto.subtle.verify(params.verify, key, buf(sig), buf(data));
  } catch {
    return false;
  }
}

function requireRsaKey(cert: Certificate): void {
  if (cert.keyAlgorithm.oid !== OID.rsaEncryption)
    throw new UnsupportedAlgorithm('RSA signature by a non-RSA key');
  const [modulus] = children(parseDer(cert.publicKey), TAG.sequence);
  if (!modulus) throw new DerError('RSA public key without a modulus');
  const bits = bitLength(integerBytes(expect(modulus, TAG.integer)));
  if (bits < MIN_RSA_BITS)
    throw new UnsupportedAlgorithm(`RSA key of ${bits} bits is too weak (minimum ${MIN_RSA_BITS})`);
}

/** The exact size of a non-negative INTEGER in bits: a 2047-bit modulus is not a 2048-bit one. */
export function bitLength(magnitude: Uint8Array): number {
  const first = magnitude.findIndex((b) => b !== 0);
  if (first < 0) return 0;
  return (magnitude.length - first - 1) * 8 + (32 - Math.clz32(magnitude[first]!));
}

/** RSASSA-PSS-params: the hash and MGF1 hash must agree (WebCrypto has one), trailer 1. */
function pssParams(algorithm: AlgorithmId): { hash: Hash; saltLength: number } {
  if (!algorithm.params) throw new UnsupportedAlgorithm('RSA-PSS with default (SHA-1) parameters');
  const r = new Reader(algorithm.params);
  const hashNode = r.optional(ctx(0));
  const mgfNode = r.optional(ctx(1));
  const saltNode = r.optional(ctx(2));
  const trailerNode = r.optional(ctx(3));
  r.end('RSASSA-PSS-params');
  const hashOid = hashNode ? algorithmId(explicit(hashNode, 'hashAlgorithm')).oid : OID.sha1;
  const hash = DIGESTS[hashOid];
  if (!hash) throw new UnsupportedAlgorithm(`RSA-PSS with digest ${hashOid}`);
  if (!mgfNode) throw new UnsupportedAlgorithm('RSA-PSS with the default MGF1-SHA-1');
  const mgf = algorithmId(explicit(mgfNode, 'maskGenAlgorithm'));
  if (mgf.oid !== OID.mgf1 || !mgf.params || algorithmId(mgf.params).oid !== hashOid)
    throw new UnsupportedAlgorithm('RSA-PSS whose mask generation differs from its digest');
  const saltLength = saltNode ? smallInt(explicit(saltNode, 'saltLength')) : 20;
  if (trailerNode && smallInt(explicit(trailerNode, 'trailerField')) !== 1)
    throw new UnsupportedAlgorithm('RSA-PSS trailer field other than 1');
  return { hash, saltLength };
}

/** ECDSA-Sig-Value (DER SEQUENCE of r, s) to WebCrypto's fixed-width r‖s; null if malformed. */
export function ecdsaRaw(der: Uint8Array, size: number): Uint8Array | null {
  try {
    const r = new Reader(parseDer(der));
    const parts = [r.take(TAG.integer, 'r'), r.take(TAG.integer, 's')].map((n) => integerBytes(n));
    r.end('ECDSA-Sig-Value');
    const out = new Uint8Array(size * 2);
    for (const [i, v] of parts.entries()) {
      const trimmed = v[0] === 0 ? v.subarray(1) : v;
      if (trimmed.length > size || trimmed.every((b) => b === 0)) return null;
      out.set(trimmed, i * size + size - trimmed.length);
    }
    return out;
  } catch {
    return null;
  }
}

function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
