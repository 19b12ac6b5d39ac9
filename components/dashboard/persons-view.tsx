import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { Field } from '../ui/field';
import { useLoad } from '../ui/use-request';

export function PersonsView() {
  const { t } = useI18n();
  const persons = useLoad(() => request('person.list'));
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');

  const create = async (event: Event) => {
    event.preventDefault();
    try {
      const list = aliases
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      await request('person.create', { person: { name, aliases: list } });
      setName('');
      setAliases('');
      persons.reload();
    } catch (e) {
      persons.setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="persons-heading">
      <h2 id="persons-heading">{t('navPersons')}</h2>
      <ErrorBanner error={persons.error} />
      {persons.data?.length === 0 && <p class="muted">{t('personsEmpty')}</p>}
      <ul class="cards" data-testid="person-list">
        {persons.data?.map((p) => (
          <li key={p.id} class="card">
            <strong>{p.name}</strong>
            {p.aliases.length > 0 && <span class="muted">{p.aliases.join(', ')}</span>}
          </li>
        ))}
      </ul>
      <form class="panel" onSubmit={create}>
        <h3>{t('personNew')}</h3>
        <Field label={t('personName')} value={name} onInput={setName} required />
        <Field label={t('personAliases')} value={aliases} onInput={setAliases} />
        <button type="submit">{t('personCreate')}</button>
      </form>
    </section>
  );
}
