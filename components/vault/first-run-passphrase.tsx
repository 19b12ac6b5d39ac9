import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-request';
import { errorText } from './error-text';
import { NewPassphraseFields, passphraseUsable } from './new-passphrase-fields';
import { useCommonPasswords } from './use-common-passwords';
import { useVault } from './vault-context';

/**
 * The first-run offer to protect the archive with a passphrase. Shown until the monitor sets one
 * or skips; skipping is possible only after a plain statement of what a seized browser then
 * reveals. Self-contained: the dashboard's captures screen shows it as a panel; the first-run
 * page embeds it (`embedded`: the form and the skip warning only, under the page's own heading).
 */
export function FirstRunPassphrase({
  onDone,
  embedded = false,
}: {
  onDone?: () => void;
  embedded?: boolean;
}) {
  const { t } = useI18n();
  const { status, refresh } = useVault();
  const settings = useLoad(() => request('settings.get'), [status.enabled]);
  const common = useCommonPasswords();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [skipping, setSkipping] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (status.enabled || !settings.data || settings.data.passphraseOfferDone) return null;

  const finish = async () => {
    await request('settings.set', { patch: { passphraseOfferDone: true } });
    settings.reload();
    onDone?.();
  };
  const encrypt = async (event: Event) => {
    event.preventDefault();
    if (next !== repeat) return setError(t('passphraseMismatch'));
    setBusy(true);
    try {
      await request('vault.enable', { passphrase: next });
      setNext('');
      setRepeat('');
      await finish();
      refresh();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const body = !skipping ? (
    <form onSubmit={encrypt}>
      <NewPassphraseFields next={next} repeat={repeat} onNext={setNext} onRepeat={setRepeat} />
      <ErrorBanner error={error} />
      <div class="row">
        <button type="submit" disabled={busy || !passphraseUsable(next, repeat, common)}>
          {busy ? t('lockEncrypting') : t('lockTurnOn')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => setSkipping(true)}>
          {t('firstRunSkip')}
        </button>
      </div>
    </form>
  ) : (
    <div role="alert" class="warning" data-testid="first-run-warning">
      <p>
        <strong>{t('firstRunSkipWarningTitle')}</strong>
      </p>
      <p>{t('firstRunSkipWarning')}</p>
      <div class="row">
        <button type="button" class="secondary" onClick={() => void finish()}>
          {t('firstRunSkipConfirm')}
        </button>{' '}
        <button type="button" onClick={() => setSkipping(false)}>
          {t('firstRunBack')}
        </button>
      </div>
    </div>
  );

  if (embedded) return <div data-testid="first-run-passphrase">{body}</div>;
  return (
    <section
      class="panel first-run"
      aria-labelledby="first-run-heading"
      data-testid="first-run-passphrase"
    >
      <h2 id="first-run-heading">{t('firstRunTitle')}</h2>
      <p>{t('firstRunExplain')}</p>
      {body}
    </section>
  );
}
