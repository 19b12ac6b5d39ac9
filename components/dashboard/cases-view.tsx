import { useState } from 'preact/hooks';
import { CASE_STATUSES } from '../../lib/model/legal-case';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';
import { Field } from '../ui/field';
import { useLoad } from '../ui/use-request';

export function CasesView() {
  const { t, formatTime } = useI18n();
  const cases = useLoad(() => request('case.list'));
  const [form, setForm] = useState({ title: '', article: '', caseNumber: '', jurisdiction: '' });
  const [status, setStatus] = useState<(typeof CASE_STATUSES)[number]>('investigation');
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

  const create = async (event: Event) => {
    event.preventDefault();
    try {
      await request('case.create', { legalCase: { ...form, status } });
      setForm({ title: '', article: '', caseNumber: '', jurisdiction: '' });
      cases.reload();
    } catch (e) {
      cases.setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="cases-heading">
      <h2 id="cases-heading">{t('navCases')}</h2>
      <ErrorBanner error={cases.error} />
      {cases.data?.length === 0 && <p class="muted">{t('casesEmpty')}</p>}
      <ul class="cards" data-testid="case-list">
        {cases.data?.map((c) => (
          <li key={c.id} class="card">
            <strong>{c.title}</strong>
            <span>{[c.article, c.caseNumber, c.jurisdiction].filter(Boolean).join(' · ')}</span>
            <span class="muted">
              {t(`status_${c.status}`)} · {formatTime(c.updatedAt)}
            </span>
          </li>
        ))}
      </ul>
      <form class="panel" onSubmit={create}>
        <h3>{t('caseNew')}</h3>
        <Field label={t('caseTitle')} value={form.title} onInput={set('title')} required />
        <Field label={t('caseArticle')} value={form.article} onInput={set('article')} />
        <Field label={t('caseNumber')} value={form.caseNumber} onInput={set('caseNumber')} />
        <Field
          label={t('caseJurisdiction')}
          value={form.jurisdiction}
          onInput={set('jurisdiction')}
        />
        <label class="field">
          <span class="field-label">{t('caseStatus')}</span>
          <select
            value={status}
            onChange={(e) =>
              setStatus((e.currentTarget as HTMLSelectElement).value as typeof status)
            }
          >
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('caseCreate')}</button>
      </form>
    </section>
  );
}
