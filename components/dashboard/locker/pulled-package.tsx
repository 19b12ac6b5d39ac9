import { useEffect, useState } from 'preact/hooks';
import type { TeamEntry } from '../../../lib/locker/team-listing';
import { exchangeApi, type Progress, type VerifyResult } from '../../exchange-api';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { ProgressBar } from '../../ui/progress-bar';
import { errorText } from '../../ui/use-request';
import { pullErrorText } from './pull-error';
import { ConfirmImport } from '../exchange/confirm-import';
import { readerApi } from './reader-api';

interface Props {
  entry: TeamEntry;
  pinned: string;
  ownKey: string | null;
}

/**
 * One package from the bucket: downloaded by the background into `imports/`, verified here with
 * the same verifier as a file opened from disk (pinned signer), then imported through the same
 * `import.run`, which verifies those bytes again. A package that is not imported is deleted.
 */
export function PulledPackage({ entry, pinned, ownKey }: Props) {
  const { t } = useI18n();
  const [stage, setStage] = useState<'download' | 'verify' | 'done'>('download');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [staged, setStaged] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notIndexed, setNotIndexed] = useState(false);

  useEffect(() => {
    let name: string | null = null;
    let cancelled = false;
    void (async () => {
      try {
        const got = await readerApi.fetch(entry.key!);
        name = got.file;
        if (cancelled) return void readerApi.discard(got.file).catch(() => undefined);
        setStaged(got.file);
        // Not evidence either way (the verification decides), but worth saying: the object is
        // not the package its monitor signed the index for (replaced in the bucket?).
        setNotIndexed(
          entry.source === 'index' && !!entry.facts && entry.facts.sha256 !== got.sha256,
        );
        setStage('verify');
        const file = await exchangeApi.openStaged(got.file);
        setProgress({ done: 0, total: file.size });
        const report = await exchangeApi.verify(file, setProgress, pinned.trim());
        if (cancelled) return;
        setResult(report);
        // Nothing to import from a package that failed: its download goes at once.
        if (report.verdict !== 'valid' && report.verdict !== 'unconfirmed')
          void readerApi.discard(got.file).catch(() => undefined);
      } catch (e) {
        if (!cancelled) setError(pullErrorText(t, e));
        if (name) void readerApi.discard(name).catch(() => undefined);
      } finally {
        if (!cancelled) {
          setProgress(null);
          setStage('done');
        }
      }
    })();
    return () => {
      cancelled = true;
      // Leaving without importing: the plaintext download does not stay behind.
      if (name) void readerApi.discard(name).catch(() => undefined);
    };
  }, [entry.key, pinned]);

  return (
    <div class="panel" data-testid="pulled-package">
      <h3>
        {t('pullChosen')} <span class="mono">{entry.packageId}</span>
      </h3>
      {stage === 'download' && <p role="status">{t('pullDownloading')}</p>}
      {progress && (
        <ProgressBar label={t('verifying')} done={progress.done} total={progress.total} />
      )}
      <ErrorBanner error={error} />
      {notIndexed && (
        <p class="warn-panel" role="alert" data-testid="pull-not-indexed">
          {t('pullShaMismatch')}
        </p>
      )}
      {result && staged && (
        <>
          {result.verdict === 'invalid' && (
            <p class="error" role="alert" data-testid="pull-not-imported">
              {t('pullInvalid')}
            </p>
          )}
          <ConfirmImport
            result={result}
            ownKey={ownKey}
            run={(acceptSigner) =>
              exchangeApi.importStaged(staged, {
                pinnedKey: pinned.trim() || undefined,
                acceptSigner,
              })
            }
            onError={(e) => setError(errorText(e))}
          />
        </>
      )}
    </div>
  );
}
