import { useState } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { Field } from '../ui/field';

/** Inline "new case": title and article, created without leaving the form it sits in. */
export function NewCaseForm({
  initialTitle,
  onCreate,
  onCancel,
}: {
  initialTitle: string;
  onCreate: (input: { title: string; article: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(initialTitle);
  const [article, setArticle] = useState('');
  // A nested <form> is invalid HTML: this is a group whose Enter key submits it.
  const submit = () => title.trim() && onCreate({ title: title.trim(), article: article.trim() });
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
