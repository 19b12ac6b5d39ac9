import { useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { errorText } from '../../ui/use-request';

/**
 * The key's revocation code: signed by the key while the monitor still has it, printed and kept
 * away from the device, sent to lawyers with the date if the device is seized or the key stolen.
 */
export function RevocationCode() {
  const { t, formatTime } = useI18n();
  const [made, setMade] = useState<{ code: string; fingerprint: string; created: string } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const make = async () => {
    setError(null);
    try {
      setMade(await request('key.revocation'));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div class="revocation" data-testid="revocation">
      <h3>{t('revocationHeading')}</h3>
      <p class="muted">{t('revocationIntro')}</p>
      <ErrorBanner error={error} />
      {!made && (
        <button type="button" class="secondary" onClick={() => void make()}>
          {t('revocationMake')}
        </button>
      )}
      {made && (
        <div class="revocation-print" data-testid="revocation-code">
          <p>
            <strong>{t('revocationFor', made.fingerprint)}</strong>
            <br />
            {t('revocationMade', formatTime(made.created))}
          </p>
          <pre class="mono">{made.code}</pre>
          <p>{t('revocationUse')}</p>
          <button type="button" class="no-print" onClick={() => window.print()}>
            {t('revocationPrint')}
          </button>
        </div>
      )}
    </div>
  );
}
