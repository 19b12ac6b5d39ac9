import { checkPassphrase, MIN_PASSPHRASE_LENGTH } from '../../lib/vault/strength';
import { useI18n } from '../i18n-context';
import { SecretField } from './secret-field';
import { useCommonPasswords } from './use-common-passwords';

interface Props {
  next: string;
  repeat: string;
  onNext: (value: string) => void;
  onRepeat: (value: string) => void;
}

/**
 * A new passphrase typed twice, with the strength check's verdict as the monitor types (the same
 * pure check the background runs, and refuses on). `passphraseUsable` says whether to allow submit.
 */
export function NewPassphraseFields({ next, repeat, onNext, onRepeat }: Props) {
  const { t } = useI18n();
  const common = useCommonPasswords();
  const verdict = checkPassphrase(next, common);
  return (
    <>
      <SecretField
        label={t('passphraseNewAtLeast', MIN_PASSPHRASE_LENGTH)}
        value={next}
        onInput={onNext}
        autoComplete="new-password"
        name="new"
      />
      {next && !verdict.ok && (
        <ul class="strength" data-testid="passphrase-strength" aria-live="polite">
          {verdict.problems.map((p) => (
            <li key={p}>{t(`strength_${p}`, MIN_PASSPHRASE_LENGTH)}</li>
          ))}
        </ul>
      )}
      <SecretField
        label={t('passphraseRepeat')}
        value={repeat}
        onInput={onRepeat}
        autoComplete="new-password"
        name="repeat"
      />
    </>
  );
}

/** Whether the pair may be submitted (the background checks again). */
export function passphraseUsable(next: string, repeat: string, common: ReadonlySet<string>) {
  return next === repeat && checkPassphrase(next, common).ok;
}
