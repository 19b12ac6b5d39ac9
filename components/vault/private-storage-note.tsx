import { useEffect, useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { DashboardLink } from '../ui/dashboard-link';

/**
 * In permanent private browsing (Tor Browser's default; Firefox's "Never remember history") the
 * archive lives in the add-on's own storage, not in the browser's database: what that changes is
 * said in plain words before the monitor captures anything, in the popup and the dashboard.
 */
export function PrivateStorageNote({ lockOn }: { lockOn: boolean }) {
  const { t } = useI18n();
  const [privateMode, setPrivateMode] = useState(false);
  useEffect(() => {
    request('storage.info')
      .then((info) => setPrivateMode(info.backend === 'extension-storage'))
      .catch(() => setPrivateMode(false));
  }, []);
  if (!privateMode) return null;
  return (
    <div role="status" class="warning" data-testid="private-storage-note">
      <p>{t('privateStorageSummary')}</p>
      <details>
        <summary>{t('privateStorageDetails')}</summary>
        <ul>
          <li>{t('privateStorageKept')}</li>
          <li>{t('privateStorageMemory')}</li>
          <li>{t('privateStorageSeparate')}</li>
          <li>{t('privateStorageKey')}</li>
        </ul>
      </details>
      {!lockOn && (
        <p>
          {t('privateStorageLock')}{' '}
          <DashboardLink hash="#security">{t('navSecurity')}</DashboardLink>
        </p>
      )}
    </div>
  );
}
