import type { PersonAccount } from '../../../lib/model/person';
import { PLATFORMS } from '../../../lib/platforms/record';
import { useI18n } from '../../i18n-context';
import { Field } from '../../ui/field';
import { SelectField } from '../../ui/select-field';

/** A person's accounts: platform, handle, the stable platform id (a string) and the URL. */
export function AccountsEditor({
  accounts,
  onChange,
}: {
  accounts: PersonAccount[];
  onChange: (accounts: PersonAccount[]) => void;
}) {
  const { t } = useI18n();
  const update = (i: number, patch: Partial<PersonAccount>) =>
    onChange(accounts.map((a, j) => (i === j ? { ...a, ...patch } : a)));
  return (
    <fieldset class="rows">
      <legend>{t('accounts')}</legend>
      {accounts.map((a, i) => (
        <div key={i} class="row-editor">
          <SelectField
            label={t('filterPlatform')}
            value={a.platform}
            onChange={(platform) => update(i, { platform })}
            options={PLATFORMS.map((p) => ({ value: p, label: t(`platform_${p}`) }))}
          />
          <Field
            label={t('accountHandle')}
            value={a.handle}
            onInput={(handle) => update(i, { handle })}
            required
          />
          <Field
            label={t('accountId')}
            value={a.platformId ?? ''}
            onInput={(v) => update(i, { platformId: v.trim() || null })}
          />
          <Field
            type="url"
            label={t('accountUrl')}
            value={a.url ?? ''}
            onInput={(v) => update(i, { url: v.trim() || null })}
          />
          <button
            type="button"
            class="small secondary"
            onClick={() => onChange(accounts.filter((_, j) => j !== i))}
            aria-label={t('removeItem', a.handle || t('accountHandle'))}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="secondary"
        onClick={() =>
          onChange([
            ...accounts,
            { platform: 'instagram', handle: '', platformId: null, url: null },
          ])
        }
      >
        {t('accountAdd')}
      </button>
    </fieldset>
  );
}
