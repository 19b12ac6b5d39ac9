import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Detection } from '../../lib/messaging/content-protocol';
import { draftKeys } from '../../lib/drafts/draft-store';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { TagForm } from '../tagging/tag-form';
import { ErrorBanner } from '../ui/error-banner';
import { CapturePanel } from './capture-panel';
import { DetectionSummary } from './detection-summary';
import { targetTabId } from './target-tab';
import { useCapture } from './use-capture';

type PageState =
  | { status: 'loading' }
  | { status: 'ready'; tabId: number; page: Detection }
  | { status: 'blocked' };

/** The popup: capture the page in one press, then tag it without leaving. */
export function PopupApp() {
  const { t } = useI18n();
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [tagged, setTagged] = useState(0);
  const ready = page.status === 'ready' ? page : null;
  const capture = useCapture(ready?.tabId, ready?.page.url);

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setPage({ status: 'blocked' });
      setPage({ status: 'ready', tabId, page: await request('tab.probe', { tabId }) });
    })().catch(() => setPage({ status: 'blocked' }));
  }, []);

  const openDashboard = (hash = '') =>
    browser.tabs
      .create({ url: browser.runtime.getURL(`/dashboard.html${hash}` as '/dashboard.html') })
      .then(() => window.close())
      .catch((e: unknown) => setError(String(e)));

  const state = capture.state;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('appTitle')}</h1>
        <button type="button" class="link" onClick={() => openDashboard()}>
          {t('popupOpenDashboard')}
        </button>
      </header>
      <section aria-live="polite" class="detected" aria-label={t('popupDetected')}>
        {page.status === 'loading' && <p class="muted">{t('loading')}</p>}
        {page.status === 'blocked' && <p class="muted">{t('popupCannotCapture')}</p>}
        {ready && (
          <DetectionSummary
            page={ready.page}
            summary={state.status === 'sealed' ? state.summary : null}
          />
        )}
      </section>
      <CapturePanel state={state} disabled={!ready} onCapture={() => void capture.run()} />
      <ErrorBanner error={error} />
      {state.status === 'sealed' && (
        <>
          {tagged > 0 && (
            <p class="ok" role="status" data-testid="tagged">
              {t('tagSaved', tagged)}
            </p>
          )}
          <TagForm
            key={`${state.id}-${tagged}`}
            captureId={state.id}
            draftKey={draftKeys.tags(state.id)}
            autoFocus
            onSaved={(links) => setTagged((n) => n + links.length)}
          />
          <div class="row">
            <button
              type="button"
              class="secondary"
              onClick={() => openDashboard(`#captures/${state.id}`)}
            >
              {t('popupOpenCapture')}
            </button>
            <button type="button" class="secondary" onClick={capture.forget}>
              {t('popupCaptureAgain')}
            </button>
          </div>
        </>
      )}
    </main>
  );
}
