import { useEffect, useRef, useState } from 'preact/hooks';
import type { LegalCase } from '../../lib/model/legal-case';
import type { Link, LinkCategory } from '../../lib/model/link';
import type { Person } from '../../lib/model/person';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { Chips } from '../ui/chips';
import { Combobox, type ComboOption } from '../ui/combobox';
import { ErrorBanner } from '../ui/error-banner';
import { TextArea } from '../ui/text-area';
import { errorText, useLoad } from '../ui/use-request';
import { CategorySelect } from './category-select';
import { DuplicatePerson } from './duplicate-person';
import { NewCaseForm, type NewCaseInput } from './new-case-form';
import type { PossibleDuplicate } from '../../lib/model/person-duplicates';
import { recordedDuplicates } from './recorded-duplicates';
import { useDraft } from './use-draft';

interface Draft {
  personIds: string[];
  caseId: string | null;
  category: LinkCategory;
  note: string;
}
const EMPTY: Draft = { personIds: [], caseId: null, category: 'ground', note: '' };

const personOption =
  (recent: Set<string>) =>
  (p: Person): ComboOption => ({
    id: p.id,
    label: p.name,
    detail: p.aliases.join(', ') || undefined,
    recent: recent.has(p.id),
  });
const caseOption =
  (recent: Set<string>) =>
  (c: LegalCase): ComboOption => ({
    id: c.id,
    label: c.title,
    detail: c.article || undefined,
    recent: recent.has(c.id),
  });

/**
 * Tags a sealed capture: persons (several), a case, a category and a note. Each person gets one
 * link carrying the case; the capture itself is never touched (each link is a custody event).
 * The draft survives the popup closing (`draftKey`).
 */
export function TagForm({
  captureId,
  draftKey = null,
  autoFocus = false,
  heading,
  onSaved,
}: {
  captureId: string;
  draftKey?: string | null;
  /** Put the cursor in "persons" at once (the popup, right after sealing). */
  autoFocus?: boolean;
  /** The form's heading when "Tag this capture" is not right (it is tagged already). */
  heading?: string;
  onSaved: (links: Link[]) => void;
}) {
  const { t } = useI18n();
  const known = useLoad(() => request('recent.list'));
  const [draft, setDraft, clearDraft] = useDraft<Draft>(draftKey, EMPTY);
  const [newCase, setNewCase] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<{
    name: string;
    matches: PossibleDuplicate[];
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const categoryId = `category-${captureId}`;
  // Once a case is chosen (or created) its type-ahead disappears: keyboard focus moves on to the
  // next field instead of falling back to the page.
  const lastCase = useRef(draft.caseId);
  useEffect(() => {
    if (draft.caseId && draft.caseId !== lastCase.current)
      document.getElementById(categoryId)?.focus();
    lastCase.current = draft.caseId;
  }, [draft.caseId]);

  const persons = known.data?.persons ?? [];
  const cases = known.data?.cases ?? [];
  const chosenPersons = draft.personIds.flatMap((id) => persons.filter((p) => p.id === id));
  const chosenCase = cases.find((c) => c.id === draft.caseId) ?? null;

  const choosePerson = (id: string) =>
    setDraft((d) => ({
      ...d,
      personIds: d.personIds.includes(id) ? d.personIds : [...d.personIds, id],
    }));
  /** "Create person" first looks for the same name or spelling among the persons recorded. */
  const offerPerson = async (name: string) => {
    const matches = await recordedDuplicates({ name }, persons);
    if (matches.length) setDuplicate({ name, matches });
    else await createPerson(name);
  };
  const createPerson = async (name: string) => {
    setDuplicate(null);
    try {
      const person = await request('person.create', { person: { name } });
      known.reload();
      choosePerson(person.id);
      document.getElementById(`persons-${captureId}`)?.focus();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const createCase = async (input: NewCaseInput) => {
    try {
      const legalCase = await request('case.create', { legalCase: input });
      known.reload();
      setNewCase(null);
      setDraft((d) => ({ ...d, caseId: legalCase.id }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft.personIds.length && !draft.caseId) return setError(t('tagNeedsTarget'));
    setBusy(true);
    setError(null);
    try {
      const targets = draft.personIds.length ? draft.personIds : [null];
      const links: Link[] = [];
      // One after another: each is its own custody event, in order.
      for (const personId of targets)
        links.push(
          await request('link.add', {
            captureId,
            personId,
            caseId: draft.caseId,
            category: draft.category,
            note: draft.note,
          }),
        );
      clearDraft();
      onSaved(links);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const recent = new Set(known.data?.recentIds ?? []);
  const groupLabels = { recent: t('recent'), others: t('comboOthers') };
  return (
    <form class="tag-form" onSubmit={save} aria-labelledby={`tag-heading-${captureId}`}>
      <h2 id={`tag-heading-${captureId}`}>{heading ?? t('tagHeading')}</h2>
      <ErrorBanner error={error ?? known.error} />
      <Combobox
        id={`persons-${captureId}`}
        label={t('tagPersons')}
        autoFocus={autoFocus}
        options={persons.map(personOption(recent))}
        exclude={draft.personIds}
        groupLabels={groupLabels}
        onSelect={(o) => choosePerson(o.id)}
        onCreate={(name) => void offerPerson(name)}
        createLabel={(text) => t('createPerson', text)}
      />
      {duplicate && (
        <DuplicatePerson
          name={duplicate.name}
          matches={duplicate.matches}
          onUse={(person) => {
            setDuplicate(null);
            choosePerson(person.id);
            document.getElementById(`persons-${captureId}`)?.focus();
          }}
          onCreate={() => void createPerson(duplicate.name)}
          onCancel={() => {
            setDuplicate(null);
            document.getElementById(`persons-${captureId}`)?.focus();
          }}
        />
      )}
      <Chips
        testId="chosen-persons"
        items={chosenPersons.map((p) => ({ id: p.id, label: p.name }))}
        onRemove={(id) => set({ personIds: draft.personIds.filter((x) => x !== id) })}
        removeLabel={(name) => t('removeItem', name)}
      />
      {chosenCase ? (
        <div class="field">
          <span class="field-label">{t('tagCase')}</span>
          <Chips
            testId="chosen-case"
            items={[{ id: chosenCase.id, label: chosenCase.title }]}
            onRemove={() => set({ caseId: null })}
            removeLabel={(title) => t('removeItem', title)}
          />
        </div>
      ) : newCase !== null ? (
        <NewCaseForm
          initialTitle={newCase}
          onCreate={createCase}
          onCancel={() => setNewCase(null)}
        />
      ) : (
        <Combobox
          id={`case-${captureId}`}
          label={t('tagCase')}
          options={cases.map(caseOption(recent))}
          groupLabels={groupLabels}
          onSelect={(o) => set({ caseId: o.id })}
          onCreate={(text) => setNewCase(text)}
          createLabel={(text) => t('createCase', text)}
        />
      )}
      <CategorySelect
        id={categoryId}
        value={draft.category}
        onChange={(category) => set({ category })}
      />
      <TextArea
        label={t('tagNote')}
        value={draft.note}
        onInput={(note) => set({ note })}
        rows={2}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('saving') : t('tagSave')}
      </button>
    </form>
  );
}
