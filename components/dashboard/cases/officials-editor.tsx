import { OFFICIAL_ROLES, type Official } from '../../../lib/model/legal-case';
import { useI18n } from '../../i18n-context';
import { Field } from '../../ui/field';
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
  const update = (i: number, patch: Partial<Official>) =>
    onChange(officials.map((o, j) => (i === j ? { ...o, ...patch } : o)));
  return (
    <fieldset class="rows">
      <legend>{t('officials')}</legend>
      {officials.map((o, i) => (
        <div key={i} class="row-editor">
          <Field
            label={t('officialName')}
            value={o.name}
            onInput={(name) => update(i, { name })}
            required
          />
          <SelectField
            label={t('officialRole')}
            value={o.role}
            onChange={(role) => update(i, { role })}
            options={OFFICIAL_ROLES.map((r) => ({ value: r, label: t(`role_official_${r}`) }))}
          />
          <Field
            label={t('officialPosition')}
            value={o.position}
            onInput={(position) => update(i, { position })}
          />
          <button
            type="button"
            class="small secondary"
            onClick={() => onChange(officials.filter((_, j) => j !== i))}
            aria-label={t('removeItem', o.name || t('officialName'))}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="secondary"
        onClick={() => onChange([...officials, { name: '', role: 'investigator', position: '' }])}
      >
        {t('officialAdd')}
      </button>
    </fieldset>
  );
}
