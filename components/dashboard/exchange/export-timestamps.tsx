import type { ExportSummary } from '../../exchange-api';
import { useI18n } from '../../i18n-context';
import { stampFailureText } from './stamp-failure';

/** Whether the export got its trusted time, from which TSA, or plainly that it did not. */
export function ExportTimestamps({ summary }: { summary: ExportSummary }) {
  const { t, formatTime } = useI18n();
  return (
    <div class="export-time" data-testid="export-timestamps">
      <h3>{t('exportTimeHeading')}</h3>
      {summary.timestamps.length === 0 && <p class="muted">{t('exportNoTsa')}</p>}
      <ul class="plain">
        {summary.timestamps.map((s) =>
          s.ok ? (
            <li key={s.url} class="ok">
              ✓ {t('exportTimestamped', s.tsa ?? s.url, s.time ? formatTime(s.time) : '?')}
            </li>
          ) : (
            <li key={s.url} class="bad" title={s.reason}>
              ✗ {t('exportNotTimestamped', s.url, stampFailureText(t, s.code, s.reason))}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
