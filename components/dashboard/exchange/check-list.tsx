import type { VerifyResult } from '../../exchange-api';
import { useI18n } from '../../i18n-context';

/** Every check of a verification, failures first, each saying which file and why. */
export function CheckList({ result }: { result: VerifyResult }) {
  const { t, tn, formatBytes } = useI18n();
  const ok = result.verdict === 'valid';
  return (
    <section class="panel" aria-labelledby="verdict" data-testid="verify-result">
      <h2 id="verdict" class={ok ? 'ok' : 'bad'}>
        {ok ? '✓ ' : '✗ '}
        {t(`verdict_${result.verdict}`)}
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
      <ul class="checks">
        {[...result.failures, ...result.passed].map((c, i) => (
          <li key={i} class={c.ok ? 'check-ok' : 'check-bad'}>
            <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span>
            <span class="visually-hidden">{c.ok ? t('checkPassed') : t('checkFailed')}</span>{' '}
            {c.file && <span class="mono">{c.file}: </span>}
            {c.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
