import { useEffect, useState } from 'preact/hooks';
import { exchangeApi } from '../../exchange-api';
import { useI18n } from '../../i18n-context';
import { useLoad } from '../../ui/use-request';
import { RevocationCode } from './revocation-code';

/** The signing key: its fingerprint (read it to a lawyer) and the public key to hand them. */
export function KeySection() {
  const { t, formatTime } = useI18n();
  const key = useLoad(() => exchangeApi.keyInfo());
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!key.data) return;
    const made = URL.createObjectURL(
      new Blob([key.data.publicKeyPem], { type: 'application/x-pem-file' }),
    );
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [key.data]);
  return (
    <section class="panel" aria-labelledby="key-heading" data-testid="key-section">
      <h2 id="key-heading">{t('keyHeading')}</h2>
      <p class="muted">{t('keyIntro')}</p>
      {key.error && <p class="muted">{t('keyUnavailable')}</p>}
      {key.data && (
        <>
          <dl class="fields">
            <div class="field-row">
              <dt>{t('keyFingerprint')}</dt>
              <dd class="mono fingerprint" data-testid="fingerprint">
                {key.data.fingerprint}
              </dd>
            </div>
            <div class="field-row">
              <dt>{t('keyCreated')}</dt>
              <dd>
                {formatTime(key.data.createdAt)} · {key.data.algorithm}
              </dd>
            </div>
          </dl>
          {url && (
            <a class="button" href={url} download={`dalel-public-key-${key.data.fingerprint}.pem`}>
              {t('keyDownload')}
            </a>
          )}
          <RevocationCode />
        </>
      )}
    </section>
  );
}
