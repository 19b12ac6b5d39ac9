import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { useLoad } from '../ui/use-request';

/**
 * Set a passphrase. SEAM: the first-run passphrase offer (with its strength check and the warning
 * of what a seized browser reveals without one) is being built as its own component
 * (components/vault/first-run-passphrase.tsx); once it lands it replaces the link below, here.
 * Until then this step explains why and leads to the Security screen's lock form.
 */
export function PassphraseStep({ securityUrl }: { securityUrl: string }) {
  const { t } = useI18n();
  const status = useLoad(() => request('vault.status'));
  const on = status.data?.enabled ?? false;
  return (
    <section class="panel" aria-labelledby="passphrase-heading" data-testid="welcome-passphrase">
      <h2 id="passphrase-heading">{t('welcomePassphraseHeading')}</h2>
      <p>{t('welcomePassphraseWhy')}</p>
      {on ? (
        <p class="ok">✓ {t('lockIsOn')}</p>
      ) : (
        <a class="button" href={securityUrl}>
          {t('welcomePassphraseSet')}
        </a>
      )}
    </section>
  );
}
