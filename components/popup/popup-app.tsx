import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Detection } from '../../lib/messaging/content-protocol';
import type { Link } from '../../lib/model/link';
import { draftKeys } from '../../lib/drafts/draft-store';
import { request } from '../../lib/messaging/client';
import { summarizeCapture } from '../../lib/search/capture-summary';
import { useI18n } from '../i18n-context';
import { TagForm } from '../tagging/tag-form';
import { ErrorBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-request';
import { CapturePanel } from './capture-panel';
import { DetectionSummary } from './detection-summary';
import { SealedCapture } from './sealed-capture';
import { TagsLine } from './tags-line';
import { targetTabId } from './target-tab';
import { UntaggedCaptures } from './untagged-captures';
import { useCapture } from './use-capture';

type PageState =
  | { status: 'loading' }
  | { status: 'ready'; tabId: number; page: Detection }
  | { status: 'blocked' };

/**
 * The popup: capture the page in one press, then tag it without leaving. A capture of this tab
 * made any other way (shortcut, context menu, an earlier popup) is shown and tagged the same way,
 * and captures tagged to nobody are listed below.
 */
export function PopupApp() {
  const { t } = useI18n();
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Link[] | null>(null);
  const [version, setVersion] = useState(0);
  const ready = page.status === 'ready' ? page : null;
  const capture = useCapture(ready?.tabId, ready?.page.url);
  const known = useLoad(() => request('recent.list'), [version]);

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
  const sealed = state.status === 'sealed' ? state : null;
  const persons = known.data?.persons ?? [];
  const cases = known.data?.cases ?? [];
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
            summary={sealed?.capture ? summarizeCapture(sealed.capture) : null}
          />
        )}
      </section>
      <CapturePanel state={state} disabled={!ready} onCapture={() => void capture.run()} />
      <ErrorBanner error={error} />
      {sealed && (
        <>
          <SealedCapture
            seal={sealed.seal}
            sealedAt={sealed.sealedAt}
            warnings={sealed.capture?.warnings ?? []}
          />
          <TagsLine links={sealed.links} persons={persons} cases={cases} />
          {saved && saved.length > 0 && (
            <p class="ok" role="status" data-testid="tagged">
              {t(
                'tagSavedTo',
                [
                  ...new Set(
                    saved.map((l) =>
                      [
                        persons.find((p) => p.id === l.personId)?.name,
                        cases.find((c) => c.id === l.caseId)?.title,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    ),
                  ),
                ].join('; '),
              )}
            </p>
          )}
          <TagForm
            key={`${sealed.id}-${sealed.links.length}`}
            captureId={sealed.id}
            draftKey={draftKeys.tags(sealed.id)}
            autoFocus
            heading={sealed.links.length ? t('tagAddMore') : undefined}
            onSaved={(links) => {
              setSaved(links);
              setVersion((v) => v + 1);
              void capture.reloadTags();
            }}
          />
          <div class="row">
            <button
              type="button"
              class="secondary"
              onClick={() => openDashboard(`#captures/${sealed.id}`)}
            >
              {t('popupOpenCapture')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setSaved(null);
                capture.again();
              }}
            >
              {t('popupCaptureAgain')}
            </button>
          </div>
        </>
      )}
      <UntaggedCaptures
        exclude={sealed?.id ?? null}
        version={version}
        onTagged={() => setVersion((v) => v + 1)}
      />
    </main>
  );
}
