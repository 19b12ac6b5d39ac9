import { useEffect, useId, useState } from 'preact/hooks';
import {
  exchangeApi,
  type ImportSummary,
  type Progress,
  type VerifyResult,
} from '../../exchange-api';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { ProgressBar } from '../../ui/progress-bar';
import { errorText } from '../../ui/use-request';
import { CheckList } from './check-list';

/**
 * Import/verify: open a package, see every check, then import it. Only a package whose signer is
 * confirmed is imported: against the expected fingerprint, as this installation's own key (a
 * backup), or after the monitor says they compared the fingerprint (recorded in custody).
 */
export function ImportView(_props: { id: string | null }) {
  const { t, tn, formatNumber } = useI18n();
  const fileId = useId();
  const acceptId = useId();
  const [ownKey, setOwnKey] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  useEffect(() => {
    exchangeApi
      .keyInfo()
      .then((k) => setOwnKey(k.fingerprint))
      .catch(() => setOwnKey(null));
  }, []);
  const [file, setFile] = useState<File | null>(null);
  const [pinned, setPinned] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [imported, setImported] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const verify = async () => {
    if (!file) return;
    setResult(null);
    setImported(null);
    setError(null);
    setAccepted(false);
    setProgress({ done: 0, total: file.size });
    try {
      setResult(await exchangeApi.verify(file, setProgress, pinned.trim()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  };
  const runImport = async () => {
    if (!file || !result) return;
    try {
      setImported(
        await exchangeApi.import(file, {
          pinnedKey: pinned.trim() || undefined,
          acceptSigner:
            result.verdict === 'unconfirmed' && accepted
              ? (result.fingerprint ?? undefined)
              : undefined,
        }),
      );
    } catch (e) {
      setError(errorText(e));
    }
  };
  const own = result?.verdict === 'unconfirmed' && result.fingerprint === ownKey;
  const canImport =
    !imported &&
    (result?.verdict === 'valid' || own || (result?.verdict === 'unconfirmed' && accepted));

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
      {result && <CheckList result={result} />}
      {result?.verdict === 'unconfirmed' && !imported && (
        <div class="warn-panel" data-testid="import-unconfirmed">
          {own ? (
            <p>{t('importOwnKey')}</p>
          ) : (
            <>
              <p>{t('importUnconfirmed', result.fingerprint ?? '')}</p>
              <label for={acceptId}>
                <input
                  id={acceptId}
                  type="checkbox"
                  checked={accepted}
                  onChange={(e) => setAccepted((e.currentTarget as HTMLInputElement).checked)}
                />{' '}
                {t('importAcceptSigner')}
              </label>
            </>
          )}
        </div>
      )}
      {result && (result.verdict === 'valid' || result.verdict === 'unconfirmed') && !imported && (
        <button type="button" onClick={() => void runImport()} disabled={!canImport}>
          {t('importRun')}
        </button>
      )}
      {imported && (
        <p class="ok" role="status" data-testid="import-summary">
          ✓{' '}
          {t(
            'importDone',
            [
              tn('countCaptures', imported.imported.captures),
              tn('countPersons', imported.imported.persons),
              tn('countCases', imported.imported.cases),
              tn('countTags', imported.imported.links),
            ].join(', '),
          )}{' '}
          {t(
            'importDuplicates',
            formatNumber(
              imported.duplicates.captures +
                imported.duplicates.persons +
                imported.duplicates.cases +
                imported.duplicates.links,
            ),
          )}
        </p>
      )}
    </section>
  );
}
