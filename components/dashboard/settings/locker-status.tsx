import type { HandlerResults } from '../../../lib/background/handlers/index';
import { useI18n } from '../../i18n-context';
import { ProgressBar } from '../../ui/progress-bar';

export type LockerStatusData = HandlerResults['locker.status'];

/**
 * What is safe and what is not yet: captures not in the locker, the upload under way, what is
 * waiting and why, and the last confirmed upload (its key, version and lock date).
 */
export function LockerStatus({ status }: { status: LockerStatusData }) {
  const { t, formatTime, formatBytes, formatNumber } = useI18n();
  return (
    <div data-testid="locker-status" aria-live="polite">
      <p class={status.capturesNotInLocker ? 'warning' : 'ok'} data-testid="locker-not-safe">
        {status.capturesNotInLocker
          ? t('lockerNotYet', formatNumber(status.capturesNotInLocker))
          : t('lockerAllSafe', formatNumber(status.capturesInLocker))}
      </p>
      {status.current && (
        <ProgressBar
          label={t(
            'lockerSending',
            formatBytes(status.current.sent),
            formatBytes(status.current.total),
          )}
          done={status.current.sent}
          total={status.current.total}
        />
      )}
      {status.pending > 0 && (
        <p class="muted" data-testid="locker-pending">
          {t('lockerPending', formatNumber(status.pending))}
          {status.nextAttemptAt && !status.current
            ? ` ${t('lockerNextAttempt', formatTime(status.nextAttemptAt))}`
            : ''}
        </p>
      )}
      {status.lastError && (
        <p role="alert" class="error" data-testid="locker-error" data-code={status.lastError.code}>
          {t(`lockerError_${status.lastError.code}`)}
          <br />
          <span class="muted mono small">{status.lastError.detail}</span>
        </p>
      )}
      {status.lastDeposit && (
        <dl class="fields" data-testid="locker-last">
          <div class="field-row">
            <dt>{t('lockerLastStored')}</dt>
            <dd>{formatTime(status.lastDeposit.at)}</dd>
          </div>
          <div class="field-row">
            <dt>{t('lockerKey')}</dt>
            <dd class="mono small">{status.lastDeposit.key}</dd>
          </div>
          <div class="field-row">
            <dt>{t('lockerVersion')}</dt>
            <dd class="mono small">{status.lastDeposit.versionId ?? '—'}</dd>
          </div>
          <div class="field-row">
            <dt>{t('lockerLockedUntil')}</dt>
            <dd>{formatTime(status.lastDeposit.retainUntil)}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
