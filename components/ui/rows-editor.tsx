import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n-context';

interface RowsEditorProps<T> {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  /** The fields of one row; `update` merges a patch into that row. */
  renderRow: (row: T, update: (patch: Partial<T>) => void) => ComponentChildren;
  /** What the row's remove button names, for screen readers. */
  rowName: (row: T) => string;
  addLabel: string;
  blank: () => T;
}

/** A fieldset of editable rows, each with a remove button, and an add button below. */
export function RowsEditor<T>({
  legend,
  rows,
  onChange,
  renderRow,
  rowName,
  addLabel,
  blank,
}: RowsEditorProps<T>) {
  const { t } = useI18n();
  return (
    <fieldset class="rows">
      <legend>{legend}</legend>
      {rows.map((row, i) => (
        <div key={i} class="row-editor">
          {renderRow(row, (patch) =>
            onChange(rows.map((r, j) => (i === j ? { ...r, ...patch } : r))),
          )}
          <button
            type="button"
            class="small secondary"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={t('removeItem', rowName(row))}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => onChange([...rows, blank()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
