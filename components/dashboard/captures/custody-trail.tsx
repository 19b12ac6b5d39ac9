import type { CustodyEvent } from '../../../lib/model/custody';
import { useI18n } from '../../i18n-context';
import { useNames } from '../../ui/use-names';

/** The custody events about one record, in order, each with its chained hash. */
export function CustodyTrail({ events }: { events: readonly CustodyEvent[] }) {
  const { t, formatTime } = useI18n();
  const names = useNames();
  const tagOf = (e: CustodyEvent) => {
    if (e.type !== 'tagged' && e.type !== 'untagged') return '';
    const person = typeof e.data.personId === 'string' ? e.data.personId : null;
    const legalCase = typeof e.data.caseId === 'string' ? e.data.caseId : null;
    return [
      person && (names.person(person) ?? t('unknownPerson')),
      legalCase && (names.case(legalCase) ?? t('unknownCase')),
    ]
      .filter(Boolean)
      .join(' · ');
  };
  if (events.length === 0) return <p class="muted">{t('custodyEmpty')}</p>;
  return (
    <ol class="trail" data-testid="custody-trail">
      {events.map((e) => (
        <li key={e.seq}>
          <span class="nowrap">{formatTime(e.at)}</span> — <strong>{t(`event_${e.type}`)}</strong>
          {tagOf(e) && <span> → {tagOf(e)}</span>}{' '}
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
