import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { errorText } from './error-text';

const WORD = 'WIPE';

/**
 * Panic wipe with a confirmation step: the user types the word, then the keys are destroyed and
 * the database deleted. Works while locked: it is for when there is no time to unlock.
 */
export function WipeButton() {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  const wipe = async (event: Event) => {
    event.preventDefault();
    try {
      await request('vault.wipe', { confirm: WORD });
      location.reload();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  if (!asking)
    return (
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        {t('wipeStart')}
      </button>
    );
  return (
    <form class="panel danger-zone" onSubmit={wipe}>
      <p>{t('wipeExplain')}</p>
      <label class="field">
        <span class="field-label">{t('wipeTypeWord', WORD)}</span>
        <input
          value={typed}
          autoComplete="off"
          onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value.toUpperCase())}
        />
      </label>
      <ErrorBanner error={error} />
      <button type="submit" class="danger" disabled={typed !== WORD}>
        {t('wipeConfirm')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}
