import { browser } from 'wxt/browser';
import { useI18n } from '../i18n-context';
import { FingerprintStep } from './fingerprint-step';
import { PassphraseStep } from './passphrase-step';
import { PinStep } from './pin-step';

const dashboard = (hash = '') =>
  browser.runtime.getURL(`/dashboard.html${hash}` as '/dashboard.html');

/**
 * The first-run page, opened when Dalel is installed (and by `npm start`): what Dalel does, a
 * passphrase for the archive, the key fingerprint and how to give it to lawyers, and pinning the
 * button. Each step is its own small component.
 */
export function WelcomeApp() {
  const { t } = useI18n();
  return (
    <main class="welcome" aria-labelledby="welcome-heading">
      <header class="welcome-header">
        <img src="/icon/96.png" alt="" width={64} height={64} />
        <div>
          <h1 id="welcome-heading">{t('welcomeTitle')}</h1>
          <p class="lead">{t('welcomeLead')}</p>
        </div>
      </header>
      <section class="panel" aria-labelledby="what-heading">
        <h2 id="what-heading">{t('welcomeWhatHeading')}</h2>
        <ol class="steps">
          <li>{t('welcomeWhatCapture')}</li>
          <li>{t('welcomeWhatTag')}</li>
          <li>{t('welcomeWhatExport')}</li>
          <li>{t('welcomeWhatLocal')}</li>
        </ol>
      </section>
      <PassphraseStep securityUrl={dashboard('#security')} />
      <FingerprintStep />
      <PinStep />
      <p class="row">
        <a class="button" href={dashboard()}>
          {t('welcomeOpenDashboard')}
        </a>
      </p>
    </main>
  );
}
