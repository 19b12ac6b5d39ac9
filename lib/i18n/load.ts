import { browser } from 'wxt/browser';
import { createTranslator, pickLanguage, type Language, type MessageCatalog } from './translator';

async function catalog(language: Language): Promise<MessageCatalog> {
  // The same _locales files the browser uses for the manifest: one source of truth for strings.
  const url = browser.runtime.getURL(`/_locales/${language}/messages.json` as '/');
  const response = await fetch(url);
  return (await response.json()) as MessageCatalog;
}

/** Loads the translator for the chosen language (`auto` follows the browser's UI language). */
export async function loadTranslator(choice: Language | 'auto') {
  const language = choice === 'auto' ? pickLanguage([browser.i18n.getUILanguage()]) : choice;
  const [messages, english] = await Promise.all([catalog(language), catalog('en')]);
  return { language, t: createTranslator(messages, english), messages, english };
}
