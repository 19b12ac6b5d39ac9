import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { useLoad } from '../ui/use-request';
import { IntegritySection } from './integrity-section';
import { LockSettings } from './lock-settings';
import { useVault } from './vault-context';
import { WipeButton } from './wipe-button';
import { WipeHistoryOption } from './wipe-history-option';
import { WipeDeposited } from './wipe-deposited';

/** The partial wipe, only where a team locker is set up and the archive is open. */
function LockerWipeOption() {
  const { status } = useVault();
  const locker = useLoad(
    () => (status.locked ? Promise.resolve(null) : request('locker.get')),
    [status.locked],
  );
  return locker.data?.config ? <WipeDeposited /> : null;
}

/** The dashboard's Security screen (`#security`): the lock, the integrity check, the wipe. */
export function SecurityPanel(_props: { id: string | null }) {
  const { t } = useI18n();
  const { status, refresh } = useVault();
  return (
    <section class="security" aria-labelledby="security-heading">
      <h1 id="security-heading">{t('securityTitle')}</h1>
      <LockSettings enabled={status.enabled} onChange={refresh} />
      <IntegritySection />
      <section class="panel danger-zone">
        <h2>{t('wipeTitle')}</h2>
        <WipeButton />
        <WipeHistoryOption />
        <LockerWipeOption />
      </section>
    </section>
  );
}
