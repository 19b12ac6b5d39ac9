/** The browser's `messages.json` format: one entry per key, with `$1`-style placeholders. */
export type MessageCatalog = Record<string, { message: string; description?: string }>;

export const LANGUAGES = ['en', 'ru', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Translate = (key: string, ...substitutions: Array<string | number>) => string;

/**
 * A translator over one catalog with English as the fallback. A missing key shows as the key
 * itself, so a gap is visible on screen (and the locale test fails on it first).
 */
export function createTranslator(
  catalog: MessageCatalog,
  fallback: MessageCatalog = {},
): Translate {
  return (key, ...subs) => {
    const entry = catalog[key] ?? fallback[key];
    if (!entry) return key;
    return entry.message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
  };
}

/** Translates a count: `tn(key, n, …more)` with `n` as `$1`, and `more` as `$2…`. */
export type TranslateCount = (
  key: string,
  count: number,
  ...substitutions: Array<string | number>
) => string;

/**
 * Plural forms through the catalogs: `key__one`, `key__few`, `key__many`, `key__other` per the
 * language's CLDR rules (Russian has one/few/many, Kazakh and English one/other), so "1 persons"
 * and "5 человека" never appear. `formatNumber` prints the count in the language's digits.
 */
export function createCountTranslator(
  language: Language,
  t: Translate,
  has: (key: string) => boolean,
  formatNumber: (n: number) => string = String,
): TranslateCount {
  const rules = new Intl.PluralRules(language);
  return (key, count, ...more) => {
    const form = `${key}__${rules.select(count)}`;
    const chosen = has(form) ? form : has(`${key}__other`) ? `${key}__other` : key;
    return t(chosen, formatNumber(count), ...more);
  };
}

/** Picks a supported language from a preference list such as `navigator.languages`. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] as Language;
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}
