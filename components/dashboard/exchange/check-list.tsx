import type { VerifyResult } from '../../exchange-api';
import { useI18n } from '../../i18n-context';
import { checkText } from '../../../lib/evidence/verify-report';
import { VERIFIER_WORDS } from '../../../lib/evidence/verifier-language';
import { TimestampLines } from './timestamp-lines';

const VERDICT_CLASS = {
  valid: 'ok',
  unconfirmed: 'warn',
  invalid: 'bad',
  unreadable: 'bad',
} as const;
const VERDICT_MARK = { valid: '✓', unconfirmed: '!', invalid: '✗', unreadable: '✗' } as const;

/**
 * Every check of a verification: failures first, then what to know, then what passed. Each line
 * is put into words from its code and parameters in the UI language (never the English `message`).
 */
export function CheckList({ result }: { result: VerifyResult }) {
  const { t, tn, formatBytes, language } = useI18n();
  const words = VERIFIER_WORDS[language];
  const items = [
    ...result.failures.map((c) => ({ c, kind: 'bad' as const })),
    ...result.notes.map((c) => ({ c, kind: 'note' as const })),
    ...result.passed.map((c) => ({ c, kind: 'ok' as const })),
  ];
  return (
    <section class="panel" aria-labelledby="verdict" data-testid="verify-result">
      <h2 id="verdict" class={VERDICT_CLASS[result.verdict]} data-verdict={result.verdict}>
        {VERDICT_MARK[result.verdict]} {t(`verdict_${result.verdict}`)}
      </h2>
      <p>
        {t('verifyFiles', tn('countFiles', result.files), formatBytes(result.bytes))}
        {result.fingerprint && (
          <>
            {' · '}
            {t('keyFingerprint')}: <span class="mono">{result.fingerprint}</span> (
            {t(`pinned_${result.pinned}`)})
          </>
        )}
      </p>
      {result.verdict !== 'unreadable' && (
        <TimestampLines report={result.timestamps} words={words.time} />
      )}
      <ul class="checks">
        {items.map(({ c, kind }, i) => (
          <li key={i} class={`check-${kind}`} data-code={c.code}>
            <span aria-hidden="true">{kind === 'ok' ? '✓' : kind === 'bad' ? '✗' : '!'}</span>
            <span class="visually-hidden">
              {t(kind === 'ok' ? 'checkPassed' : kind === 'bad' ? 'checkFailed' : 'checkNote')}
            </span>{' '}
            {c.file && <span class="mono">{c.file}: </span>}
            {checkText(c, words.checks)}
          </li>
        ))}
      </ul>
    </section>
  );
}
