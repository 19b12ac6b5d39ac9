import type { MessageCatalog } from './translator';

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
 * A sealed capture keeps its warnings in English (a record must not change with its reader's
 * language). Those Dalel wrote from its catalog (`warn_*`) are read back as key and values, so a
 * page can show them in its own language; others (an extractor's, a browser's) give null.
 */
export function matchWarning(
  english: MessageCatalog,
  warning: string,
): { key: string; params: string[] } | null {
  for (const { key, pattern } of warningPatterns(english)) {
    const m = pattern.exec(warning);
    if (m) return { key, params: m.slice(1) };
  }
  return null;
}
