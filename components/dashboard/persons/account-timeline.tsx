import { useEffect, useState } from 'preact/hooks';
import { captureApi } from '../../capture-api';
import { mergedTimeline, type TimelineEntry } from '../../../lib/capture/timeline';
import { useI18n } from '../../i18n-context';
import { ShortHash } from '../../ui/short-hash';
import { errorText } from '../../ui/use-request';
import { ErrorBanner } from '../../ui/error-banner';
import { href } from '../route';
import { changeField, changeValue } from './change-text';

/** How an account looked at each capture, oldest first, and what changed since the one before. */
export function AccountTimeline({ accountKeys }: { accountKeys: readonly string[] }) {
  const { t, formatTime } = useI18n();
  const [steps, setSteps] = useState<TimelineEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keys = accountKeys.join('|');
  useEffect(() => {
    Promise.all(accountKeys.map((k) => captureApi.timeline(k)))
      // The captures under every key of the person's accounts, diffed as one account.
      .then((lists) => setSteps(mergedTimeline(lists.map((l) => l.map((s) => s.capture)))))
      .catch((e: unknown) => setError(errorText(e)));
  }, [keys]);
  if (error) return <ErrorBanner error={error} />;
  if (!steps) return <p class="muted">{t('loading')}</p>;
  if (steps.length === 0) return <p class="muted">{t('accountTimelineEmpty')}</p>;
  return (
    <ol class="timeline" data-testid="account-timeline">
      {steps.map(({ capture, changes }) => (
        <li key={capture.id}>
          <span class="timeline-date">{formatTime(capture.sealedAt)}</span>
          <div>
            <a href={href('captures', capture.id)}>
              {t(`platform_${capture.platform}`)} ·{' '}
              {capture.record.account
                ? t(`state_${capture.record.account.state}`)
                : t(`kind_${capture.kind}`)}
              {capture.record.notice && ` · ${t(`notice_${capture.record.notice.type}`)}`}
            </a>{' '}
            <ShortHash seal={capture.seal} copy={false} />
            {changes.length > 0 && (
              <ul class="changes">
                {changes.map((c) => (
                  <li key={c.field} data-field={c.field}>
                    <span class="change-field">{changeField(t, c.field)}</span>:{' '}
                    <del>{changeValue(t, c.field, c.before)}</del> →{' '}
                    <ins>{changeValue(t, c.field, c.after)}</ins>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
