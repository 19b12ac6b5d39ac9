import { useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import {
  exchangeApi,
  type ExportScope,
  type ExportSummary,
  type Progress,
} from '../../exchange-api';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { ProgressBar } from '../../ui/progress-bar';
import { SelectField } from '../../ui/select-field';
import { errorText, useLoad } from '../../ui/use-request';
import { CaptureTable } from '../captures/capture-table';
import { useCaptureSearch } from '../captures/use-search';
import { BackupLine } from './backup-line';
import { ExportSummaryView } from './export-summary';
import { LANGUAGES, type Language } from '../../../lib/i18n/translator';
import { LANGUAGE_NAMES } from '../settings/language-names';

type Kind = ExportScope['kind'];

/**
 * Export: choose a case, a person, captures or everything (a backup) → a signed package, with
 * progress and a summary. `#export/all` opens on the backup.
 */
export function ExportView({ id }: { id: string | null }) {
  const { t, tn, language } = useI18n();
  const [reportLanguage, setReportLanguage] = useState<Language>(language);
  const known = useLoad(() => request('recent.list'));
  const [kind, setKind] = useState<Kind>(id === 'all' ? 'all' : 'case');
  const [caseId, setCaseId] = useState('');
  const [personId, setPersonId] = useState('');
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<{ summary: ExportSummary; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Capturer protection, on by default: the monitor's own account stays out of the package.
  const [protect, setProtect] = useState(true);
  const search = useCaptureSearch({ text });
  const backup = useLoad(() => request('backup.status'));

  const scopes: Record<Kind, ExportScope | null> = {
    case: caseId ? { kind: 'case', caseId } : null,
    person: personId ? { kind: 'person', personId } : null,
    selection: selected.size ? { kind: 'selection', captureIds: [...selected] } : null,
    all: { kind: 'all' },
  };
  const scope = scopes[kind];

  const run = async () => {
    if (!scope) return;
    setSummary(null);
    setError(null);
    setProgress({ done: 0, total: 0 });
    try {
      const label = scopeLabel(scope);
      setSummary({
        summary: await exchangeApi.export(scope, setProgress, reportLanguage, protect),
        label,
      });
      if (scope.kind === 'all') backup.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  };
  /** The package named by what it holds, for the summary (the file name itself is neutral). */
  const scopeLabel = (s: ExportScope): string => {
    if (s.kind === 'case')
      return t('exportScopeCase', known.data?.cases.find((c) => c.id === s.caseId)?.title ?? '');
    if (s.kind === 'person')
      return t(
        'exportScopePerson',
        known.data?.persons.find((p) => p.id === s.personId)?.name ?? '',
      );
    if (s.kind === 'selection') return tn('countCaptures', s.captureIds.length);
    return t('exportScopeAll');
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  };

  return (
    <section aria-labelledby="export-heading">
      <h1 id="export-heading">{t('navExport')}</h1>
      <p class="muted">{t('exportIntro')}</p>
      <div class="panel">
        <fieldset class="choice">
          <legend>{t('exportWhat')}</legend>
          {(['case', 'person', 'selection', 'all'] as const).map((k) => (
            <label key={k} class="radio">
              <input
                type="radio"
                name="export-kind"
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`exportKind_${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'case' && (
          <SelectField
            label={t('exportChooseCase')}
            value={caseId}
            onChange={setCaseId}
            options={[
              { value: '', label: t('choose') },
              ...(known.data?.cases ?? []).map((c) => ({ value: c.id, label: c.title })),
            ]}
          />
        )}
        {kind === 'person' && (
          <SelectField
            label={t('exportChoosePerson')}
            value={personId}
            onChange={setPersonId}
            options={[
              { value: '', label: t('choose') },
              ...(known.data?.persons ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
        )}
        {kind === 'selection' && (
          <>
            <Field type="search" label={t('filterText')} value={text} onInput={setText} />
            <p class="muted">{t('exportSelected', selected.size)}</p>
            {search.result && (
              <CaptureTable hits={search.result.hits} selected={selected} onToggle={toggle} />
            )}
          </>
        )}
        {kind === 'all' && backup.data && <BackupLine status={backup.data} />}
        <SelectField
          label={t('exportReportLanguage')}
          value={reportLanguage}
          onChange={setReportLanguage}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
        <p class="muted">{t('exportReportHint')}</p>
        <label class="check">
          <input
            type="checkbox"
            checked={protect}
            onChange={(e) => setProtect((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('exportWithhold')}
        </label>
        <p class="muted">{t('exportWithholdExplain')}</p>
        <button type="button" onClick={() => void run()} disabled={!scope || progress !== null}>
          {t('exportRun')}
        </button>
      </div>
      {progress && (
        <ProgressBar
          label={progress.phase ? t(`exportPhase_${progress.phase}`) : t('exportProgress')}
          done={progress.done}
          total={progress.total}
        />
      )}
      <ErrorBanner error={error ?? known.error} />
      {summary && <ExportSummaryView summary={summary.summary} scopeLabel={summary.label} />}
    </section>
  );
}
