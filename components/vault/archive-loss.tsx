import { useState } from 'preact/hooks';
import type { Damage } from '../../lib/integrity/report';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { errorText } from './error-text';
import { DashboardLink } from '../ui/dashboard-link';

/**
 * Records have gone missing from the archive (integrity.md D5): say what was there and when,
 * lead to Import to restore the latest backup, and let the monitor acknowledge it — which the
 * custody log records, so the gap is on file rather than silently papered over.
 */
export function ArchiveLoss({
  damage,
  onAcknowledged,
}: {
  damage: Damage;
  onAcknowledged(): void;
}) {
  const { t, formatTime, formatNumber } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const w = damage.witnessed!;
  const acknowledge = async () => {
    setBusy(true);
    try {
      await request('integrity.acknowledgeLoss');
      onAcknowledged();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const text = damage.kind === 'archive_lost' ? 'archiveLost' : 'archiveReplaced';
  return (
    <div role="alert" class="warning" data-testid="archive-loss">
      <p>{t(text, formatTime(w.at), formatNumber(w.events), formatNumber(w.found))}</p>
      <p>
        <DashboardLink hash="#import">{t('archiveOpenImport')}</DashboardLink>{' '}
        <button type="button" class="secondary" onClick={acknowledge} disabled={busy}>
          {t('archiveAcknowledge')}
        </button>
      </p>
      <ErrorBanner error={error} />
    </div>
  );
}
