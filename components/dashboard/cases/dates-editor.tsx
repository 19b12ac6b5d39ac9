import { useI18n } from '../../i18n-context';
import { Field } from '../../ui/field';
import { RowsEditor } from '../../ui/rows-editor';

interface CaseDate {
  label: string;
  date: string;
}

/** Key dates of a case (what happened, which day). */
export function DatesEditor({
  dates,
  onChange,
}: {
  dates: CaseDate[];
  onChange: (d: CaseDate[]) => void;
}) {
  const { t } = useI18n();
  return (
    <RowsEditor
      legend={t('keyDates')}
      rows={dates}
      onChange={onChange}
      rowName={(d) => d.label || t('dateLabel')}
      addLabel={t('dateAdd')}
      blank={() => ({ label: '', date: '' })}
      renderRow={(d, update) => (
        <>
          <Field
            label={t('dateLabel')}
            value={d.label}
            onInput={(label) => update({ label })}
            placeholder={t('dateLabelExample')}
            required
          />
          <Field
            type="date"
            label={t('dateValue')}
            value={d.date}
            onInput={(date) => update({ date })}
            required
          />
        </>
      )}
    />
  );
}
