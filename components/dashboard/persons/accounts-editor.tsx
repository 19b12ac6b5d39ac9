import type { PersonAccount } from '../../../lib/model/person';
import { PLATFORMS } from '../../../lib/platforms/record';
import { useI18n } from '../../i18n-context';
import { Field } from '../../ui/field';
import { RowsEditor } from '../../ui/rows-editor';
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
  return (
    <RowsEditor
      legend={t('accounts')}
      rows={accounts}
      onChange={onChange}
      rowName={(a) => a.handle || t('accountHandle')}
      addLabel={t('accountAdd')}
      blank={(): PersonAccount => ({
        platform: 'instagram',
        handle: '',
        platformId: null,
        url: null,
      })}
      renderRow={(a, update) => (
        <>
          <SelectField
            label={t('filterPlatform')}
            value={a.platform}
            onChange={(platform) => update({ platform })}
            options={PLATFORMS.map((p) => ({ value: p, label: t(`platform_${p}`) }))}
          />
          <Field
            label={t('accountHandle')}
            value={a.handle}
            onInput={(handle) => update({ handle })}
            required
          />
          <Field
            label={t('accountId')}
            value={a.platformId ?? ''}
            onInput={(v) => update({ platformId: v.trim() || null })}
          />
          <Field
            type="url"
            label={t('accountUrl')}
            value={a.url ?? ''}
            onInput={(v) => update({ url: v.trim() || null })}
          />
        </>
      )}
    />
  );
}
