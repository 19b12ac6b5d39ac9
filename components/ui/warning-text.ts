import type { MessageCatalog, Translate } from '../../lib/i18n/translator';
import { matchWarning } from '../../lib/i18n/warnings';

/** A sealed warning in the page's language if Dalel wrote it from its catalog, else as written. */
export function warningText(t: Translate, english: MessageCatalog, warning: string): string {
  return ownWarning(t, english, warning) ?? warning;
}

/** The warning in the page's language if Dalel wrote it from its catalog, else null. */
export function ownWarning(t: Translate, english: MessageCatalog, warning: string): string | null {
  const found = matchWarning(english, warning);
  return found ? t(found.key, ...found.params) : null;
}
