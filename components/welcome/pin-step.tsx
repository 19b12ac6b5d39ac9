import { useI18n } from '../i18n-context';

/** Pinning the toolbar button, in the words of the browser the monitor is using. */
export function PinStep() {
  const { t } = useI18n();
  const firefox = /Firefox\//.test(navigator.userAgent);
  return (
    <section class="panel" aria-labelledby="pin-heading" data-testid="welcome-pin">
      <h2 id="pin-heading">{t('welcomePinHeading')}</h2>
      <p>{firefox ? t('welcomePinFirefox') : t('welcomePinChrome')}</p>
      <p class="muted">{t('welcomeShortcuts')}</p>
    </section>
  );
}
