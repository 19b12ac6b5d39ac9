import type { HandlerResults } from '../../lib/background/handlers/index';
import { useI18n } from '../i18n-context';
import { IntegritySection } from './integrity-section';
import { LockSettings } from './lock-settings';
import { WipeButton } from './wipe-button';

/** Security settings at `dashboard.html#security`: the lock, the integrity check, the wipe. */
export function SecurityPanel({
  status,
  onChange,
}: {
  status: HandlerResults['vault.status'];
  onChange: () => void;
}) {
  const { t } = useI18n();
  return (
    <main class="content security" aria-labelledby="security-heading">
      <p>
        <a href="#">{t('back')}</a>
      </p>
      <h2 id="security-heading">{t('securityTitle')}</h2>
      <LockSettings enabled={status.enabled} onChange={onChange} />
      <IntegritySection />
      <section class="panel danger-zone">
        <h3>{t('wipeTitle')}</h3>
        <WipeButton />
      </section>
    </main>
  );
}
