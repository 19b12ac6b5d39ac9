import { useState } from 'preact/hooks';
import { LANGUAGES } from '../../lib/i18n/translator';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-request';

const LANGUAGE_NAMES = { en: 'English', ru: 'Русский', kk: 'Қазақша' } as const;

export function SettingsView() {
  const { t } = useI18n();
  const settings = useLoad(() => request('settings.get'));
  const [saved, setSaved] = useState(false);

  const setLanguage = async (language: 'auto' | (typeof LANGUAGES)[number]) => {
    try {
      await request('settings.set', { patch: { language } });
      setSaved(true);
      location.reload(); // every string is re-resolved in the new language
    } catch (e) {
      settings.setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('navSettings')}</h2>
      <ErrorBanner error={settings.error} />
      {settings.data && (
        <label class="field">
          <span class="field-label">{t('settingsLanguage')}</span>
          <select
            value={settings.data.language}
            onChange={(e) =>
              setLanguage((e.currentTarget as HTMLSelectElement).value as 'auto' | 'en')
            }
          >
            <option value="auto">{t('languageAuto')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      )}
      {saved && <p class="muted">{t('settingsSaved')}</p>}
    </section>
  );
}
