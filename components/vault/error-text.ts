import { RequestError } from '../../lib/messaging/client';
import type { Translate } from '../../lib/i18n/translator';

/** A request failure as the user should read it: known codes translated, others as sent. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof RequestError) {
    if (error.code === 'wrong_passphrase') return t('vaultWrongPassphrase');
    if (error.code === 'locked') return t('vaultLockedMessage');
    if (error.code === 'weak_passphrase') return t('vaultWeakPassphrase');
  }
  return error instanceof Error ? error.message : String(error);
}
