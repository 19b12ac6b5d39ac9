import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import kk from '../../public/_locales/kk/messages.json' with { type: 'json' };
import ru from '../../public/_locales/ru/messages.json' with { type: 'json' };
import { createTextFormat, type TextFormat } from './format';
import { createTranslator, type Language, type MessageCatalog } from './translator';

const CATALOGS: Record<Language, MessageCatalog> = { en, ru, kk };

/**
 * The catalogs bundled, for text made without a page to load them from: reports inside packages
 * (made in the worker and by the CLI). The same files the UI uses: one source for every string.
 */
export function textFormatFor(language: Language): TextFormat {
  const messages = CATALOGS[language];
  const t = createTranslator(messages, CATALOGS.en);
  return createTextFormat(language, t, (key) => key in messages || key in CATALOGS.en);
}
