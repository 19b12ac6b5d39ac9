import { useI18n } from '../../i18n-context';

interface Props {
  /** A secret is already stored for this key: the field may stay empty to keep it. */
  keepSecret: boolean;
  value: string;
  onInput: (value: string) => void;
}

/** The locker's secret access key (the write key in Settings, the read-only key on the pull page). */
export function LockerSecretField({ keepSecret, value, onInput }: Props) {
  const { t } = useI18n();
  return (
    <>
      <label class="field">
        <span class="field-label">{t('lockerSecret')}</span>
        <input
          type="password"
          name="secret"
          autoComplete="off"
          spellcheck={false}
          required={!keepSecret}
          placeholder={keepSecret ? t('lockerSecretKept') : ''}
          value={value}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <p class="muted">{t('lockerSecretNote')}</p>
    </>
  );
}
