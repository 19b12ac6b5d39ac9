import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  LAST_FAILURE_KEY,
  parseLastFailure,
  type LastFailure as Failure,
} from '../../lib/capture/trigger-failure';
import { useI18n } from '../i18n-context';

/**
 * The last capture that failed from the keyboard shortcut or the context menu (kept by the
 * background in memory-only `storage.session`): why, when, and on which page, until dismissed or
 * a later capture succeeds. Read directly, not through the background's protocol, so it shows even
 * when the archive cannot be opened at all.
 */
export function LastFailure() {
  const { t, formatTime } = useI18n();
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    const session = browser.storage.session;
    const load = () =>
      session
        .get(LAST_FAILURE_KEY)
        .then((got) => setFailure(parseLastFailure(got[LAST_FAILURE_KEY])))
        .catch(() => setFailure(null));
    void load();
    const changed = (_changes: unknown, area: string) => {
      if (area === 'session') void load();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);

  if (!failure) return null;
  const dismiss = () => void browser.storage.session.remove(LAST_FAILURE_KEY);
  return (
    <section role="alert" class="error last-failure" data-testid="last-failure">
      <strong>{t('lastFailureTitle')}</strong>
      <p>{t(`failureReason_${failure.reason}`)}</p>
      <p class="muted">{failure.message}</p>
      <p class="muted">
        {t(`lastFailureVia_${failure.via}`, formatTime(failure.at))}
        {failure.url && <span class="url"> {failure.url}</span>}
      </p>
      <button type="button" class="link" onClick={dismiss}>
        {t('lastFailureDismiss')}
      </button>
    </section>
  );
}
