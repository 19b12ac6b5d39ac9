import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-request';
import { errorText } from './error-text';
import { NewPassphraseFields, passphraseUsable } from './new-passphrase-fields';
import { SecretField } from './secret-field';
import { useCommonPasswords } from './use-common-passwords';

const MINUTES = [5, 15, 30, 60, 240] as const;

/** Turn the lock on, or (when on) lock now, change the passphrase, set auto-lock, turn it off. */
export function LockSettings({ enabled, onChange }: { enabled: boolean; onChange: () => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const common = useCommonPasswords();
  const usable = passphraseUsable(next, repeat, common);
  const settings = useLoad(
    () => (enabled ? request('settings.get') : Promise.resolve(null)),
    [enabled],
  );

  const act = (run: () => Promise<unknown>, message: string) => async (event?: Event) => {
    event?.preventDefault();
    if (next && next !== repeat) return setError(t('passphraseMismatch'));
    setBusy(true);
    try {
      await run();
      [setCurrent, setNext, setRepeat].forEach((set) => set(''));
      setError(null);
      setDone(message);
      onChange();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const newPassphrase = (
    <NewPassphraseFields next={next} repeat={repeat} onNext={setNext} onRepeat={setRepeat} />
  );

  if (!enabled)
    return (
      <form
        class="panel"
        onSubmit={act(() => request('vault.enable', { passphrase: next }), t('lockOnDone'))}
      >
        <h2>{t('lockTitle')}</h2>
        <p class="muted">{t('lockExplain')}</p>
        {newPassphrase}
        <ErrorBanner error={error} />
        <button type="submit" disabled={busy || !usable}>
          {busy ? t('lockEncrypting') : t('lockTurnOn')}
        </button>
      </form>
    );
  return (
    <div class="panel">
      <h2>{t('lockTitle')}</h2>
      <p>{t('lockIsOn')}</p>
      {done && <p class="muted">{done}</p>}
      <ErrorBanner error={error} />
      <button type="button" onClick={act(() => request('vault.lock'), t('lockLocked'))}>
        {t('lockNow')}
      </button>
      <label class="field">
        <span class="field-label">{t('autoLockAfter')}</span>
        <select
          value={settings.data?.autoLockMinutes ?? 15}
          onChange={(e) => {
            const minutes = Number((e.currentTarget as HTMLSelectElement).value);
            void act(
              () => request('settings.set', { patch: { autoLockMinutes: minutes } }),
              t('settingsSaved'),
            )();
          }}
        >
          {MINUTES.map((m) => (
            <option key={m} value={m}>
              {t('minutes', m)}
            </option>
          ))}
        </select>
      </label>
      <form
        onSubmit={act(() => request('vault.change', { current, next }), t('passphraseChanged'))}
      >
        <h4>{t('passphraseChange')}</h4>
        <SecretField
          label={t('passphraseCurrent')}
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
          name="current"
        />
        {newPassphrase}
        <button type="submit" class="secondary" disabled={busy || !usable || !current}>
          {t('passphraseChange')}
        </button>
      </form>
      <form
        onSubmit={act(() => request('vault.disable', { passphrase: current }), t('lockOffDone'))}
      >
        <h4>{t('lockTurnOff')}</h4>
        <SecretField
          label={t('passphraseCurrent')}
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
          name="off"
        />
        <button type="submit" class="secondary" disabled={busy}>
          {t('lockTurnOff')}
        </button>
      </form>
    </div>
  );
}
