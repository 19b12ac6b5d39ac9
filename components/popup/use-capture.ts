import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import {
  isCaptureStep,
  type CaptureStage,
  type CaptureStep,
} from '../../lib/messaging/messages/capture';
import type { Capture } from '../../lib/model/capture';
import type { Link } from '../../lib/model/link';
import { captureApi, onCaptureProgress } from '../capture-api';
import { errorText } from '../ui/use-request';

export type CaptureState =
  | { status: 'idle' }
  | { status: 'sealing'; stage: CaptureStage | null; done: number; total: number }
  | {
      status: 'sealed';
      id: string;
      seal: string;
      sealedAt: string;
      capture: Capture | null;
      links: Link[];
    }
  /** `step`: the step it failed in, when it had begun one. */
  | { status: 'failed'; error: unknown; step: CaptureStep | null };

/**
 * The capture of this tab: the newest one sealed here (by this popup, the shortcut, the context
 * menu, or while the popup was closed — the background keeps it per tab), one running now, or
 * none yet. Reopening the popup therefore returns to tagging the capture instead of offering to
 * capture the page again.
 */
export function useCapture(tabId: number | undefined, url: string | undefined) {
  const [state, setState] = useState<CaptureState>({ status: 'idle' });
  // A capture this popup started ends with its own answer, not with the broadcast.
  const own = useRef(false);
  // The step the running capture reached (from its progress), named if it fails.
  const step = useRef<CaptureStep | null>(null);

  const sealed = async (id: string, seal: string, sealedAt: string) => {
    setState({ status: 'sealed', id, seal, sealedAt, capture: null, links: [] });
    try {
      const { capture, links } = await captureApi.get(id);
      setState({ status: 'sealed', id, seal, sealedAt: capture.sealedAt, capture, links });
    } catch {
      // The hash is what matters; the summary is a convenience.
    }
  };

  /** Asks the background what this tab has: a capture sealed at this URL, or one running. */
  const refresh = async () => {
    if (tabId === undefined || url === undefined) return;
    const { latest, running } = await request('capture.ofTab', { tabId });
    if (running) setState({ status: 'sealing', ...running });
    else if (latest && latest.url === url)
      await sealed(latest.captureId, latest.seal, latest.sealedAt);
  };

  useEffect(() => {
    if (tabId === undefined || url === undefined) return;
    refresh().catch(() => undefined);
    // Progress of any capture of this tab, including one the shortcut started.
    return onCaptureProgress((event) => {
      if (event.tabId !== tabId) return;
      if (isCaptureStep(event.stage)) step.current = event.stage;
      if (event.failedAt) step.current = event.failedAt;
      if (event.stage === 'done' || event.stage === 'failed') {
        if (!own.current) refresh().catch(() => undefined);
        return;
      }
      setState((s) =>
        s.status === 'sealing' || s.status === 'idle'
          ? { status: 'sealing', stage: event.stage, done: event.done, total: event.total }
          : s,
      );
    });
  }, [tabId, url]);

  const run = async () => {
    if (tabId === undefined) return;
    setState({ status: 'sealing', stage: null, done: 0, total: 0 });
    own.current = true;
    step.current = null;
    try {
      const { id, seal } = await captureApi.run(tabId);
      await sealed(id, seal, new Date().toISOString());
    } catch (e) {
      setState({ status: 'failed', error: e, step: step.current });
    } finally {
      own.current = false;
    }
  };

  /** Re-reads the capture's tags after some were saved. */
  const reloadTags = async () => {
    if (state.status !== 'sealed') return;
    await sealed(state.id, state.seal, state.sealedAt);
  };

  const again = () => setState({ status: 'idle' });

  return { state, run, again, reloadTags, errorOf: errorText };
}
