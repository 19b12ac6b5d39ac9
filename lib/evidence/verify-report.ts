import type { Manifest } from './manifest';
import type { RevocationOutcome } from './revocation-check';
import type { TimestampReport } from './timestamp/check-package';
import {
  outcome,
  renderOutcome,
  type CheckCode,
  type CheckMessages,
  type CheckParams,
  type Outcome,
} from './verify-messages';

/**
 * One check of a verification: what was checked (file or null for the package), the outcome as a
 * stable code with parameters, and its English text (`message`, from CHECK_MESSAGES_EN).
 */
export type Check = Outcome & {
  ok: boolean;
  /** The file concerned, or null for the package as a whole. */
  file: string | null;
  /** Where inside the file (a line, an event), put before the message. */
  where?: Outcome;
  message: string;
};

/**
 * `valid`: every check passed and the signer is the key the reader expected (a pinned
 * fingerprint, or a key it handed over to by a statement signed with the pinned one).
 * `unconfirmed`: every check passed, but nobody told the verifier whom to expect: the signature
 * is intact, the signer is not confirmed. `invalid`: a check failed. `unreadable`: not a ZIP, or
 * cut short.
 */
export type Verdict = 'valid' | 'unconfirmed' | 'invalid' | 'unreadable';

export interface VerifyReport {
  verdict: Verdict;
  /** Every failed check; empty when valid or unconfirmed. */
  failures: Check[];
  /** Checks that passed, in order, for display. */
  passed: Check[];
  /** What the reader should know that is not a failure (re-packed container, unconfirmed signer…). */
  notes: Check[];
  /** Fingerprint of the key that signed, when the signature file could be read. */
  fingerprint: string | null;
  /**
   * `match`: the signer is the expected key; `rotated`: it took over from the expected key by a
   * signed handover; `mismatch`: it is not; `unpinned`: no key was expected.
   */
  pinned: 'match' | 'rotated' | 'mismatch' | 'unpinned';
  /** `dalel`: byte for byte the form Dalel writes; `repacked`: another accepted form. */
  container: 'dalel' | 'repacked' | null;
  manifest: Manifest | null;
  files: number;
  bytes: number;
  /** Time-stamp tokens, each judged on its own; null when there was no manifest to check them with. */
  timestamps: TimestampReport | null;
  /** Set when a revocation given to the verifier concerns the signing key. */
  revocation: RevocationOutcome | null;
}

/** Collects checks while verifying. */
export class CheckList {
  /** `failures` may be shared with another list (see `failuresOnly`). */
  constructor(readonly failures: Check[] = []) {}
  readonly passed: Check[] = [];
  readonly notes: Check[] = [];
  fail<C extends CheckCode>(
    file: string | null,
    code: C,
    params?: CheckParams<C>,
    where?: Outcome,
  ): void {
    this.failures.push(check(false, file, code, params, where));
  }
  pass<C extends CheckCode>(file: string | null, code: C, params?: CheckParams<C>): void {
    this.passed.push(check(true, file, code, params, undefined));
  }
  note<C extends CheckCode>(file: string | null, code: C, params?: CheckParams<C>): void {
    this.notes.push(check(true, file, code, params, undefined));
  }
  /** A view that records failures here and drops passes and notes (for unproven data). */
  failuresOnly(): CheckList {
    return new CheckList(this.failures);
  }
  /** A failure from an outcome made elsewhere (a ZIP error, a JSON error). */
  failWith(file: string | null, o: Outcome, where?: Outcome): void {
    this.failures.push({
      ...o,
      ok: false,
      file,
      ...(where ? { where } : {}),
      message: words(o, where),
    });
  }
}

function check<C extends CheckCode>(
  ok: boolean,
  file: string | null,
  code: C,
  params: CheckParams<C> | undefined,
  where: Outcome | undefined,
): Check {
  const o = { code, params: params ?? {} } as Outcome;
  return { ...o, ok, file, ...(where ? { where } : {}), message: words(o, where) };
}

function words(o: Outcome, where: Outcome | undefined, table?: CheckMessages): string {
  const text = renderOutcome(o, table);
  return where ? `${renderOutcome(where, table)}: ${text}` : text;
}

/** A check's words in another language (the same code and parameters, another table). */
export function checkText(c: Check, table?: CheckMessages): string {
  return words(c, c.where, table);
}

/** One line per failure, "file: reason", for terminals and logs. */
export function formatFailures(report: VerifyReport): string[] {
  return report.failures.map((f) => (f.file ? `${f.file}: ${f.message}` : f.message));
}

export { outcome };
