import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Damage } from '../../lib/integrity/report';
import { overdueCaptures } from '../../lib/services/backup-status';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ArchiveLoss } from './archive-loss';
import { DashboardLink } from '../ui/dashboard-link';

interface Health {
  persisted: boolean;
  nearlyFull: boolean;
  percent: number;
  damage: number;
  /** The log no longer extends what was last seen outside the store. */
  loss: Damage | null;
  /** Captures in no backup for over a week (0: nothing to remind of). */
  unprotected: number;
}

/** Storage health is asked this long after the page opens. */
const HEALTH_DELAY_MS = 500;

const isLoss = (d: Damage) => d.kind === 'archive_lost' || d.kind === 'archive_replaced';

/**
 * Warns when the browser may evict the archive (storage not persistent), when it is nearly full,
 * when the quick integrity check found damage, and when records went missing. Silent when all is
 * well.
 */
export function StorageWarning() {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const [health, setHealth] = useState<Health | null>(null);
  const load = useCallback(() => {
    (async () => {
      // Asked from a page: the service worker cannot request persistence itself.
      await navigator.storage?.persist?.().catch(() => false);
      const info = await request('storage.info');
      const check = await request('integrity.check', { full: false });
      const backup = await request('backup.status');
      setHealth({
        persisted: info.persisted || info.evictionExempt,
        nearlyFull: info.nearlyFull,
        percent: info.quota ? Math.round((100 * info.usage) / info.quota) : 0,
        damage: check.damage.filter((d) => !isLoss(d)).length,
        loss: check.damage.find(isLoss) ?? null,
        unprotected: overdueCaptures(backup, new Date()),
      });
    })().catch(() => setHealth(null));
  }, []);
  // After the screen's own data: these checks must not delay the list a monitor opened.
  useEffect(() => {
    const timer = setTimeout(load, HEALTH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [load]);
  if (!health) return null;
  const warnings = [
    !health.persisted && t('storageNotPersistent'),
    health.nearlyFull && t('storageNearlyFull', health.percent),
  ].filter((w): w is string => Boolean(w));
  const damaged = health.damage > 0;
  return (
    <>
      {health.loss && <ArchiveLoss damage={health.loss} onAcknowledged={load} />}
      {(warnings.length > 0 || damaged) && (
        <div role="status" class="warning" data-testid="storage-warning">
          {warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
          {damaged && (
            <p>
              {t('integrityDamageFound', tn('countProblems', health.damage))}{' '}
              <DashboardLink hash="#security">{t('navSecurity')}</DashboardLink>
            </p>
          )}
        </div>
      )}
      {health.unprotected > 0 && (
        <div role="status" class="warning" data-testid="backup-reminder">
          <p>
            {t('backupReminder', tn('countCaptures', health.unprotected))}{' '}
            <DashboardLink hash="#export/all">{t('backupNow')}</DashboardLink>
          </p>
        </div>
      )}
    </>
  );
}
