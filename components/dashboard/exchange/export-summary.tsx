import type { ExportSummary } from '../../exchange-api';
import { useI18n } from '../../i18n-context';
import { ExportTimestamps } from './export-timestamps';

/** What went into the package, and where to save it. */
export function ExportSummaryView({
  summary,
  scopeLabel,
}: {
  summary: ExportSummary;
  /** What the package holds, by name: "case Kairatkyzy case", "everything". */
  scopeLabel: string;
}) {
  const { t, formatNumber, formatBytes } = useI18n();
  const rows: Array<[string, string]> = [
    [t('exportCaptures'), formatNumber(summary.captures)],
    [t('exportPersons'), formatNumber(summary.persons)],
    [t('exportCases'), formatNumber(summary.cases)],
    [t('exportFiles'), formatNumber(summary.files)],
    [t('exportTags'), formatNumber(summary.links)],
    [t('exportWithheldCount'), formatNumber(summary.withheld)],
    [t('exportSize'), formatBytes(summary.bytes)],
    [t('keyFingerprint'), summary.fingerprint],
    [t('exportPackageId'), summary.packageId],
  ];
  return (
    <section class="panel" aria-labelledby="export-done" data-testid="export-summary">
      <h2 id="export-done" class="ok">
        ✓ {t('exportDoneOf', scopeLabel)}
      </h2>
      <dl class="fields">
        {rows.map(([label, value]) => (
          <div key={label} class="field-row">
            <dt>{label}</dt>
            <dd
              class={
                label === t('keyFingerprint') || label === t('exportPackageId')
                  ? 'mono break'
                  : undefined
              }
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <ExportTimestamps summary={summary} />
      <a class="button" href={summary.downloadUrl} download={summary.fileName}>
        {t('exportSave', summary.fileName)}
      </a>
      <p class="muted">{t('exportNeutralName')}</p>
    </section>
  );
}
