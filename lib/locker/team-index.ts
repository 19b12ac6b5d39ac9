import { z } from 'zod';
import { fromBase64, toBase64 } from '../evidence/hex';
import { fingerprintOf, verifyEd25519, type Signer } from '../evidence/signing';
import { parsePackageKey, type PackageKey } from './object-key';
import type { PackageFacts } from './metadata';

/**
 * The team index: one small signed JSON object next to each package in the bucket
 * (`dalel/<fingerprint>/<day>/<package id>.index.json`, locked with the same retention), so the
 * pull side can list by monitor, case and date from a few hundred bytes per package instead of
 * downloading packages. It is a convenience, never evidence: the pull side still verifies every
 * package it imports, and a package whose SHA-256 is not the one its index names is flagged.
 *
 * What is in it, and why that is safe: the monitor's fingerprint and public key, package id,
 * created, kind, capture count, SHA-256 and size, and the cases' ids and titles. Object KEYS (seen
 * in bucket listings, access logs, storage consoles) hold only ids; a case title is only inside
 * the object, readable by exactly those who may read the package itself — which holds the same
 * titles. ARCHITECTURE.md, "Team locker".
 */
export const INDEX_FORMAT = 'dalel-locker-index/1';
const DOMAIN = `${INDEX_FORMAT}\n`;

export const teamIndexSchema = z
  .object({
    format: z.literal(INDEX_FORMAT),
    packageId: z.string().regex(/^[0-9a-f]{32}$/),
    signer: z.string().regex(/^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/),
    publicKey: z.string().max(100),
    created: z.iso.datetime(),
    kind: z.enum(['capture', 'export']),
    captures: z.number().int().nonnegative(),
    cases: z
      .array(z.object({ id: z.string().max(200), title: z.string().max(500) }).strict())
      .max(1000),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().nonnegative(),
  })
  .strict();
export type TeamIndex = z.infer<typeof teamIndexSchema>;

/** The object: the index's exact JSON text, and an Ed25519 signature over DOMAIN + that text. */
const envelopeSchema = z
  .object({ signed: z.string().max(200_000), signature: z.string() })
  .strict();

/** `…/<id>.zip` → `…/<id>.index.json`. */
export function indexKeyOf(packageKey: string): string {
  if (!parsePackageKey(packageKey)) throw new Error(`not a package key: ${packageKey}`);
  return packageKey.replace(/\.zip$/, '.index.json');
}

/** The package key an index key belongs to, or null for anything else. */
export function packageKeyOfIndex(key: string): string | null {
  if (!key.endsWith('.index.json')) return null;
  const pkg = key.replace(/\.index\.json$/, '.zip');
  return parsePackageKey(pkg) ? pkg : null;
}

export async function signTeamIndex(
  facts: PackageFacts,
  size: number,
  signer: Signer,
): Promise<string> {
  const index: TeamIndex = teamIndexSchema.parse({
    format: INDEX_FORMAT,
    packageId: facts.packageId,
    signer: signer.fingerprint,
    publicKey: toBase64(signer.publicKeyRaw),
    created: facts.created,
    kind: facts.kind,
    captures: facts.captures,
    cases: facts.cases,
    sha256: facts.sha256,
    size,
  });
  const signed = JSON.stringify(index);
  const signature = await signer.sign(new TextEncoder().encode(DOMAIN + signed));
  return JSON.stringify({ signed, signature: toBase64(signature) });
}

/** Why an index is not taken: a code (the dashboard words it per language) and its English. */
export const INDEX_PROBLEMS = {
  malformed: 'the index is not well-formed',
  key_mismatch: 'the index names a key that is not its signer',
  bad_signature: 'the index signature does not verify',
  other_monitor: "the index is signed by another monitor's key",
  other_package: 'the index describes another package',
  too_large: 'the index is too large',
  size_mismatch: 'the package in the bucket is not the size its index says',
} as const;
export type IndexProblem = keyof typeof INDEX_PROBLEMS;

export type IndexCheck = { ok: true; index: TeamIndex } | { ok: false; problem: IndexProblem };

/**
 * Reads an index object found at `key` and checks it: well-formed, signed by the key it names,
 * that key's fingerprint the one in the object's path, the package id and day the path's.
 */
export async function readTeamIndex(key: string, text: string): Promise<IndexCheck> {
  const pkg = packageKeyOfIndex(key);
  const where: PackageKey | null = pkg ? parsePackageKey(pkg) : null;
  if (!where) return { ok: false, problem: 'other_package' };
  let envelope;
  let index;
  try {
    envelope = envelopeSchema.parse(JSON.parse(text));
    index = teamIndexSchema.parse(JSON.parse(envelope.signed));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  let publicKey: Uint8Array;
  let signature: Uint8Array;
  try {
    publicKey = fromBase64(index.publicKey);
    signature = fromBase64(envelope.signature);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if ((await fingerprintOf(publicKey)) !== index.signer)
    return { ok: false, problem: 'key_mismatch' };
  const data = new TextEncoder().encode(DOMAIN + envelope.signed);
  if (!(await verifyEd25519(publicKey, signature, data)))
    return { ok: false, problem: 'bad_signature' };
  if (index.signer !== where.fingerprint) return { ok: false, problem: 'other_monitor' };
  if (
    index.packageId !== where.packageId ||
    new Date(index.created).toISOString().slice(0, 10) !== where.day
  )
    return { ok: false, problem: 'other_package' };
  return { ok: true, index };
}
