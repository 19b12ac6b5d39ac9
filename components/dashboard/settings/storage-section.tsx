import { useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { useLoad } from '../../ui/use-request';

/** How much the archive uses, and whether the browser may evict it. */
export function StorageSection() {
  const { t, formatBytes } = useI18n();
  const info = useLoad(() => request('storage.info'));
  const [asked, setAsked] = useState(false);
  const persist = () =>
    navigator.storage
      .persist()
      .then(() => (setAsked(true), info.reload()))
      .catch(() => setAsked(true));
  const data = info.data;
  return (
    <section class="panel" aria-labelledby="storage-heading" data-testid="storage-section">
      <h2 id="storage-heading">{t('storageHeading')}</h2>
      <ErrorBanner error={info.error} />
      {data && (
        <dl class="fields">
          <div class="field-row">
            <dt>{t('storageUsed')}</dt>
            <dd data-testid="storage-used">
              {formatBytes(data.usage)}
              {data.quota > 0 && ` ${t('storageOf', formatBytes(data.quota))}`}
            </dd>
          </div>
          <div class="field-row">
            <dt>{t('storagePersistent')}</dt>
            <dd
              data-testid="storage-persistent"
              class={data.persisted || data.evictionExempt ? 'ok' : 'bad'}
            >
              {data.persisted || data.evictionExempt
                ? t('storagePersistentYes')
                : t('storagePersistentNo')}
            </dd>
          </div>
        </dl>
      )}
      {data && !data.persisted && !data.evictionExempt && (
        <>
          <p class="muted">{t('storagePersistHint')}</p>
          <button type="button" class="secondary" onClick={() => void persist()}>
            {t('storagePersist')}
          </button>
          {asked && <p class="muted">{t('storagePersistAsked')}</p>}
        </>
      )}
    </section>
  );
}
