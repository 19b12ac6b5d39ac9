import { useState } from 'preact/hooks';
import { exchangeApi } from '../exchange-api';
import { useI18n } from '../i18n-context';
import { useLoad } from '../ui/use-request';

/**
 * The signing key's fingerprint, and how a lawyer uses it: given in person or by phone (never in
 * the same message as a package), it is what `dalel verify --key` and verify.html check against.
 */
export function FingerprintStep() {
  const { t } = useI18n();
  const key = useLoad(() => exchangeApi.keyInfo());
  const [copied, setCopied] = useState(false);
  const copy = () =>
    key.data &&
    navigator.clipboard
      .writeText(key.data.fingerprint)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  return (
    <section class="panel" aria-labelledby="fingerprint-heading" data-testid="welcome-fingerprint">
      <h2 id="fingerprint-heading">{t('welcomeKeyHeading')}</h2>
      <p>{t('welcomeKeyWhat')}</p>
      {key.data ? (
        <p class="row">
          <code class="mono fingerprint" data-testid="fingerprint">
            {key.data.fingerprint}
          </code>
          <button type="button" class="small secondary" onClick={() => void copy()}>
            {copied ? t('copied') : t('copy')}
          </button>
        </p>
      ) : (
        <p class="muted">{key.error ? t('keyUnavailable') : t('loading')}</p>
      )}
      <ol class="steps">
        <li>{t('welcomeKeyHow1')}</li>
        <li>{t('welcomeKeyHow2')}</li>
        <li>
          {t('welcomeKeyHow3')}{' '}
          <code class="mono">dalel verify package.zip --key {key.data?.fingerprint ?? '…'}</code>
        </li>
      </ol>
    </section>
  );
}
