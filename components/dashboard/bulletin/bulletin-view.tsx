import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, type Language } from '../../../lib/i18n/translator';
import { request } from '../../../lib/messaging/client';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { SelectField } from '../../ui/select-field';
import { errorText, useLoad } from '../../ui/use-request';
import { LANGUAGE_NAMES } from '../settings/language-names';
import type { BulletinFormat } from '../../../lib/bulletin/formats';

type Generated = Awaited<ReturnType<typeof request<'bulletin.generate'>>>;

const today = () => new Date().toISOString().slice(0, 10);
const weekAgo = () => new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);

const TYPES: Record<BulletinFormat, { type: string; ext: string }> = {
  html: { type: 'text/html', ext: 'html' },
  markdown: { type: 'text/markdown', ext: 'md' },
  text: { type: 'text/plain', ext: 'txt' },
};

/**
 * Monitoring bulletin: for a case or a date range, in a chosen language, as HTML, Markdown or
 * plain text to paste into Facebook or Telegram (with a copy button).
 */
export function BulletinView(_props: { id: string | null }) {
  const { t, tn, language } = useI18n();
  const cases = useLoad(() => request('case.list'));
  const [scope, setScope] = useState<'range' | 'case'>('range');
  const [caseId, setCaseId] = useState('');
  const [from, setFrom] = useState(weekAgo);
  const [to, setTo] = useState(today);
  const [lang, setLang] = useState<Language>(language);
  const [format, setFormat] = useState<BulletinFormat>('html');
  const [copied, setCopied] = useState(false);
  const [result, setResult] = useState<Generated | null>(null);
  const [download, setDownload] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => void (download && URL.revokeObjectURL(download)), [download]);

  const generate = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const out = await request('bulletin.generate', {
        ...(scope === 'case' ? { caseId } : { from, to }),
        language: lang,
        format,
      });
      setResult(out);
      setCopied(false);
      const { type } = TYPES[format];
      setDownload(URL.createObjectURL(new Blob([out.content], { type: `${type};charset=utf-8` })));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const fileName = `bulletin-${scope === 'case' ? 'case' : `${from}_${to}`}-${lang}.${TYPES[result?.format ?? format].ext}`;
  const copy = () =>
    result &&
    navigator.clipboard
      .writeText(result.content)
      .then(() => setCopied(true))
      .catch((e: unknown) => setError(errorText(e)));

  return (
    <section aria-labelledby="bulletin-heading">
      <h1 id="bulletin-heading">{t('navBulletin')}</h1>
      <p class="muted">{t('bulletinIntro')}</p>
      <form class="panel" onSubmit={generate}>
        <fieldset class="choice">
          <legend>{t('bulletinScope')}</legend>
          <label class="radio">
            <input
              type="radio"
              name="bulletin-scope"
              checked={scope === 'range'}
              onChange={() => setScope('range')}
            />
            {t('bulletinRange')}
          </label>
          <label class="radio">
            <input
              type="radio"
              name="bulletin-scope"
              checked={scope === 'case'}
              onChange={() => setScope('case')}
            />
            {t('bulletinCase')}
          </label>
        </fieldset>
        {scope === 'range' ? (
          <div class="row">
            <Field type="date" label={t('filterFrom')} value={from} onInput={setFrom} required />
            <Field type="date" label={t('filterTo')} value={to} onInput={setTo} required />
          </div>
        ) : (
          <SelectField
            label={t('filterCase')}
            value={caseId}
            onChange={setCaseId}
            options={[
              { value: '', label: t('choose') },
              ...(cases.data ?? []).map((c) => ({ value: c.id, label: c.title })),
            ]}
          />
        )}
        <div class="row">
          <SelectField
            label={t('bulletinLanguage')}
            value={lang}
            onChange={setLang}
            options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          />
          <SelectField
            label={t('bulletinFormat')}
            value={format}
            onChange={setFormat}
            options={[
              { value: 'html', label: 'HTML' },
              { value: 'markdown', label: 'Markdown' },
              { value: 'text', label: t('bulletinFormatText') },
            ]}
          />
        </div>
        <button type="submit" disabled={scope === 'case' && !caseId}>
          {t('bulletinGenerate')}
        </button>
      </form>
      <ErrorBanner error={error ?? cases.error} />
      {result && (
        <section aria-labelledby="bulletin-preview" data-testid="bulletin-result">
          <h2 id="bulletin-preview">
            {t(
              'bulletinPreview',
              tn('countPersons', result.persons),
              tn('countCaptures', result.captures),
            )}
          </h2>
          <div class="row">
            {download && (
              <a class="button" href={download} download={fileName}>
                {t('bulletinDownload', fileName)}
              </a>
            )}
            {result.format !== 'html' && (
              <button type="button" class="secondary" onClick={() => void copy()}>
                {copied ? t('copied') : t('bulletinCopy')}
              </button>
            )}
          </div>
          {result.format === 'html' ? (
            <iframe
              class="snapshot"
              sandbox=""
              title={t('bulletinPreviewFrame')}
              srcdoc={result.content}
            />
          ) : (
            <pre
              class="markdown"
              data-testid="bulletin-markdown"
              // Scrollable: keyboard users must be able to reach and scroll it.
              tabIndex={0}
              aria-label={t('bulletinPreviewFrame')}
            >
              {result.content}
            </pre>
          )}
        </section>
      )}
    </section>
  );
}
