import { useState } from 'preact/hooks';
import type { TeamEntry } from '../../../lib/locker/team-listing';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { useLoad } from '../../ui/use-request';
import { pullErrorText } from './pull-error';
import { useOwnKey } from '../exchange/import-view';
import { PulledPackage } from './pulled-package';
import { readerApi } from './reader-api';
import { ReaderForm } from './reader-form';
import { TeamTable } from './team-table';

/**
 * Team locker, the lawyer's or coordinator's side: the packages every monitor deposited in the
 * organisation's bucket, by monitor, case and date (from each package's signed index), and for a
 * chosen one: download, verify against the expected signer, import — the ordinary import.
 */
export function LockerView(_props: { id: string | null }) {
  const { t } = useI18n();
  const ownKey = useOwnKey();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const info = useLoad(() => readerApi.get(), [version]);
  const [entries, setEntries] = useState<TeamEntry[] | null>(null);
  const [listing, setListing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pinned, setPinned] = useState('');
  const [chosen, setChosen] = useState<TeamEntry | null>(null);

  const list = async () => {
    setListing(true);
    setError(null);
    setChosen(null);
    try {
      const answer = await readerApi.list();
      if (!answer.permission) {
        setEntries(null);
        setError(t('lockerPermissionRefused', answer.origins.join(', ')));
      } else setEntries(answer.entries);
    } catch (e) {
      setError(pullErrorText(t, e));
    } finally {
      setListing(false);
    }
  };

  const data = info.data;
  const configured = data?.config && data.hasSecret;
  return (
    <section aria-labelledby="pull-heading" data-testid="locker-pull">
      <h1 id="pull-heading">{t('navLocker')}</h1>
      <p class="muted">{t('pullIntro')}</p>
      {data && (!configured || editing) && (
        <div class="panel">
          <ReaderForm
            initial={data.config}
            hasSecret={data.hasSecret}
            onSaved={() => {
              setEditing(false);
              setVersion((v) => v + 1);
            }}
            onCancel={configured ? () => setEditing(false) : null}
          />
        </div>
      )}
      {data && configured && !editing && (
        <div class="panel">
          <p data-testid="pull-summary">
            {t('pullReading', data.config!.bucket, data.config!.endpoint)}
          </p>
          <Field
            label={t('importPinned')}
            value={pinned}
            onInput={setPinned}
            placeholder={t('importPinnedHint')}
          />
          <button type="button" onClick={() => void list()} disabled={listing}>
            {t('pullList')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setEditing(true)}>
            {t('pullChangeKey')}
          </button>
        </div>
      )}
      <ErrorBanner error={error ?? info.error} />
      {entries && (
        <TeamTable entries={entries} onChoose={(entry) => setChosen(entry)} chosen={chosen} />
      )}
      {chosen && <PulledPackage key={chosen.key} entry={chosen} pinned={pinned} ownKey={ownKey} />}
    </section>
  );
}
