import type { MessageCatalog, Translate } from '../../lib/i18n/translator';

const templates = new WeakMap<MessageCatalog, Array<{ key: string; pattern: RegExp }>>();

/** The catalog's `warn_*` messages as patterns that read their `$n` values back. */
function warningPatterns(english: MessageCatalog) {
  let list = templates.get(english);
  if (!list) {
    list = Object.entries(english)
      .filter(([key]) => key.startsWith('warn_'))
      .map(([key, { message }]) => {
        const parts = message.split(/\$\d/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        return { key, pattern: new RegExp(`^${parts.join('(.+?)')}$`) };
      });
    templates.set(english, list);
  }
  return list;
}

/**
 * A sealed capture keeps its warnings in English (the record must not change with the reader's
 * language). Those Dalel wrote from its catalog (`warn_*`) are shown in the page's language;
 * others (an extractor's, a browser's) as written.
 */
export function warningText(t: Translate, english: MessageCatalog, warning: string): string {
  return ownWarning(t, english, warning) ?? warning;
}

/** The warning in the page's language if Dalel wrote it from its catalog, else null. */
export function ownWarning(t: Translate, english: MessageCatalog, warning: string): string | null {
  for (const { key, pattern } of warningPatterns(english)) {
    const m = pattern.exec(warning);
    if (m) return t(key, ...m.slice(1));
  }
  return null;
}
