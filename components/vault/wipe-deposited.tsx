import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { errorText } from './error-text';
import { HoldButton } from './hold-button';

/** The protocol's fixed confirmation token; the monitor confirms by holding the button. */
const CONFIRM = 'WIPE';

/**
 * "Wipe only what is already in the team locker": deletes from this device the captures a
 * confirmed upload holds, keeps everything not yet there. Offered beside the full panic wipe
 * once a locker is set up; the monitor chooses it, nothing is deleted because an upload worked.
 * Confirmed like the panic wipe, by holding the button: no word to type, so any keyboard layout
 * works.
 */
export function WipeDeposited() {
  const { t, formatNumber } = useI18n();
  const [preview, setPreview] = useState<{ deletable: number; staying: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ captures: number; staying: number } | null>(null);

  const ask = async () => {
    try {
      setPreview(await request('locker.wipePreview'));
      setError(null);
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const wipe = async () => {
    setBusy(true);
    try {
      setDone(await request('locker.wipeDeposited', { confirm: CONFIRM }));
      setPreview(null);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="wipe-deposited">
      {done && (
        <p role="status">
          {t('wipeDepositedDone', formatNumber(done.captures), formatNumber(done.staying))}
        </p>
      )}
      {!preview ? (
        <button type="button" class="danger secondary" onClick={() => void ask()}>
          {t('wipeDepositedStart')}
        </button>
      ) : (
        <div class="panel danger-zone">
          <p id="wipe-deposited-explain">
            {t(
              'wipeDepositedExplain',
              formatNumber(preview.deletable),
              formatNumber(preview.staying),
            )}
          </p>
          <HoldButton
            onHeld={() => void wipe()}
            describedBy="wipe-deposited-explain"
            disabled={busy || preview.deletable === 0}
          >
            {t('wipeDepositedConfirm')}
          </HoldButton>{' '}
          <button type="button" class="secondary" onClick={() => setPreview(null)}>
            {t('cancel')}
          </button>
          <p class="muted">{t('wipeHoldHint')}</p>
        </div>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}
