import { useState } from 'preact/hooks';
import type { CustodyEvent } from '../../../lib/model/custody';
import type { LegalCase } from '../../../lib/model/legal-case';
import type { Link } from '../../../lib/model/link';
import type { Person } from '../../../lib/model/person';
import { request } from '../../../lib/messaging/client';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { errorText } from '../../ui/use-request';
import { href } from '../route';

/**
 * The capture's tags; removing one appends an `untagged` custody event, the capture stays. A tag
 * that came in an imported package says whose it is (its `tagged` event's actor, `import:<key>`).
 */
export function CaptureTags({
  links,
  persons,
  cases,
  custody,
  onChange,
}: {
  links: readonly Link[];
  persons: readonly Person[];
  cases: readonly LegalCase[];
  custody: readonly CustodyEvent[];
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const name = (id: string | null) => persons.find((p) => p.id === id)?.name;
  const title = (id: string | null) => cases.find((c) => c.id === id)?.title;
  const importedFrom = (id: string): string | null => {
    const actor = custody.find((e) => e.type === 'tagged' && e.data.linkId === id)?.actor;
    return actor?.startsWith('import:') ? actor.slice('import:'.length) : null;
  };
  const remove = (id: string) =>
    request('link.remove', { id })
      .then(onChange)
      .catch((e: unknown) => setError(errorText(e)));
  if (links.length === 0) return <p class="muted">{t('tagsNone')}</p>;
  return (
    <>
      <ErrorBanner error={error} />
      <ul class="cards" data-testid="capture-tags">
        {links.map((l) => (
          <li key={l.id} class="card row-card">
            <span>
              {l.personId && (
                <a href={href('persons', l.personId)}>{name(l.personId) ?? l.personId}</a>
              )}
              {l.personId && l.caseId && ' · '}
              {l.caseId && <a href={href('cases', l.caseId)}>{title(l.caseId) ?? l.caseId}</a>}
              <span class="badge">{t(`category_${l.category}`)}</span>
              {l.note && <span class="muted"> — {l.note}</span>}
              {importedFrom(l.id) && (
                <span class="muted" data-testid="tag-imported-from">
                  {' '}
                  · {t('tagImportedFrom', importedFrom(l.id)!)}
                </span>
              )}
            </span>
            <button type="button" class="small secondary" onClick={() => void remove(l.id)}>
              {t('tagRemove')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
