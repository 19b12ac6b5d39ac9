import type { CustodyEvent } from '../../lib/model/custody';
import { useI18n } from '../i18n-context';
import type { useNames } from '../ui/use-names';
import { href } from './route';

/** Subjects that have a screen of their own. */
const SUBJECT_VIEWS: Record<string, string> = {
  capture: 'captures',
  person: 'persons',
  case: 'cases',
};

type Names = ReturnType<typeof useNames>;

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * What a custody event is about, by name: "Person: Aigerim Kairatkyzy", "Capture: Instagram ·
 * Aigerim Example", and for a tag whom and which case it names. The id stays in the tooltip
 * and the link, the log's own words stay in the event.
 */
export function CustodySubject({
  event,
  names,
  captureLabel,
}: {
  event: CustodyEvent;
  names: Names;
  captureLabel?: (id: string) => string | null;
}) {
  const { t } = useI18n();
  const { kind, id } = event.subject;
  const label =
    kind === 'person'
      ? (names.person(id) ?? str(event.data.name))
      : kind === 'case'
        ? (names.case(id) ?? str(event.data.title))
        : kind === 'capture'
          ? (captureLabel?.(id) ?? null)
          : null;
  const text = `${t(`subject_${kind}`)}: ${label ?? id}`;
  const view = SUBJECT_VIEWS[kind];
  const personId = str(event.data.personId);
  const caseId = str(event.data.caseId);
  const tag =
    event.type === 'tagged' || event.type === 'untagged'
      ? [
          personId && (names.person(personId) ?? t('unknownPerson')),
          caseId && (names.case(caseId) ?? t('unknownCase')),
        ]
          .filter(Boolean)
          .join(' · ')
      : '';
  return (
    <>
      {view ? (
        <a href={href(view, id)} title={`${kind}:${id}`}>
          {text}
        </a>
      ) : (
        <span title={`${kind}:${id}`}>{text}</span>
      )}
      {tag && <span class="muted"> → {tag}</span>}
    </>
  );
}
