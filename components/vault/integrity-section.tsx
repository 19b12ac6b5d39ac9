import { useState } from 'preact/hooks';
import type { HandlerResults } from '../../lib/background/handlers/index';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { errorText } from './error-text';

type Report = HandlerResults['integrity.check'];

/** The full integrity check on demand: every blob re-hashed, every link and the custody chain. */
export function IntegritySection() {
  const { t, tn } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      setReport(await request('integrity.check', { full: true }));
      setError(null);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="integrity-heading">
      <h2 id="integrity-heading">{t('integrityTitle')}</h2>
      <button type="button" class="secondary" onClick={run} disabled={busy}>
        {busy ? t('integrityRunning') : t('integrityRun')}
      </button>
      <ErrorBanner error={error} />
      {report && (
        <div data-testid="integrity-report" role="status">
          <p>
            {report.ok
              ? t(
                  'integrityOk',
                  tn('countFiles', report.checked.artifactsRehashed),
                  tn('countEvents', report.checked.custodyEvents),
                )
              : t('integrityDamageFound', tn('countProblems', report.damage.length))}
          </p>
          {report.damage.length > 0 && (
            <ul class="mono">
              {report.damage.map((d) => (
                <li key={`${d.kind}-${d.id}`}>
                  {d.kind} {d.id}: {d.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
