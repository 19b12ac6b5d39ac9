import { useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { errorText, useLoad } from '../../ui/use-request';

/**
 * How a capture fetches media: by default without the monitor's cookies (a media server then
 * learns nothing about who captured what); "fetch with my session" only for a private account
 * whose media are served to logged-in viewers alone.
 */
export function CaptureSection() {
  const { t } = useI18n();
  const settings = useLoad(() => request('settings.get'));
  const [error, setError] = useState<string | null>(null);
  const set = async (mediaWithSession: boolean) => {
    try {
      await request('settings.set', { patch: { mediaWithSession } });
      settings.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section class="panel" aria-labelledby="capture-settings-heading">
      <h2 id="capture-settings-heading">{t('settingsCapture')}</h2>
      <ErrorBanner error={error ?? settings.error} />
      {settings.data && (
        <label class="check">
          <input
            type="checkbox"
            checked={settings.data.mediaWithSession}
            onChange={(e) => void set((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('settingsMediaWithSession')}
        </label>
      )}
      <p class="muted">{t('settingsMediaWithSessionExplain')}</p>
    </section>
  );
}
