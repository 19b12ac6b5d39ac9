import { useEffect, useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import type { Person } from '../../../lib/model/person';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { TextArea } from '../../ui/text-area';
import { errorText, useLoad } from '../../ui/use-request';
import { CaptureTable } from '../captures/capture-table';
import { useCaptureSearch } from '../captures/use-search';
import { href } from '../route';
import { AccountTimeline } from './account-timeline';
import { AccountsEditor } from './accounts-editor';
import { splitList } from './persons-view';

type Editable = Pick<Person, 'name' | 'accounts' | 'notes'> & { aliases: string };

/**
 * The account keys captures may carry for a person's accounts (`platform#id` when the page gave
 * the id, else `platform:handle`), plus those of captures tagged to them.
 */
function accountKeysOf(person: Person, captureKeys: ReadonlyArray<string | null>): string[] {
  const keys = person.accounts.flatMap((a) => [
    `${a.platform}:${a.handle.replace(/^@/, '').toLowerCase()}`,
    ...(a.platformId ? [`${a.platform}#${a.platformId}`] : []),
  ]);
  return [...new Set([...keys, ...captureKeys.filter((k): k is string => k !== null)])];
}

/** One person: names, accounts (editable), every capture about them, the accounts' timeline. */
export function PersonDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => request('person.get', { id }), [id]);
  const [form, setForm] = useState<Editable | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { result } = useCaptureSearch({ personId: id }, 0);

  useEffect(() => {
    const p = loaded.data;
    if (p)
      setForm({
        name: p.name,
        aliases: p.aliases.join(', '),
        accounts: p.accounts,
        notes: p.notes,
      });
  }, [loaded.data]);
  if (loaded.error) return <ErrorBanner error={loaded.error} />;
  if (!form || !loaded.data) return <p class="muted">{t('loading')}</p>;
  const set = (patch: Partial<Editable>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await request('person.update', { id, patch: { ...form, aliases: splitList(form.aliases) } });
      setSaved(true);
      setError(null);
      loaded.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const hits = result?.hits ?? [];
  const accountKeys = accountKeysOf(
    loaded.data,
    hits.filter((h) => h.kind !== 'post').map((h) => h.accountKey),
  );
  return (
    <article aria-labelledby="person-heading" class="detail">
      <p>
        <a href={href('persons')}>← {t('backToPersons')}</a>
      </p>
      <h1 id="person-heading">{loaded.data.name}</h1>
      <div class="two-col">
        <form class="panel" onSubmit={save} aria-label={t('personEdit')}>
          <h2>{t('personEdit')}</h2>
          <Field
            label={t('personName')}
            value={form.name}
            onInput={(name) => set({ name })}
            required
          />
          <Field
            label={t('personAliases')}
            value={form.aliases}
            onInput={(aliases) => set({ aliases })}
          />
          <AccountsEditor accounts={form.accounts} onChange={(accounts) => set({ accounts })} />
          <TextArea label={t('notes')} value={form.notes} onInput={(notes) => set({ notes })} />
          <ErrorBanner error={error} />
          <div class="row">
            <button type="submit">{t('save')}</button>
            {saved && (
              <span class="ok" role="status">
                {t('settingsSaved')}
              </span>
            )}
          </div>
        </form>
        <section aria-labelledby="account-timeline-heading">
          <h2 id="account-timeline-heading">{t('accountTimeline')}</h2>
          <AccountTimeline accountKeys={accountKeys} />
        </section>
      </div>
      <section aria-labelledby="person-captures-heading">
        <h2 id="person-captures-heading">{t('personCaptures')}</h2>
        {hits.length === 0 ? (
          <p class="muted">{t('timelineEmpty')}</p>
        ) : (
          <CaptureTable hits={hits} />
        )}
      </section>
    </article>
  );
}
