import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-request';
import { useNames } from '../ui/use-names';
import { CustodySubject } from './custody-subject';

export function CustodyView(_props: { id: string | null }) {
  const { t, formatTime } = useI18n();
  const events = useLoad(() => request('custody.list'));
  const names = useNames();
  // Captures by what they show ("Instagram · Aigerim Example"), not by their ids.
  const captures = useLoad(() => request('capture.search', { filters: {}, limit: 10_000 }));
  const hits = new Map((captures.data?.hits ?? []).map((h) => [h.id, h]));
  const captureLabel = (id: string) => {
    const h = hits.get(id);
    return h ? `${t(`platform_${h.platform}`)} · ${h.author ?? t(`kind_${h.kind}`)}` : null;
  };
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
                <td title={e.type}>{t(`event_${e.type}`)}</td>
                <td>
                  <CustodySubject event={e} names={names} captureLabel={captureLabel} />
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
