import type { RecordedGround } from '../../../lib/model/legal-case';
import type { Person } from '../../../lib/model/person';
import { useI18n } from '../../i18n-context';
import { Field } from '../../ui/field';
import { RowsEditor } from '../../ui/rows-editor';
import { SelectField } from '../../ui/select-field';

/**
 * Grounds cited that no capture holds — a gesture, a shout, attendance at a protest — recorded by
 * hand: whom, when, what, and where the monitor learned it. The bulletin lists them with the
 * captured grounds.
 */
export function GroundsEditor({
  grounds,
  persons,
  onChange,
}: {
  grounds: RecordedGround[];
  persons: readonly Person[];
  onChange: (grounds: RecordedGround[]) => void;
}) {
  const { t } = useI18n();
  return (
    <RowsEditor
      legend={t('groundsRecorded')}
      rows={grounds}
      onChange={onChange}
      rowName={(g) => g.text || t('groundText')}
      addLabel={t('groundAdd')}
      blank={(): RecordedGround => ({ personId: null, date: null, text: '', source: '' })}
      renderRow={(g, update) => (
        <>
          <Field
            label={t('groundText')}
            value={g.text}
            onInput={(text) => update({ text })}
            placeholder={t('groundTextExample')}
            required
          />
          <SelectField
            label={t('groundPerson')}
            value={g.personId ?? ''}
            onChange={(personId) => update({ personId: personId || null })}
            options={[
              { value: '', label: t('groundWholeCase') },
              ...persons.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <Field
            type="date"
            label={t('groundDate')}
            value={g.date ?? ''}
            onInput={(date) => update({ date: date || null })}
          />
          <Field
            label={t('groundSource')}
            value={g.source}
            onInput={(source) => update({ source })}
            placeholder={t('groundSourceExample')}
          />
        </>
      )}
    />
  );
}
