import { useEffect, useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import { CASE_STATUSES, type LegalCase } from '../../../lib/model/legal-case';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { SelectField } from '../../ui/select-field';
import { TextArea } from '../../ui/text-area';
import { errorText, useLoad } from '../../ui/use-request';
import { EvidenceTimeline } from '../captures/evidence-timeline';
import { useCaptureSearch } from '../captures/use-search';
import { href } from '../route';
import { DatesEditor } from './dates-editor';
import { GroundsEditor } from './grounds-editor';
import { OfficialsEditor } from './officials-editor';

type Editable = Omit<LegalCase, 'id' | 'createdAt' | 'updatedAt'>;

/** One case: its facts (editable; each save is a custody event) and its captures as a timeline. */
export function CaseDetail({ id }: { id: string }) {
  const { t, formatTime } = useI18n();
  const loaded = useLoad(() => request('case.get', { id }), [id]);
  const [form, setForm] = useState<Editable | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { result } = useCaptureSearch({ caseId: id }, 0);
  const persons = useLoad(() => request('person.list'));

  useEffect(() => {
    if (!loaded.data) return;
    const { id: _id, createdAt: _c, updatedAt: _u, ...editable } = loaded.data;
    setForm(editable);
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
      await request('case.update', { id, patch: form });
      setSaved(true);
      setError(null);
      loaded.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <article aria-labelledby="case-heading" class="detail">
      <p>
        <a href={href('cases')}>← {t('backToCases')}</a>
      </p>
      <h1 id="case-heading">{loaded.data.title}</h1>
      <p class="muted">
        {[loaded.data.article, loaded.data.caseNumber].filter(Boolean).join(' · ')} ·{' '}
        {t('updatedAt', formatTime(loaded.data.updatedAt))}
      </p>
      <div class="two-col">
        <form class="panel" onSubmit={save} aria-label={t('caseEdit')}>
          <h2>{t('caseEdit')}</h2>
          <Field
            label={t('caseTitle')}
            value={form.title}
            onInput={(title) => set({ title })}
            required
          />
          <Field
            label={t('caseArticle')}
            value={form.article}
            onInput={(article) => set({ article })}
            placeholder={t('caseArticleExample')}
          />
          <Field
            label={t('caseNumber')}
            value={form.caseNumber}
            onInput={(caseNumber) => set({ caseNumber })}
          />
          <Field
            label={t('caseJurisdiction')}
            value={form.jurisdiction}
            onInput={(jurisdiction) => set({ jurisdiction })}
          />
          <SelectField
            label={t('caseStatus')}
            value={form.status}
            onChange={(status) => set({ status })}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))}
          />
          <OfficialsEditor
            officials={form.officials}
            onChange={(officials) => set({ officials })}
          />
          <DatesEditor dates={form.dates} onChange={(dates) => set({ dates })} />
          <GroundsEditor
            grounds={form.grounds}
            persons={persons.data ?? []}
            onChange={(grounds) => set({ grounds })}
          />
          <TextArea
            label={t('notes')}
            value={form.notes}
            onInput={(notes) => set({ notes })}
            rows={4}
          />
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
        <section aria-labelledby="case-timeline-heading">
          <h2 id="case-timeline-heading">{t('caseTimeline')}</h2>
          <EvidenceTimeline hits={result?.hits ?? []} />
        </section>
      </div>
    </article>
  );
}
