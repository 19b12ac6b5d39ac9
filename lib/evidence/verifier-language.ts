// The languages the verifier speaks (CLI, verify.html, dashboard): one table of check words and
// one of time-stamp words per language, chosen by a language tag. Pure: the verifier page bundles it.
import type { CheckMessages } from './verify-messages';
import { CHECK_MESSAGES_EN } from './verify-messages';
import { CHECK_MESSAGES_KK } from './verify-messages.kk';
import { CHECK_MESSAGES_RU } from './verify-messages.ru';
import { TIMESTAMP_WORDS_EN, type TimestampWords } from './timestamp/format';
import { TIMESTAMP_WORDS_KK } from './timestamp/codes.kk';
import { TIMESTAMP_WORDS_RU } from './timestamp/codes.ru';

export const VERIFIER_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type VerifierLanguage = (typeof VERIFIER_LANGUAGES)[number];

export interface VerifierWords {
  checks: CheckMessages;
  time: TimestampWords;
}

export const VERIFIER_WORDS: Record<VerifierLanguage, VerifierWords> = {
  en: { checks: CHECK_MESSAGES_EN, time: TIMESTAMP_WORDS_EN },
  ru: { checks: CHECK_MESSAGES_RU, time: TIMESTAMP_WORDS_RU },
  kk: { checks: CHECK_MESSAGES_KK, time: TIMESTAMP_WORDS_KK },
};

/** The first supported language in a preference list (`navigator.languages`, `--lang`), else English. */
export function pickVerifierLanguage(preferred: readonly string[]): VerifierLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0] as VerifierLanguage;
    if (VERIFIER_LANGUAGES.includes(base)) return base;
  }
  return 'en';
}
