import { useEffect, useId, useState } from 'preact/hooks';
import { exchangeApi, type Progress, type VerifyResult } from '../../exchange-api';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { ProgressBar } from '../../ui/progress-bar';
import { errorText } from '../../ui/use-request';
import { ConfirmImport } from './confirm-import';

/**
 * Import/verify: open a package, see every check, then import it (`ConfirmImport`: only a package
 * whose signer is confirmed).
 */
export function ImportView(_props: { id: string | null }) {
  const { t } = useI18n();
  const fileId = useId();
  const ownKey = useOwnKey();
  const [file, setFile] = useState<File | null>(null);
  const [pinned, setPinned] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  // A new verification starts a new confirmation (nothing accepted, nothing imported yet).
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const verify = async () => {
    if (!file) return;
    setResult(null);
    setError(null);
    setRound((r) => r + 1);
    setProgress({ done: 0, total: file.size });
    try {
      setResult(await exchangeApi.verify(file, setProgress, pinned.trim()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <h1 id="import-heading">{t('navImport')}</h1>
      <p class="muted">{t('importIntro')}</p>
      <div class="panel">
        <div class="field">
          <label class="field-label" for={fileId}>
            {t('importFile')}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => {
              setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null);
              setResult(null);
            }}
          />
        </div>
        <Field
          label={t('importPinned')}
          value={pinned}
          onInput={setPinned}
          placeholder={t('importPinnedHint')}
        />
        <button type="button" onClick={() => void verify()} disabled={!file || progress !== null}>
          {t('importVerify')}
        </button>
      </div>
      {progress && (
        <ProgressBar label={t('verifying')} done={progress.done} total={progress.total} />
      )}
      <ErrorBanner error={error} />
      {result && file && (
        <ConfirmImport
          key={round}
          result={result}
          ownKey={ownKey}
          run={(acceptSigner) =>
            exchangeApi.import(file, { pinnedKey: pinned.trim() || undefined, acceptSigner })
          }
          onError={(e) => setError(errorText(e))}
        />
      )}
    </section>
  );
}

/** This installation's signing key fingerprint, once known (null without a key). */
export function useOwnKey(): string | null {
  const [ownKey, setOwnKey] = useState<string | null>(null);
  useEffect(() => {
    exchangeApi
      .keyInfo()
      .then((k) => setOwnKey(k.fingerprint))
      .catch(() => setOwnKey(null));
  }, []);
  return ownKey;
}
