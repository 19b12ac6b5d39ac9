import { useState } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { Field } from '../ui/field';

/** What the inline form creates a case with: an investigator becomes the case's first official. */
export interface NewCaseInput {
  title: string;
  article: string;
  caseNumber: string;
  officials: Array<{ name: string; role: 'investigator'; position: string }>;
}

/**
 * Inline "new case": title, article, case number and investigator, created without leaving the
 * form it sits in (the rest is edited in the dashboard).
 */
export function NewCaseForm({
  initialTitle,
  onCreate,
  onCancel,
}: {
  initialTitle: string;
  onCreate: (input: NewCaseInput) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(initialTitle);
  const [article, setArticle] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [investigator, setInvestigator] = useState('');
  // A nested <form> is invalid HTML: this is a group whose Enter key submits it.
  const submit = () =>
    title.trim() &&
    onCreate({
      title: title.trim(),
      article: article.trim(),
      caseNumber: caseNumber.trim(),
      officials: investigator.trim()
        ? [{ name: investigator.trim(), role: 'investigator', position: '' }]
        : [],
    });
  return (
    <div
      class="inline-form"
      role="group"
      aria-label={t('caseNew')}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          submit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Field label={t('caseTitle')} value={title} onInput={setTitle} required autoFocus />
      <Field
        label={t('caseArticle')}
        value={article}
        onInput={setArticle}
        placeholder={t('caseArticleExample')}
      />
      <Field label={t('caseNumber')} value={caseNumber} onInput={setCaseNumber} />
      <Field
        label={t('caseInvestigator')}
        value={investigator}
        onInput={setInvestigator}
        placeholder={t('caseInvestigatorExample')}
      />
      <div class="row">
        <button type="button" onClick={submit} disabled={!title.trim()}>
          {t('caseCreate')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
