import { useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { errorText, useLoad } from '../../ui/use-request';
import type { PossibleDuplicate } from '../../../lib/model/person-duplicates';
import { recordedDuplicates } from '../../tagging/recorded-duplicates';
import { DuplicatePerson } from '../../tagging/duplicate-person';
import { href } from '../route';
import { PersonDetail } from './person-detail';

/** Persons: the list and a quick "add person"; with an id, the person's detail. */
export function PersonsView({ id }: { id: string | null }) {
  if (id) return <PersonDetail id={id} />;
  return <PersonList />;
}

export const splitList = (text: string) =>
  text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

function PersonList() {
  const { t } = useI18n();
  const persons = useLoad(() => request('person.list'));
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | null>(null);

  const create = async (event: Event) => {
    event.preventDefault();
    const candidate = { name: name.trim(), aliases: splitList(aliases) };
    if (!candidate.name) return persons.setError(t('nameRequired'));
    const matches = await recordedDuplicates(candidate, persons.data ?? []);
    if (matches.length && !duplicates) return setDuplicates(matches);
    setDuplicates(null);
    try {
      await request('person.create', { person: { name, aliases: splitList(aliases) } });
      setName('');
      setAliases('');
      persons.reload();
    } catch (e) {
      persons.setError(errorText(e));
    }
  };

  return (
    <section aria-labelledby="persons-heading">
      <h1 id="persons-heading">{t('navPersons')}</h1>
      <ErrorBanner error={persons.error} />
      {persons.data?.length === 0 && <p class="muted">{t('personsEmpty')}</p>}
      <ul class="cards" data-testid="person-list">
        {persons.data?.map((p) => (
          <li key={p.id} class="card">
            <a href={href('persons', p.id)} class="card-title">
              {p.name}
            </a>
            {p.aliases.length > 0 && <span class="muted">{p.aliases.join(', ')}</span>}
            {p.accounts.length > 0 && (
              <span class="muted">
                {p.accounts.map((a) => `${t(`platform_${a.platform}`)} @${a.handle}`).join(' · ')}
              </span>
            )}
          </li>
        ))}
      </ul>
      <form class="panel" onSubmit={create}>
        <h2>{t('personNew')}</h2>
        <Field label={t('personName')} value={name} onInput={setName} required />
        <Field label={t('personAliases')} value={aliases} onInput={setAliases} />
        {duplicates && (
          <DuplicatePerson
            name={name.trim()}
            matches={duplicates}
            onUse={(person) => {
              setDuplicates(null);
              location.hash = href('persons', person.id);
            }}
            onCreate={() => void create(new Event('submit'))}
            onCancel={() => setDuplicates(null)}
          />
        )}
        {!duplicates && <button type="submit">{t('personCreate')}</button>}
      </form>
    </section>
  );
}
