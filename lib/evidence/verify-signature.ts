// The signature chain: statement.sig over statement.json by signer.pem; the statement names the
// manifest's hash, package id, time, key and custody checkpoint; the signer against a pinned key.
import { parseCanonical } from './canonical-json';
import { LAYOUT, type Manifest } from './manifest';
import { sha256RefOf } from './sha256';
import { fingerprintOf, normalizeFingerprint, parsePublicKey, verifyEd25519 } from './signing';
import { statementSchema } from './statement';
import type { CheckList, VerifyReport } from './verify-report';

export interface SignatureParts {
  manifest: Manifest | null;
  manifestBytes: Uint8Array | null;
  statementBytes: Uint8Array | null;
  signature: Uint8Array | null;
  pem: Uint8Array | null;
}

export async function checkSignature(
  parts: SignatureParts,
  checks: CheckList,
): Promise<{ fingerprint: string; raw: Uint8Array } | null> {
  const { manifest, manifestBytes, statementBytes, signature, pem } = parts;
  if (!statementBytes || !signature || !pem) return null;
  let raw: Uint8Array;
  try {
    raw = parsePublicKey(new TextDecoder().decode(pem));
  } catch (error) {
    checks.fail(LAYOUT.publicKey, (error as Error).message);
    return null;
  }
  const fingerprint = await fingerprintOf(raw);
  const valid = await verifyEd25519(raw, signature, statementBytes);
  if (
    !checks.expect(
      valid,
      LAYOUT.signature,
      `Ed25519 signature valid for key ${fingerprint}`,
      `signature does not verify with ${LAYOUT.publicKey} (altered statement or wrong key)`,
    )
  ) {
    return { fingerprint, raw };
  }
  let statement;
  try {
    statement = statementSchema.parse(parseCanonical(statementBytes, LAYOUT.statement));
  } catch (error) {
    checks.fail(LAYOUT.statement, (error as Error).message.replace(`${LAYOUT.statement}: `, ''));
    return { fingerprint, raw };
  }
  checks.expect(
    statement.keyId === fingerprint,
    LAYOUT.statement,
    'key id matches the signing key',
    `names key ${statement.keyId}, but was signed by ${fingerprint}`,
  );
  if (manifestBytes) {
    const hash = await sha256RefOf(manifestBytes);
    checks.expect(
      hash === statement.manifest,
      LAYOUT.manifest,
      'hash matches the signed statement',
      `SHA-256 ${hash} is not the signed ${statement.manifest}: manifest altered after signing`,
    );
  }
  if (manifest) {
    const same =
      manifest.packageId === statement.packageId &&
      manifest.created === statement.created &&
      manifest.signer.fingerprint === statement.keyId &&
      manifest.custody.checkpoint.size === statement.custodyCheckpoint.size &&
      manifest.custody.checkpoint.head === statement.custodyCheckpoint.head;
    checks.expect(
      same,
      LAYOUT.manifest,
      'package id, time, signer and custody checkpoint match the signed statement',
      'package id, time, signer or custody checkpoint differ from the signed statement',
    );
  }
  return { fingerprint, raw };
}

export async function checkPin(
  signer: { fingerprint: string; raw: Uint8Array } | null,
  pinnedKey: string | Uint8Array | undefined,
  checks: CheckList,
): Promise<VerifyReport['pinned']> {
  if (pinnedKey === undefined || !signer) return 'unpinned';
  let expected: string | null =
    typeof pinnedKey === 'string' ? normalizeFingerprint(pinnedKey) : null;
  if (!expected) {
    try {
      expected = await fingerprintOf(parsePublicKey(pinnedKey));
    } catch {
      checks.fail(null, 'the pinned key is neither a fingerprint nor an Ed25519 public key');
      return 'mismatch';
    }
  }
  const match = expected === signer.fingerprint;
  checks.expect(
    match,
    LAYOUT.publicKey,
    `signer is the pinned key ${expected}`,
    `unknown signer: signed by ${signer.fingerprint}, not by the pinned key ${expected}`,
  );
  return match ? 'match' : 'mismatch';
}
