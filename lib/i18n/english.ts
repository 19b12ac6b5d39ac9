import catalog from '../../public/_locales/en/messages.json' with { type: 'json' };
import { createTranslator, type MessageCatalog } from './translator';

/**
 * English from the same catalog the UI uses, for text made where no UI language is known: the
 * English message of an error the UI shows in its own language (lib/messaging/reason.ts), the
 * CLI. One source for every string.
 */
export const english = createTranslator(catalog as MessageCatalog);

/** The English catalog itself (to read back warnings written from it, lib/i18n/warnings.ts). */
export const englishCatalog = catalog as MessageCatalog;

/** Whether the English catalog has this key (tests and reasons check their keys with it). */
export const hasMessage = (key: string): boolean => key in (catalog as MessageCatalog);
