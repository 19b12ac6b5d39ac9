import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Detection } from '../../lib/messaging/content-protocol';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { ErrorBanner } from '../ui/error-banner';

/**
 * The tab the popup acts on: the active tab, or `?tabId=` when the popup is opened as a page
 * (keyboard users with a detached popup, and the end-to-end tests).
 */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

type PageState =
  { status: 'loading' } | { status: 'ready'; page: Detection } | { status: 'blocked' };

/** The popup: what page is open and what Dalel detects on it. */
export function PopupApp() {
  const { t } = useI18n();
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setState({ status: 'blocked' });
      const page = await request('tab.probe', { tabId });
      setState({ status: 'ready', page });
    })().catch(() => setState({ status: 'blocked' }));
  }, []);

  const openDashboard = () =>
    browser.tabs
      .create({ url: browser.runtime.getURL('/dashboard.html') })
      .then(() => window.close())
      .catch((e: unknown) => setError(String(e)));

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('appTitle')}</h1>
      </header>
      <section aria-live="polite" class="detected">
        {state.status === 'loading' && <p class="muted">{t('loading')}</p>}
        {state.status === 'blocked' && <p class="muted">{t('popupCannotCapture')}</p>}
        {state.status === 'ready' && (
          <dl>
            <dt>{t('popupThisPage')}</dt>
            <dd class="clip" title={state.page.url}>
              {state.page.title || state.page.url}
            </dd>
            <dt>{t('popupPlatform')}</dt>
            <dd data-testid="platform">{state.page.platform}</dd>
          </dl>
        )}
      </section>
      <ErrorBanner error={error} />
      <footer>
        <button type="button" class="secondary" onClick={openDashboard}>
          {t('popupOpenDashboard')}
        </button>
      </footer>
    </main>
  );
}
