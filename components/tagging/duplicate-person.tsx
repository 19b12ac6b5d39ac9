import { useEffect, useRef } from 'preact/hooks';
import type { PossibleDuplicate } from '../../lib/model/person-duplicates';
import type { Person } from '../../lib/model/person';
import { useI18n } from '../i18n-context';

/**
 * Shown instead of creating a person who may already be recorded: the matches, each with "use
 * this one", and "create a new person anyway". Two records for one person split the evidence.
 */
export function DuplicatePerson({
  name,
  matches,
  onUse,
  onCreate,
  onCancel,
}: {
  name: string;
  matches: readonly PossibleDuplicate[];
  onUse: (person: Person) => void;
  onCreate: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      class="duplicate"
      role="group"
      aria-labelledby="duplicate-heading"
      data-testid="duplicate-person"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id="duplicate-heading" class="warn-text">
        {t('duplicatePerson', name)}
      </p>
      <ul class="duplicate-list">
        {matches.map(({ person, reason }, i) => (
          <li key={person.id}>
            <span>
              <b>{person.name}</b>
              {person.aliases.length > 0 && (
                <span class="muted"> ({person.aliases.join(', ')})</span>
              )}
              <span class="muted"> — {t(`duplicateBy_${reason}`)}</span>
            </span>
            <button
              type="button"
              class="small"
              ref={i === 0 ? first : undefined}
              onClick={() => onUse(person)}
            >
              {t('duplicateUse', person.name)}
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="small secondary" onClick={onCreate}>
          {t('duplicateCreateAnyway')}
        </button>
        <button type="button" class="small secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
