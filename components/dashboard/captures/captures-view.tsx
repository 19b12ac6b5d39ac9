import { useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import { CAPTURE_PAGE_SIZE, type CaptureFilters } from '../../../lib/search/filters';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { FirstRunPassphrase } from '../../vault/first-run-passphrase';
import { useLoad } from '../../ui/use-request';
import { CaptureDetail } from './capture-detail';
import { CaptureFiltersBar } from './capture-filters';
import { CaptureTable } from './capture-table';
import { useCaptureSearch } from './use-search';

/** Captures: a searchable, filterable list; with an id, one capture's detail. */
export function CapturesView({ id }: { id: string | null }) {
  if (id) return <CaptureDetail id={id} />;
  return <CaptureList />;
}

function CaptureList() {
  const { t, formatNumber } = useI18n();
  const [filters, setFilters] = useState<CaptureFilters>({});
  // Newest first, a page at a time: 10,000 rows would cost the page more than the search.
  const [limit, setLimit] = useState(CAPTURE_PAGE_SIZE);
  const { result, error } = useCaptureSearch(filters, undefined, limit);
  const filter = (next: CaptureFilters) => {
    setFilters(next);
    setLimit(CAPTURE_PAGE_SIZE);
  };
  const more = result ? Math.min(CAPTURE_PAGE_SIZE, result.total - result.hits.length) : 0;
  const persons = useLoad(() => request('person.list'));
  const cases = useLoad(() => request('case.list'));
  return (
    <section aria-labelledby="captures-heading">
      <h1 id="captures-heading">{t('navCaptures')}</h1>
      {/* The home screen only, under its heading, until the monitor sets a passphrase or skips
          it knowingly; the first-run page embeds the same form. */}
      <FirstRunPassphrase />
      <CaptureFiltersBar
        filters={filters}
        onChange={filter}
        persons={persons.data ?? []}
        cases={cases.data ?? []}
      />
      <ErrorBanner error={error ?? persons.error ?? cases.error} />
      {result && (
        <p class="muted" role="status" data-testid="capture-count">
          {t('capturesFound', formatNumber(result.total))}
          {result.total > result.hits.length &&
            ` ${t('capturesShown', formatNumber(result.hits.length))}`}
        </p>
      )}
      {result?.total === 0 && Object.keys(filters).length === 0 && (
        <p class="muted">{t('capturesEmpty')}</p>
      )}
      {result && result.hits.length > 0 && <CaptureTable hits={result.hits} />}
      {more > 0 && (
        <p>
          <button
            type="button"
            data-testid="capture-more"
            onClick={() => setLimit(result!.hits.length + CAPTURE_PAGE_SIZE)}
          >
            {t('capturesMore', formatNumber(more))}
          </button>
        </p>
      )}
    </section>
  );
}
