import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-request';
import { href } from './route';

/** Subjects that have a screen of their own. */
const SUBJECT_VIEWS: Record<string, string> = {
  capture: 'captures',
  person: 'persons',
  case: 'cases',
};

export function CustodyView(_props: { id: string | null }) {
  const { t, formatTime } = useI18n();
  const events = useLoad(() => request('custody.list'));
  return (
    <section aria-labelledby="custody-heading">
      <h1 id="custody-heading">{t('navCustody')}</h1>
      <ErrorBanner error={events.error} />
      {events.data?.length === 0 && <p class="muted">{t('custodyEmpty')}</p>}
      {events.data && events.data.length > 0 && (
        <table class="table" data-testid="custody-table">
          <thead>
            <tr>
              <th scope="col">{t('custodySeq')}</th>
              <th scope="col">{t('custodyWhen')}</th>
              <th scope="col">{t('custodyEvent')}</th>
              <th scope="col">{t('custodySubject')}</th>
              <th scope="col">{t('custodyHash')}</th>
            </tr>
          </thead>
          <tbody>
            {events.data.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{formatTime(e.at)}</td>
                <td>
                  {t(`event_${e.type}`)} <span class="mono muted">{e.type}</span>
                </td>
                <td class="mono">
                  {e.subject.kind in SUBJECT_VIEWS ? (
                    <a href={href(SUBJECT_VIEWS[e.subject.kind]!, e.subject.id)}>
                      {e.subject.kind}:{e.subject.id}
                    </a>
                  ) : (
                    `${e.subject.kind}:${e.subject.id}`
                  )}
                </td>
                <td class="mono" title={e.hash}>
                  {e.hash.slice(7, 19)}…
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
