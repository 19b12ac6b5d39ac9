// The one rule that admits files outside the signed manifest: an *unsigned annex*, a directory of
// files that can only be made after the signature — RFC 3161 timestamp tokens over statement.sig
// (`timestamps/<n>.tsr`, their README, OpenTimestamps proofs). They cannot be in the manifest the
// signature covers, so the signature cannot vouch for them; each must vouch for itself, which
// their own verifier checks. Without such a checker, annex files are refused like any other file
// the manifest does not list: nothing unsigned is let in unless something checks it.
import type { Manifest } from './manifest';
import type { CheckList } from './verify-report';

export const UNSIGNED_ANNEX = {
  dir: 'timestamps/',
  /** A flat directory of short, safe names. */
  name: /^timestamps\/[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  maxFiles: 64,
  maxSize: 1024 * 1024,
} as const;

export function inAnnex(name: string): boolean {
  return name.startsWith(UNSIGNED_ANNEX.dir);
}

/**
 * How Dalel writes the annex: after the signed files (it can only be made once they are signed),
 * tokens stored as they are, the README deflated. The writer and the verifier's "is this the
 * container as Dalel writes it" check both use this, so a stamped package is not called re-packed.
 */
export function annexCompressed(name: string): boolean {
  return name.endsWith('README');
}

export interface AnnexFile {
  name: string;
  bytes: Uint8Array;
}

/** What an annex checker gets: the annex files and the signed parts they refer to. */
export interface AnnexContext {
  manifest: Manifest | null;
  statement: Uint8Array | null;
  signature: Uint8Array | null;
  checks: CheckList;
}

/** Checks the annex (e.g. every timestamp token against statement.sig); reports into `checks`. */
export type AnnexChecker = (files: readonly AnnexFile[], context: AnnexContext) => Promise<void>;
