// How a verifier treats a package whose signing key was revoked (revocation.ts): it stands only
// if a trusted time-stamp over its signature is earlier than the date the key was lost. Without
// that date nothing signed by the key can be cleared.
import { parseRevocation, RevocationError } from './revocation';
import type { TrustedTime } from './timestamp/check-package';
import type { CheckList } from './verify-report';

export interface RevocationNotice {
  /** The revocation code as the monitor gave it. */
  code: string;
  /** When the key was lost or seized (ISO 8601), as the monitor reports it; null if unknown. */
  compromisedSince: string | null;
}

export interface RevocationOutcome {
  fingerprint: string;
  compromisedSince: string | null;
  /** A trusted time before the loss clears the package. */
  signedBeforeLoss: boolean;
}

export async function checkRevocations(
  signer: string | null,
  earliest: TrustedTime | null,
  notices: readonly RevocationNotice[],
  checks: CheckList,
): Promise<RevocationOutcome | null> {
  let outcome: RevocationOutcome | null = null;
  for (const notice of notices) {
    let fingerprint: string;
    try {
      fingerprint = (await parseRevocation(notice.code)).fingerprint;
    } catch (error) {
      if (!(error instanceof RevocationError)) throw error;
      checks.fail(null, 'revocation_unreadable', { detail: error.message });
      continue;
    }
    if (fingerprint !== signer) continue;
    const since = notice.compromisedSince;
    const before =
      since !== null && earliest !== null && Date.parse(earliest.time) < Date.parse(since);
    outcome = { fingerprint, compromisedSince: since, signedBeforeLoss: before };
    if (before) {
      checks.pass(null, 'revocation_before_loss', {
        fingerprint,
        since: since!,
        time: earliest!.time,
        tsa: earliest!.tsa,
      });
    } else if (since === null) {
      checks.fail(null, 'revocation_no_date', { fingerprint });
    } else {
      checks.fail(null, 'revocation_after_loss', {
        fingerprint,
        since,
        earliest: earliest?.time ?? 'none',
      });
    }
  }
  return outcome;
}
