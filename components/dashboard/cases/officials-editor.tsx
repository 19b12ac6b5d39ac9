import { OFFICIAL_ROLES, type Official } from '../../../lib/model/legal-case';
import { useI18n } from '../../i18n-context';
import { Field } from '../../ui/field';
import { RowsEditor } from '../../ui/rows-editor';
import { SelectField } from '../../ui/select-field';

/** Officials of a case (name, role, position), one row each; rows are added and removed. */
export function OfficialsEditor({
  officials,
  onChange,
}: {
  officials: Official[];
  onChange: (officials: Official[]) => void;
}) {
  const { t } = useI18n();
  return (
    <RowsEditor
      legend={t('officials')}
      rows={officials}
      onChange={onChange}
      rowName={(o) => o.name || t('officialName')}
      addLabel={t('officialAdd')}
      blank={(): Official => ({ name: '', role: 'investigator', position: '' })}
      renderRow={(o, update) => (
        <>
          <Field
            label={t('officialName')}
            value={o.name}
            onInput={(name) => update({ name })}
            required
          />
          <SelectField
            label={t('officialRole')}
            value={o.role}
            onChange={(role) => update({ role })}
            options={OFFICIAL_ROLES.map((r) => ({ value: r, label: t(`role_official_${r}`) }))}
          />
          <Field
            label={t('officialPosition')}
            value={o.position}
            onInput={(position) => update({ position })}
          />
        </>
      )}
    />
  );
}
