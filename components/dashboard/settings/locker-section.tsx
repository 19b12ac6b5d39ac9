import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { useLoad } from '../../ui/use-request';
import { errorText } from '../../vault/error-text';
import { lockerApi } from './locker-api';
import { LockerForm } from './locker-form';
import { LockerStatus, type LockerStatusData } from './locker-status';
import { LockerTestResult, type LockerTestData } from './locker-test-result';

const POLL_MS = 2_000;

/** Settings → Team locker: set it up, test it, and see what is (not yet) safe off this device. */
export function LockerSection() {
  const { t, tn } = useI18n();
  const info = useLoad(() => lockerApi.get());
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<LockerStatusData | null>(null);
  const [test, setTest] = useState<LockerTestData | null>(null);
  const [busy, setBusy] = useState<'test' | 'push' | 'retry' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const configured = Boolean(info.data?.config);

  useEffect(() => {
    if (!configured) return;
    let stopped = false;
    const poll = () =>
      lockerApi
        .status()
        .then((s) => !stopped && setStatus(s))
        .catch(() => undefined);
    void poll();
    const timer = setInterval(() => document.visibilityState === 'visible' && void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [configured]);

  const act = (which: 'test' | 'push' | 'retry', run: () => Promise<void>) => async () => {
    setBusy(which);
    try {
      await run();
      setError(null);
      setStatus(await lockerApi.status());
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  const data = info.data;
  return (
    <section class="panel" aria-labelledby="locker-heading" data-testid="locker-section">
      <h2 id="locker-heading">{t('lockerHeading')}</h2>
      <p class="muted">{t('lockerIntro')}</p>
      <ErrorBanner error={info.error ?? error} />
      {data && (!data.config || editing) && (
        <LockerForm
          initial={data.config}
          hasSecret={data.hasSecret}
          fingerprint={data.fingerprint}
          onSaved={() => {
            setEditing(false);
            setTest(null);
            info.reload();
          }}
          onCancel={data.config ? () => setEditing(false) : null}
        />
      )}
      {data?.config && !editing && (
        <>
          <dl class="fields" data-testid="locker-summary">
            <div class="field-row">
              <dt>{t('lockerWhere')}</dt>
              <dd class="mono small">
                {data.config.endpoint}/{data.config.bucket} ({data.config.region})
              </dd>
            </div>
            <div class="field-row">
              <dt>{t('lockerAuthLegend')}</dt>
              <dd>
                {data.config.auth.kind === 'presigned'
                  ? t('lockerAuthPresigned')
                  : t('lockerAuthKey')}
              </dd>
            </div>
            <div class="field-row">
              <dt>{t('lockerRetention')}</dt>
              <dd>{t('lockerRetentionValue', tn('countDays', data.config.retentionDays))}</dd>
            </div>
          </dl>
          {status && <LockerStatus status={status} />}
          <div class="actions">
            <button
              type="button"
              disabled={busy !== null}
              onClick={act('test', async () => setTest(await lockerApi.test()))}
            >
              {busy === 'test' ? t('lockerTesting') : t('lockerTest')}
            </button>{' '}
            {status && status.capturesNotInLocker > 0 && (
              <>
                <button
                  type="button"
                  class="secondary"
                  disabled={busy !== null}
                  onClick={act('push', async () => void (await lockerApi.pushAll()))}
                >
                  {t('lockerPushAll', status.capturesNotInLocker)}
                </button>{' '}
              </>
            )}
            {status && status.pending > 0 && (
              <>
                <button
                  type="button"
                  class="secondary"
                  disabled={busy !== null}
                  onClick={act('retry', async () => void (await lockerApi.retry()))}
                >
                  {t('lockerRetry')}
                </button>{' '}
              </>
            )}
            <button type="button" class="secondary" onClick={() => setEditing(true)}>
              {t('lockerChange')}
            </button>
          </div>
          {test && <LockerTestResult result={test} />}
        </>
      )}
    </section>
  );
}
