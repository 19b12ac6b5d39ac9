import type { Translate } from '../../lib/i18n/translator';
import { describeError } from '../ui/describe-error';

/** A request failure as the user should read it: known codes and reasons translated. */
export function errorText(t: Translate, error: unknown): string {
  return describeError(t, error);
}
