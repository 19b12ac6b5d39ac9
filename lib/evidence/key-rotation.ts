// Signer continuity. When a monitor's signing key changes (turning on the passphrase lock creates
// a new, wrappable key), the old key signs a handover: "key <previous> hands over to <next>". It
// travels in the `key_rotated` custody event, which every package discloses, so a lawyer who
// pinned the old fingerprint can confirm packages signed by the new key, and `--earlier` can tell
// a legitimate key change from a package signed by someone else. A `key_rotated` event without a
// valid handover proves nothing about who holds the new key and is reported.
import type { CustodyEvent } from '../model/custody';
import { canonicalBytes } from './canonical-json';
import { fromBase64, toBase64 } from './hex';
import { datetime, fingerprint, literal, object, parseShape, string, type Infer } from './shape';
import { fingerprintOf, verifyEd25519, type Signer } from './signing';
import type { RotationProblem } from './verify-messages';

export const ROTATION_TYPE = 'dalel/key-rotation/v1';

const base64Key = string({ pattern: /^[A-Za-z0-9+/]{43}=$/, name: 'base64' });

export const rotationStatementShape = object({
  type: literal(ROTATION_TYPE),
  previous: fingerprint,
  previousKey: base64Key,
  next: fingerprint,
  nextKey: base64Key,
  at: datetime,
});
export type RotationStatement = Infer<typeof rotationStatementShape>;

/** What `key_rotated` carries: the statement and the previous key's signature over its JCS bytes. */
export interface SignedRotation {
  statement: RotationStatement;
  /** Base64 of the 64-byte Ed25519 signature by the previous key. */
  signature: string;
}

/** The previous key signs that it hands over to the next one (before the rotation is stored). */
export async function signRotation(
  previous: Signer,
  next: { publicKeyRaw: Uint8Array; fingerprint: string },
  at: Date,
): Promise<SignedRotation> {
  const statement: RotationStatement = {
    type: ROTATION_TYPE,
    previous: previous.fingerprint,
    previousKey: toBase64(previous.publicKeyRaw),
    next: next.fingerprint,
    nextKey: toBase64(next.publicKeyRaw),
    at: at.toISOString(),
  };
  return { statement, signature: toBase64(await previous.sign(canonicalBytes(statement))) };
}

export type RotationCheck =
  | { kind: 'signed'; previous: string; next: string }
  | { kind: 'unsigned'; previous: string; next: string }
  | { kind: 'invalid'; previous: string; next: string; reason: RotationProblem };

/** What a `key_rotated` event proves. */
export async function checkRotationEvent(event: CustodyEvent): Promise<RotationCheck> {
  const data = event.data;
  const next = typeof data.fingerprint === 'string' ? data.fingerprint : '?';
  const previous = typeof data.previous === 'string' ? data.previous : '?';
  const rotation = data.rotation as Partial<SignedRotation> | undefined;
  if (rotation === undefined) return { kind: 'unsigned', previous, next };
  const invalid = (reason: RotationProblem): RotationCheck => ({
    kind: 'invalid',
    previous,
    next,
    reason,
  });
  const parsed = parseShape(rotationStatementShape, rotation?.statement);
  if (!parsed.ok || typeof rotation.signature !== 'string') return invalid('malformed');
  const s = parsed.value;
  if (s.next !== next || s.nextKey !== data.publicKey || s.previous !== previous)
    return invalid('other_keys');
  let previousKey: Uint8Array;
  let nextKey: Uint8Array;
  let signature: Uint8Array;
  try {
    previousKey = fromBase64(s.previousKey);
    nextKey = fromBase64(s.nextKey);
    signature = fromBase64(rotation.signature);
  } catch {
    return invalid('not_base64');
  }
  if (
    (await fingerprintOf(previousKey)) !== s.previous ||
    (await fingerprintOf(nextKey)) !== s.next
  )
    return invalid('fingerprint_mismatch');
  // The signed bytes are the statement's RFC 8785 form, as shown in the event.
  if (!(await verifyEd25519(previousKey, signature, canonicalBytes(s))))
    return invalid('bad_signature');
  return { kind: 'signed', previous, next };
}

/**
 * Handovers as edges previous → next; `reaches(from, to)` is the number of signed steps from
 * `from` to `to` (0 when they are the same key), or null when no chain of handovers leads there.
 */
export class Handovers {
  private readonly edges = new Map<string, Set<string>>();

  add(previous: string, next: string): void {
    if (!this.edges.has(previous)) this.edges.set(previous, new Set());
    this.edges.get(previous)!.add(next);
  }

  reaches(from: string, to: string): number | null {
    const seen = new Map([[from, 0]]);
    const queue = [from];
    while (queue.length > 0) {
      const key = queue.shift()!;
      if (key === to) return seen.get(key)!;
      for (const next of this.edges.get(key) ?? [])
        if (!seen.has(next)) {
          seen.set(next, seen.get(key)! + 1);
          queue.push(next);
        }
    }
    return null;
  }
}
