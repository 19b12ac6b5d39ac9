import { useEffect, useState } from 'preact/hooks';
import { summarizeCapture, type CaptureSummary } from '../../lib/search/capture-summary';
import { draftKeys } from '../../lib/drafts/draft-store';
import { captureApi, onCaptureProgress } from '../capture-api';
import { drafts } from '../drafts';
import { errorText } from '../ui/use-request';

export type CaptureState =
  | { status: 'idle' }
  | { status: 'sealing'; stage: string | null; done: number; total: number }
  | { status: 'sealed'; id: string; seal: string; summary: CaptureSummary | null }
  | { status: 'failed'; error: string };

interface Remembered {
  url: string;
  id: string;
  seal: string;
}

/**
 * Captures the tab and follows the background's progress events. The sealed capture is
 * remembered per tab and URL (in session storage, see lib/drafts), so reopening the popup returns
 * to tagging it instead of losing it.
 */
export function useCapture(tabId: number | undefined, url: string | undefined) {
  const [state, setState] = useState<CaptureState>({ status: 'idle' });

  const sealed = async (id: string, seal: string) => {
    setState({ status: 'sealed', id, seal, summary: null });
    try {
      const { capture } = await captureApi.get(id);
      setState({ status: 'sealed', id, seal, summary: summarizeCapture(capture) });
    } catch {
      // The hash is what matters; the summary is a convenience.
    }
  };

  useEffect(() => {
    if (tabId === undefined || url === undefined) return;
    drafts
      .load<Remembered>(draftKeys.capture(tabId))
      .then((saved) => {
        if (saved && saved.url === url) void sealed(saved.id, saved.seal);
      })
      .catch(() => undefined);
  }, [tabId, url]);

  const run = async () => {
    if (tabId === undefined) return;
    setState({ status: 'sealing', stage: null, done: 0, total: 0 });
    const stop = onCaptureProgress((event) => {
      if (event.tabId === tabId)
        setState((s) =>
          s.status === 'sealing' ? { ...s, done: event.done, total: event.total } : s,
        );
    });
    try {
      const { id, seal } = await captureApi.run(tabId);
      await drafts.save(draftKeys.capture(tabId), { url, id, seal }).catch(() => undefined);
      await sealed(id, seal);
    } catch (e) {
      setState({ status: 'failed', error: errorText(e) });
    } finally {
      stop();
    }
  };

  const forget = () => {
    if (tabId !== undefined) void drafts.remove(draftKeys.capture(tabId)).catch(() => undefined);
    setState({ status: 'idle' });
  };

  return { state, run, forget };
}
