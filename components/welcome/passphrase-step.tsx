import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { useLoad } from '../ui/use-request';
import { FirstRunPassphrase } from '../vault/first-run-passphrase';
import { useVault } from '../vault/vault-context';

/**
 * Set a passphrase, here on the first-run page: the dashboard's first-run form itself (the same
 * strength and common-password checks, the same plain warning before skipping). Once it is set
 * the step says so; once skipped it leads to the Security screen, where the lock can be turned
 * on later.
 */
export function PassphraseStep({ securityUrl }: { securityUrl: string }) {
  const { t } = useI18n();
  const { status } = useVault();
  const settings = useLoad(() => request('settings.get'), [status.enabled]);
  const [answered, setAnswered] = useState(false);
  const skipped = answered || settings.data?.passphraseOfferDone === true;
  return (
    <section class="panel" aria-labelledby="passphrase-heading" data-testid="welcome-passphrase">
      <h2 id="passphrase-heading">{t('welcomePassphraseHeading')}</h2>
      <p>{t('welcomePassphraseWhy')}</p>
      {status.enabled ? (
        <p class="ok" data-testid="welcome-lock-on">
          ✓ {t('lockIsOn')}
        </p>
      ) : skipped ? (
        <a class="button" href={securityUrl}>
          {t('welcomePassphraseSet')}
        </a>
      ) : (
        settings.data && <FirstRunPassphrase embedded onDone={() => setAnswered(true)} />
      )}
    </section>
  );
}
