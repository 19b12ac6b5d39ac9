import type { HandlerResults } from '../../../lib/background/handlers/index';
import { useI18n } from '../../i18n-context';

export type LockerTestData = HandlerResults['locker.test'];
type Step = NonNullable<LockerTestData['report']>['write'];

/** The connection test in plain words: can write, Object Lock on, retention honoured. */
export function LockerTestResult({ result }: { result: LockerTestData }) {
  const { t, formatTime } = useI18n();
  if (!result.permission)
    return (
      <p role="alert" class="error" data-testid="locker-test">
        {t('lockerNoPermission', result.origins.join(', '))}
      </p>
    );
  const report = result.report!;
  const line = (step: Step, ok: string, unknown: string, testid: string) => (
    <li data-testid={testid} data-ok={String(step.ok)}>
      <span aria-hidden="true">{step.ok === true ? '✓' : step.ok === false ? '✗' : '?'}</span>{' '}
      {step.ok === true ? ok : step.ok === false ? t(`lockerError_${step.code}`) : unknown}
    </li>
  );
  return (
    <ul class="checks" data-testid="locker-test">
      {line(report.write, t('lockerCanWrite'), t('lockerNotTried'), 'locker-test-write')}
      {line(report.objectLock, t('lockerLockOn'), t('lockerNotTried'), 'locker-test-lock')}
      {line(
        report.retention,
        t('lockerRetentionHonoured', report.retainUntil ? formatTime(report.retainUntil) : ''),
        report.write.ok ? t('lockerRetentionUnknown') : t('lockerNotTried'),
        'locker-test-retention',
      )}
    </ul>
  );
}
