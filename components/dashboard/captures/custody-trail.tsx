import type { CustodyEvent } from '../../../lib/model/custody';
import { useI18n } from '../../i18n-context';

/** The custody events about one record, in order, each with its chained hash. */
export function CustodyTrail({ events }: { events: readonly CustodyEvent[] }) {
  const { t, formatTime } = useI18n();
  if (events.length === 0) return <p class="muted">{t('custodyEmpty')}</p>;
  return (
    <ol class="trail" data-testid="custody-trail">
      {events.map((e) => (
        <li key={e.seq}>
          <span class="nowrap">{formatTime(e.at)}</span> — <strong>{t(`event_${e.type}`)}</strong>{' '}
          <span class="muted">
            #{e.seq} · {e.actor}
          </span>{' '}
          <code class="mono" title={e.hash}>
            {e.hash.slice(7, 19)}
          </code>
        </li>
      ))}
    </ol>
  );
}
