import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { errorText } from './error-text';
import { SecretField } from './secret-field';
import { WipeButton } from './wipe-button';

/** Shown instead of any page while the passphrase lock is closed. */
export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const unlock = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      await request('vault.unlock', { passphrase });
      setPassphrase('');
      onUnlocked();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="unlock" aria-labelledby="unlock-heading">
      <h1 id="unlock-heading">{t('unlockTitle')}</h1>
      <p class="muted">{t('unlockExplain')}</p>
      <form onSubmit={unlock}>
        <SecretField
          label={t('passphrase')}
          value={passphrase}
          onInput={setPassphrase}
          autoComplete="current-password"
          name="passphrase"
        />
        <ErrorBanner error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('unlocking') : t('unlock')}
        </button>
      </form>
      <hr />
      <WipeButton />
    </main>
  );
}
