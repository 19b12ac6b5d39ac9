import { useState } from 'preact/hooks';
import type { KeyChange } from '../../lib/background/vault-controller';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-request';
import { errorText } from './error-text';
import { NewPassphraseFields, passphraseUsable } from './new-passphrase-fields';
import { SecretField } from './secret-field';
import { useCommonPasswords } from './use-common-passwords';

const MINUTES = [5, 15, 30, 60, 240] as const;

/**
 * Turning the lock on replaces the signing key: what the monitor must tell lawyers who confirmed
 * the old fingerprint (the new one, over a second channel; the handover signed by the old key
 * travels in every package, so `dalel verify --key <old>` confirms the new key's packages).
 */
function keyChangeText(t: ReturnType<typeof useI18n>['t'], change: KeyChange | null): string {
  if (!change) return t('lockOnDone');
  return t(
    change.handover ? 'lockKeyChanged' : 'lockKeyChangedUnsigned',
    change.next,
    change.previous,
  );
}

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
  // The key-change message is an action for the monitor (send the new fingerprint): amber.
  const [doneWarn, setDoneWarn] = useState(false);
  const settings = useLoad(
    () => (enabled ? request('settings.get') : Promise.resolve(null)),
    [enabled],
  );

  const act =
    (run: () => Promise<unknown>, message: string | ((result: unknown) => string)) =>
    async (event?: Event) => {
      event?.preventDefault();
      if (next && next !== repeat) return setError(t('passphraseMismatch'));
      setBusy(true);
      try {
        const result = await run();
        [setCurrent, setNext, setRepeat].forEach((set) => set(''));
        setError(null);
        setDone(typeof message === 'string' ? message : message(result));
        setDoneWarn(typeof message !== 'string');
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
        onSubmit={act(
          () => request('vault.enable', { passphrase: next }),
          (result) => keyChangeText(t, (result as { keyChange: KeyChange | null }).keyChange),
        )}
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
      {done && (
        <p class={doneWarn ? 'warn-panel' : 'muted'} data-testid="lock-done" role="status">
          {done}
        </p>
      )}
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
