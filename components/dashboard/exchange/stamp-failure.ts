import { STAMP_FAILURES } from '../../../lib/evidence/timestamp/stamp';
import type { Translate } from '../../../lib/i18n/translator';

/** Why a TSA gave no token, in the UI language when its code is known (else its own detail). */
export function stampFailureText(
  t: Translate,
  code: string | undefined,
  detail: string | undefined,
): string {
  if (code && (STAMP_FAILURES as readonly string[]).includes(code))
    return t(`stampFailure_${code}`);
  return detail ?? code ?? '?';
}
