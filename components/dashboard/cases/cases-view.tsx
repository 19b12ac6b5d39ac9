import { useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import { CASE_STATUSES } from '../../../lib/model/legal-case';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { SelectField } from '../../ui/select-field';
import { errorText, useLoad } from '../../ui/use-request';
import { href } from '../route';
import { CaseDetail } from './case-detail';

/** Cases: the list and a quick "new case"; with an id, the case's detail. */
export function CasesView({ id }: { id: string | null }) {
  if (id) return <CaseDetail id={id} />;
  return <CaseList />;
}

const EMPTY = { title: '', article: '', caseNumber: '', jurisdiction: '' };

function CaseList() {
  const { t, formatTime } = useI18n();
  const cases = useLoad(() => request('case.list'));
  const [form, setForm] = useState(EMPTY);
  const [status, setStatus] = useState<(typeof CASE_STATUSES)[number]>('investigation');
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

  const create = async (event: Event) => {
    event.preventDefault();
    try {
      await request('case.create', { legalCase: { ...form, status } });
      setForm(EMPTY);
      cases.reload();
    } catch (e) {
      cases.setError(errorText(e));
    }
  };

  return (
    <section aria-labelledby="cases-heading">
      <h1 id="cases-heading">{t('navCases')}</h1>
      <ErrorBanner error={cases.error} />
      {cases.data?.length === 0 && <p class="muted">{t('casesEmpty')}</p>}
      <ul class="cards" data-testid="case-list">
        {cases.data?.map((c) => (
          <li key={c.id} class="card">
            <a href={href('cases', c.id)} class="card-title">
              {c.title}
            </a>
            <span>{[c.article, c.caseNumber, c.jurisdiction].filter(Boolean).join(' · ')}</span>
            <span class="muted">
              {t(`status_${c.status}`)} · {t('updatedAt', formatTime(c.updatedAt))}
            </span>
          </li>
        ))}
      </ul>
      <form class="panel" onSubmit={create}>
        <h2>{t('caseNew')}</h2>
        <Field label={t('caseTitle')} value={form.title} onInput={set('title')} required />
        <Field
          label={t('caseArticle')}
          value={form.article}
          onInput={set('article')}
          placeholder={t('caseArticleExample')}
        />
        <Field label={t('caseNumber')} value={form.caseNumber} onInput={set('caseNumber')} />
        <Field
          label={t('caseJurisdiction')}
          value={form.jurisdiction}
          onInput={set('jurisdiction')}
        />
        <SelectField
          label={t('caseStatus')}
          value={status}
          onChange={setStatus}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))}
        />
        <button type="submit">{t('caseCreate')}</button>
      </form>
    </section>
  );
}
