import { canonicalBytes } from './canonical-json';
import { checkpointShape, hashShape, type Manifest } from './manifest';
import { sha256RefOf } from './sha256';
import { assertShape, datetime, fingerprint, literal, object, string, type Infer } from './shape';

export const STATEMENT_TYPE = 'dalel/package-signature/v1';

/**
 * What the key signs (as RFC 8785 bytes): the manifest's hash and, so they cannot be changed
 * unsigned, the package id, creation time, key id and custody checkpoint (integrity.md S5).
 */
export const statementShape = object({
  type: literal(STATEMENT_TYPE),
  manifest: hashShape,
  packageId: string(),
  created: datetime,
  keyId: fingerprint,
  custodyCheckpoint: checkpointShape,
});
export type Statement = Infer<typeof statementShape>;

/** The statement for exact manifest bytes. */
export async function buildStatement(
  manifest: Manifest,
  manifestBytes: Uint8Array,
): Promise<Statement> {
  return {
    type: STATEMENT_TYPE,
    manifest: await sha256RefOf(manifestBytes),
    packageId: manifest.packageId,
    created: manifest.created,
    keyId: manifest.signer.fingerprint,
    custodyCheckpoint: manifest.custody.checkpoint,
  };
}

export function statementBytes(statement: Statement): Uint8Array {
  return canonicalBytes(assertShape(statementShape, statement));
}
