import type { LegalCase } from '../../lib/model/legal-case';
import type { Link } from '../../lib/model/link';
import type { Person } from '../../lib/model/person';
import { useI18n } from '../i18n-context';

/** Whom and what a capture is tagged to, by name: "Aigerim Kairatkyzy · Kairatkyzy case". */
export function TagsLine({
  links,
  persons,
  cases,
}: {
  links: readonly Link[];
  persons: readonly Person[];
  cases: readonly LegalCase[];
}) {
  const { t } = useI18n();
  if (links.length === 0) return null;
  const names = links.map((l) =>
    [
      l.personId && (persons.find((p) => p.id === l.personId)?.name ?? t('unknownPerson')),
      l.caseId && (cases.find((c) => c.id === l.caseId)?.title ?? t('unknownCase')),
    ]
      .filter(Boolean)
      .join(' · '),
  );
  return (
    <p class="tags-line" data-testid="tags-line">
      <span class="muted">{t('taggedTo')}</span>{' '}
      {[...new Set(names)].map((name, i) => (
        <span key={name}>
          {i > 0 && '; '}
          <b>{name}</b>
        </span>
      ))}
    </p>
  );
}
