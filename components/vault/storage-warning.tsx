import { useEffect, useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';

interface Health {
  persisted: boolean;
  nearlyFull: boolean;
  percent: number;
  damage: number;
}

/**
 * Warns when the browser may evict the archive (storage not persistent), when it is nearly full,
 * and when the quick integrity check found damage. Silent when all is well.
 */
export function StorageWarning() {
  const { t } = useI18n();
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    (async () => {
      // Asked from a page: the service worker cannot request persistence itself.
      await navigator.storage?.persist?.().catch(() => false);
      const info = await request('storage.info');
      const check = await request('integrity.check', { full: false });
      setHealth({
        persisted: info.persisted || info.evictionExempt,
        nearlyFull: info.nearlyFull,
        percent: info.quota ? Math.round((100 * info.usage) / info.quota) : 0,
        damage: check.damage.length,
      });
    })().catch(() => setHealth(null));
  }, []);
  if (!health) return null;
  const warnings = [
    !health.persisted && t('storageNotPersistent'),
    health.nearlyFull && t('storageNearlyFull', health.percent),
    health.damage > 0 && t('integrityDamageFound', health.damage),
  ].filter((w): w is string => Boolean(w));
  if (warnings.length === 0) return null;
  return (
    <div role="status" class="warning" data-testid="storage-warning">
      {warnings.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </div>
  );
}
