import type { Manifest } from './manifest';
import type { TimestampReport } from './timestamp/check-package';
import type { RevocationOutcome } from './revocation-check';

/** One check of a verification: what was checked (file or null for the package) and the outcome. */
export interface Check {
  ok: boolean;
  /** The file concerned, or null for the package as a whole. */
  file: string | null;
  message: string;
}

export type Verdict = 'valid' | 'invalid' | 'unreadable';

export interface VerifyReport {
  verdict: Verdict;
  /** Every failed check; empty when valid. */
  failures: Check[];
  /** Checks that passed, in order, for display. */
  passed: Check[];
  /** Fingerprint of the key that signed, when the signature file could be read. */
  fingerprint: string | null;
  /** `unpinned`: no key was given; the signature is valid but the signer is not identified. */
  pinned: 'match' | 'mismatch' | 'unpinned';
  manifest: Manifest | null;
  files: number;
  bytes: number;
  /** Time-stamp tokens, each judged on its own; null when the archive could not be read. */
  timestamps: TimestampReport | null;
  /** Set when a revocation given to the verifier concerns the signing key. */
  revocation: RevocationOutcome | null;
}

/** Collects checks while verifying. */
export class CheckList {
  readonly failures: Check[] = [];
  readonly passed: Check[] = [];
  fail(file: string | null, message: string): void {
    this.failures.push({ ok: false, file, message });
  }
  pass(file: string | null, message: string): void {
    this.passed.push({ ok: true, file, message });
  }
  /** Record `message` as passed when `ok`, else `failure` as failed; returns ok. */
  expect(ok: boolean, file: string | null, message: string, failure: string): boolean {
    if (ok) this.pass(file, message);
    else this.fail(file, failure);
    return ok;
  }
}

/** One line per failure, "file: reason", for terminals and logs. */
export function formatFailures(report: VerifyReport): string[] {
  return report.failures.map((f) => (f.file ? `${f.file}: ${f.message}` : f.message));
}
