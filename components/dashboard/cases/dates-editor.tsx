import { useI18n } from '../../i18n-context';
import { Field } from '../../ui/field';

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
  const update = (i: number, patch: Partial<CaseDate>) =>
    onChange(dates.map((d, j) => (i === j ? { ...d, ...patch } : d)));
  return (
    <fieldset class="rows">
      <legend>{t('keyDates')}</legend>
      {dates.map((d, i) => (
        <div key={i} class="row-editor">
          <Field
            label={t('dateLabel')}
            value={d.label}
            onInput={(label) => update(i, { label })}
            placeholder={t('dateLabelExample')}
            required
          />
          <Field
            type="date"
            label={t('dateValue')}
            value={d.date}
            onInput={(date) => update(i, { date })}
            required
          />
          <button
            type="button"
            class="small secondary"
            onClick={() => onChange(dates.filter((_, j) => j !== i))}
            aria-label={t('removeItem', d.label || t('dateLabel'))}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="secondary"
        onClick={() => onChange([...dates, { label: '', date: '' }])}
      >
        {t('dateAdd')}
      </button>
    </fieldset>
  );
}
