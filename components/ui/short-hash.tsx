import { useState } from 'preact/hooks';
import { shortHash } from '../../lib/search/capture-summary';
import { useI18n } from '../i18n-context';

/** The first 12 hex digits of a seal, monospace, with a button copying the full `sha256:…`. */
export function ShortHash({ seal, copy = true }: { seal: string; copy?: boolean }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const [before = '', after = ''] = t('copyHashLabel', '\u0000').split('\u0000');
  const doCopy = () =>
    navigator.clipboard
      .writeText(seal)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  return (
    <span class="short-hash">
      <code class="mono" title={seal} data-testid="short-hash">
        {shortHash(seal)}
      </code>
      {copy && (
        <button type="button" class="small secondary" onClick={doCopy}>
          {/* The visible word stays part of the accessible name, which says what is copied. */}
          <span class="visually-hidden">{before}</span>
          {copied ? t('copied') : t('copy')}
          <span class="visually-hidden">{after}</span>
        </button>
      )}
    </span>
  );
}
