import { LANGUAGES, type Language } from '../../../lib/i18n/translator';
import { request } from '../../../lib/messaging/client';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { SelectField } from '../../ui/select-field';
import { errorText, useLoad } from '../../ui/use-request';
import { CaptureSection } from './capture-section';
import { KeySection } from './key-section';
import { LANGUAGE_NAMES } from './language-names';
import { LockerSection } from './locker-section';
import { StorageSection } from './storage-section';
import { TrustedTimeSection } from './trusted-time-section';

/** Settings and keys: language, the signing key, trusted time, storage. */
export function SettingsView(_props: { id: string | null }) {
  const { t } = useI18n();
  const settings = useLoad(() => request('settings.get'));

  const setLanguage = async (language: 'auto' | Language) => {
    try {
      await request('settings.set', { patch: { language } });
      location.reload(); // every string is re-resolved in the new language
    } catch (e) {
      settings.setError(errorText(e));
    }
  };

  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('navSettings')}</h1>
      <ErrorBanner error={settings.error} />
      <section class="panel" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('settingsInterface')}</h2>
        {settings.data && (
          <SelectField<'auto' | Language>
            label={t('settingsLanguage')}
            value={settings.data.language}
            onChange={(l) => void setLanguage(l)}
            options={[
              { value: 'auto', label: t('languageAuto') },
              ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
            ]}
          />
        )}
      </section>
      <CaptureSection />
      <KeySection />
      <TrustedTimeSection />
      <LockerSection />
      <StorageSection />
    </section>
  );
}
