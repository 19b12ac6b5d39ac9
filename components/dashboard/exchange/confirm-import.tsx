import { useId, useState } from 'preact/hooks';
import type { ImportSummary, VerifyResult } from '../../exchange-api';
import { useI18n } from '../../i18n-context';
import { CheckList } from './check-list';

interface Props {
  result: VerifyResult;
  /** This installation's key fingerprint (a backup of one's own needs no confirmation). */
  ownKey: string | null;
  /** Runs the import (`import.run`), with the signer the monitor accepted when unconfirmed. */
  run: (acceptSigner: string | undefined) => Promise<ImportSummary>;
  onError: (error: unknown) => void;
}

/**
 * After verification: every check, then the import — only of a package whose signer is confirmed:
 * against the expected fingerprint, as this installation's own key (a backup), or after the
 * monitor says they compared the fingerprint (recorded in custody). Shared by Import (a file from
 * disk) and Team locker (a package downloaded from the bucket).
 */
export function ConfirmImport({ result, ownKey, run, onError }: Props) {
  const { t, tn, formatNumber } = useI18n();
  const acceptId = useId();
  const [accepted, setAccepted] = useState(false);
  const [imported, setImported] = useState<ImportSummary | null>(null);
  const own = result.verdict === 'unconfirmed' && result.fingerprint === ownKey;
  const canImport =
    !imported &&
    (result.verdict === 'valid' || own || (result.verdict === 'unconfirmed' && accepted));
  const runImport = async () => {
    try {
      setImported(
        await run(
          result.verdict === 'unconfirmed' && accepted
            ? (result.fingerprint ?? undefined)
            : undefined,
        ),
      );
    } catch (e) {
      onError(e);
    }
  };
  return (
    <>
      <CheckList result={result} />
      {result.verdict === 'unconfirmed' && !imported && (
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
      {(result.verdict === 'valid' || result.verdict === 'unconfirmed') && !imported && (
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
    </>
  );
}
