import { describe, expect, it } from 'vitest';
import { createTranslator, pickLanguage } from '../../../lib/i18n/translator';

describe('translator', () => {
  const t = createTranslator(
    { hello: { message: 'Сәлем, $1! $2 іс' } },
    { hello: { message: 'Hello' }, onlyEnglish: { message: 'English only' } },
  );
  it('substitutes placeholders', () =>
    expect(t('hello', 'Айгерим', 3)).toBe('Сәлем, Айгерим! 3 іс'));
  it('falls back to English, then to the key itself', () => {
    expect(t('onlyEnglish')).toBe('English only');
    expect(t('missingKey')).toBe('missingKey');
  });
  it('picks a supported language from browser preferences', () => {
    expect(pickLanguage(['kk-KZ', 'ru'])).toBe('kk');
    expect(pickLanguage(['de-DE', 'ru-RU'])).toBe('ru');
    expect(pickLanguage(['de'])).toBe('en');
  });
});
