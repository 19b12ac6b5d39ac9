// The signature chain: statement.sig over statement.json by signer.pem; the statement names the
// manifest's hash, package id, time, key and custody checkpoint. Then whom it is from: the signer
// against the fingerprint the reader expects, directly or through handovers signed by that key.
import { CanonicalJsonError, parseCanonical } from './canonical-json';
import type { Handovers } from './key-rotation';
import { LAYOUT, type Manifest } from './manifest';
import { sha256RefOf } from './sha256';
import { parseShape } from './shape';
import {
  fingerprintOf,
  normalizeFingerprint,
  parsePublicKey,
  PublicKeyError,
  publicKeyPem,
  verifyEd25519,
} from './signing';
import { statementShape } from './statement';
import type { CheckList, VerifyReport } from './verify-report';

export interface SignatureParts {
  manifest: Manifest | null;
  manifestBytes: Uint8Array | null;
  statementBytes: Uint8Array | null;
  signature: Uint8Array | null;
  pem: Uint8Array | null;
}

export interface Signer {
  fingerprint: string;
  raw: Uint8Array;
  /** True when the signature verified. */
  valid: boolean;
}

export async function checkSignature(
  parts: SignatureParts,
  checks: CheckList,
): Promise<Signer | null> {
  const { manifest, manifestBytes, statementBytes, signature, pem } = parts;
  if (!statementBytes || !signature || !pem) return null;
  let raw: Uint8Array;
  try {
    const text = new TextDecoder().decode(pem);
    raw = parsePublicKey(text);
    // The file is unhashed (it is the key the signature is checked with), so its bytes must be
    // exactly the canonical PEM of that key: no tolerated whitespace or trailing text.
    if (text !== publicKeyPem(raw)) {
      checks.fail(LAYOUT.publicKey, 'pem_not_canonical');
      return null;
    }
  } catch (error) {
    if (!(error instanceof PublicKeyError)) throw error;
    checks.fail(LAYOUT.publicKey, error.code);
    return null;
  }
  const fingerprint = await fingerprintOf(raw);
  if (!(await verifyEd25519(raw, signature, statementBytes))) {
    checks.fail(LAYOUT.signature, 'signature_bad');
    return { fingerprint, raw, valid: false };
  }
  checks.pass(LAYOUT.signature, 'signature_ok', { fingerprint });
  let value: unknown;
  try {
    value = parseCanonical(statementBytes, LAYOUT.statement);
  } catch (error) {
    if (!(error instanceof CanonicalJsonError) || !error.outcome) throw error;
    checks.failWith(LAYOUT.statement, error.outcome);
    return { fingerprint, raw, valid: true };
  }
  const parsed = parseShape(statementShape, value);
  if (!parsed.ok) {
    for (const issue of parsed.issues) checks.failWith(LAYOUT.statement, issue);
    return { fingerprint, raw, valid: true };
  }
  const statement = parsed.value;
  if (statement.keyId === fingerprint) checks.pass(LAYOUT.statement, 'statement_key_ok');
  else
    checks.fail(LAYOUT.statement, 'statement_key_mismatch', {
      named: statement.keyId,
      fingerprint,
    });
  if (manifestBytes) {
    const hash = await sha256RefOf(manifestBytes);
    if (hash === statement.manifest) checks.pass(LAYOUT.manifest, 'manifest_hash_ok');
    else checks.fail(LAYOUT.manifest, 'manifest_hash_bad', { hash, signed: statement.manifest });
  }
  if (manifest) {
    const same =
      manifest.packageId === statement.packageId &&
      manifest.created === statement.created &&
      manifest.signer.fingerprint === statement.keyId &&
      manifest.custody.checkpoint.size === statement.custodyCheckpoint.size &&
      manifest.custody.checkpoint.head === statement.custodyCheckpoint.head &&
      manifest.custody.checkpoint.root === statement.custodyCheckpoint.root;
    if (same) checks.pass(LAYOUT.manifest, 'statement_fields_ok');
    else checks.fail(LAYOUT.manifest, 'statement_fields_bad');
  }
  return { fingerprint, raw, valid: true };
}

/**
 * Whom the package is from. `valid` needs an expected fingerprint (told over a second channel):
 * the signer itself, or a key it took over from by handovers signed with the expected key.
 * Without one the signature is intact but the signer is not confirmed.
 */
export function confirmSigner(
  signer: Signer | null,
  expected: string | undefined,
  handovers: Handovers,
  checks: CheckList,
): VerifyReport['pinned'] {
  if (!signer?.valid) return 'unpinned';
  if (expected === undefined || expected.trim() === '') {
    checks.note(LAYOUT.publicKey, 'signer_unconfirmed', { fingerprint: signer.fingerprint });
    return 'unpinned';
  }
  const pinned = normalizeFingerprint(expected);
  if (!pinned) {
    checks.fail(null, 'pin_bad');
    return 'mismatch';
  }
  const steps = handovers.reaches(pinned, signer.fingerprint);
  if (steps === 0) {
    checks.pass(LAYOUT.publicKey, 'pin_match', { fingerprint: pinned });
    return 'match';
  }
  if (steps !== null) {
    checks.pass(LAYOUT.publicKey, 'pin_via_rotation', {
      fingerprint: signer.fingerprint,
      pinned,
      steps,
    });
    return 'rotated';
  }
  checks.fail(LAYOUT.publicKey, 'pin_mismatch', { fingerprint: signer.fingerprint, pinned });
  return 'mismatch';
}
