import type { Translate } from '../../lib/i18n/translator';
import { reasonOf } from '../../lib/i18n/reason';

/** Known answer codes with their own words, used when an error names no reason of its own. */
const CODE_KEYS: Record<string, string> = {
  wrong_passphrase: 'vaultWrongPassphrase',
  locked: 'vaultLockedMessage',
  weak_passphrase: 'vaultWeakPassphrase',
};

/**
 * An error as the monitor should read it, in the page's language: its reason (a catalog key and
 * values, lib/messaging/reason.ts), else the words for its code, else the message as sent.
 */
export function describeError(t: Translate, error: unknown): string {
  const reason = reasonOf(error);
  if (reason) {
    const text = t(reason.key, ...reason.params);
    if (text !== reason.key) return text;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CODE_KEYS[code]) return t(CODE_KEYS[code]!);
  return error instanceof Error ? error.message : String(error);
}

let pageTranslate: Translate | null = null;

/** The page's translator, set once by AppRoot, so `errorText` can translate without a hook. */
export function setErrorTranslator(t: Translate): void {
  pageTranslate = t;
}

/** Error text for display in the page's language: never a crash. */
export function errorText(error: unknown): string {
  if (pageTranslate) return describeError(pageTranslate, error);
  return error instanceof Error ? error.message : String(error);
}
