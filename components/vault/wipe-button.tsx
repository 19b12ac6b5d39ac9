import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { errorText } from './error-text';
import { HoldButton } from './hold-button';
import { useHistoryPermission } from './wipe-history-option';

/**
 * Panic wipe: held down for under a second (no word to type, so any keyboard layout works), then
 * the keys are destroyed and the database deleted. Works while locked: it is for when there is no
 * time to unlock.
 */
export function WipeButton() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const history = useHistoryPermission();

  const wipe = async () => {
    setBusy(true);
    try {
      await request('vault.wipe', { confirm: 'WIPE', history: history.granted });
      location.reload();
    } catch (e) {
      setBusy(false);
      setError(errorText(t, e));
    }
  };

  return (
    <div class="wipe">
      <p id="wipe-explain">{t('wipeExplain')}</p>
      <HoldButton onHeld={() => void wipe()} describedBy="wipe-explain" disabled={busy}>
        {busy ? t('wipeInProgress') : t('wipeHold')}
      </HoldButton>
      <p class="muted">{t('wipeHoldHint')}</p>
      <ErrorBanner error={error} />
    </div>
  );
}
