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
              {data.usage === null ? '—' : formatBytes(data.usage)}
              {data.quota !== null && ` ${t('storageOf', formatBytes(data.quota))}`}
            </dd>
          </div>
          <div class="field-row">
            <dt>{t('storagePersistent')}</dt>
            <dd data-testid="storage-persistent" class={data.persisted ? 'ok' : 'bad'}>
              {data.persisted ? t('storagePersistentYes') : t('storagePersistentNo')}
            </dd>
          </div>
        </dl>
      )}
      {data && !data.persisted && (
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
