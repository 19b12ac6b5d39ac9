import type { LegalCase } from '../../../lib/model/legal-case';
import type { Person } from '../../../lib/model/person';
import type { CaptureFilters } from '../../../lib/search/filters';
import { useI18n } from '../../i18n-context';
import { Field } from '../../ui/field';
import { SelectField } from '../../ui/select-field';
import { categoryOptions, kindOptions, platformOptions } from '../options';

/** The filter bar over the captures list; every change narrows the list at once. */
export function CaptureFiltersBar({
  filters,
  onChange,
  persons,
  cases,
}: {
  filters: CaptureFilters;
  onChange: (filters: CaptureFilters) => void;
  persons: readonly Person[];
  cases: readonly LegalCase[];
}) {
  const { t } = useI18n();
  // An empty control means "any": drop the key rather than filter on ''.
  const set = (key: keyof CaptureFilters) => (value: string) => {
    const next = { ...filters, [key]: value || undefined };
    if (!value) delete next[key];
    onChange(next);
  };
  return (
    <form
      class="filters"
      role="search"
      aria-label={t('filtersLabel')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div class="filter-text">
        <Field
          type="search"
          label={t('filterText')}
          value={filters.text ?? ''}
          onInput={set('text')}
          placeholder={t('filterTextHint')}
        />
      </div>
      <SelectField
        label={t('filterPerson')}
        value={filters.personId ?? ''}
        onChange={set('personId')}
        options={[
          { value: '', label: t('filterAny') },
          ...persons.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <SelectField
        label={t('filterCase')}
        value={filters.caseId ?? ''}
        onChange={set('caseId')}
        options={[
          { value: '', label: t('filterAny') },
          ...cases.map((c) => ({ value: c.id, label: c.title })),
        ]}
      />
      <SelectField
        label={t('filterPlatform')}
        value={filters.platform ?? ''}
        onChange={set('platform')}
        options={platformOptions(t)}
      />
      <SelectField
        label={t('filterKind')}
        value={filters.kind ?? ''}
        onChange={set('kind')}
        options={kindOptions(t)}
      />
      <SelectField
        label={t('filterCategory')}
        value={filters.category ?? ''}
        onChange={set('category')}
        options={categoryOptions(t)}
      />
      <Field type="date" label={t('filterFrom')} value={filters.from ?? ''} onInput={set('from')} />
      <Field type="date" label={t('filterTo')} value={filters.to ?? ''} onInput={set('to')} />
    </form>
  );
}
