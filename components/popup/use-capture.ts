import { useEffect, useState } from 'preact/hooks';
import { summarizeCapture, type CaptureSummary } from '../../lib/search/capture-summary';
import { captureApi, onCaptureProgress } from '../capture-api';
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
const memoryKey = (tabId: number) => `dalel.popup.capture.${tabId}`;

/**
 * Captures the tab and follows the background's progress events. The sealed capture is
 * remembered per tab and URL, so reopening the popup returns to tagging it instead of losing it.
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
    try {
      const saved = JSON.parse(
        localStorage.getItem(memoryKey(tabId)) ?? 'null',
      ) as Remembered | null;
      if (saved && saved.url === url) void sealed(saved.id, saved.seal);
    } catch {
      localStorage.removeItem(memoryKey(tabId));
    }
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
      localStorage.setItem(memoryKey(tabId), JSON.stringify({ url, id, seal }));
      await sealed(id, seal);
    } catch (e) {
      setState({ status: 'failed', error: errorText(e) });
    } finally {
      stop();
    }
  };

  const forget = () => {
    if (tabId !== undefined) localStorage.removeItem(memoryKey(tabId));
    setState({ status: 'idle' });
  };

  return { state, run, forget };
}
