import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { errorText } from './error-text';

const WORD = 'WIPE';

/**
 * "Wipe only what is already in the team locker": deletes from this device the captures a
 * confirmed upload holds, keeps everything not yet there. Offered beside the full panic wipe
 * once a locker is set up; the monitor chooses it, nothing is deleted because an upload worked.
 */
export function WipeDeposited() {
  const { t, formatNumber } = useI18n();
  const [preview, setPreview] = useState<{ deletable: number; staying: number } | null>(null);
  const [typed, setTyped] = useState('');
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
  const wipe = async (event: Event) => {
    event.preventDefault();
    try {
      setDone(await request('locker.wipeDeposited', { confirm: WORD }));
      setPreview(null);
      setTyped('');
    } catch (e) {
      setError(errorText(t, e));
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
        <form class="panel danger-zone" onSubmit={wipe}>
          <p>
            {t(
              'wipeDepositedExplain',
              formatNumber(preview.deletable),
              formatNumber(preview.staying),
            )}
          </p>
          <label class="field">
            <span class="field-label">{t('wipeTypeWord', WORD)}</span>
            <input
              value={typed}
              autoComplete="off"
              onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value.toUpperCase())}
            />
          </label>
          <button type="submit" class="danger" disabled={typed !== WORD || preview.deletable === 0}>
            {t('wipeDepositedConfirm')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setPreview(null)}>
            {t('cancel')}
          </button>
        </form>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}
