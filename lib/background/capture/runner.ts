import { englishCatalog } from '../../i18n/english';
import { reasonOf } from '../../i18n/reason';
import { matchWarning } from '../../i18n/warnings';
import { ProtocolError } from '../../messaging/router';
import { failedProgress, isCaptureStep, type CaptureStep } from '../../messaging/messages/capture';
import type { Capture } from '../../model/capture';
import type { Store } from '../../store/store';
import type { CaptureOptions } from './capture-options';
import { runCapture } from './pipeline';
import type { RunnerPorts } from './runner-ports';
import type { TabCaptures } from './tab-captures';

/**
 * One capture per tab at a time, with progress broadcast and the toolbar badge (… ✓ !); used by
 * `capture.run`, the context menu and the keyboard command alike. The browser is reached only
 * through `ports` (browserRunnerPorts() in the extension, fakes in Node tests).
 */
export function createCaptureRunner(
  openStore: () => Promise<Store>,
  extensionVersion: string,
  ports: RunnerPorts,
  tabs?: TabCaptures,
  /** Told of every sealed capture after it is stored (capture-time time stamps). */
  onSealed: (capture: Capture) => void = () => {},
) {
  const running = new Set<number>();
  return async function run(tabId: number, options: CaptureOptions = {}): Promise<Capture> {
    if (running.has(tabId)) throw ProtocolError.of('failed', 'fail_already_running');
    running.add(tabId);
    await ports.badge(tabId, '…', '#666666');
    // The step running now: a failure names it (popup, progress event, badge).
    let step: CaptureStep | null = null;
    try {
      const store = await openStore();
      const capture = await runCapture(
        tabId,
        {
          store,
          extensionVersion,
          ports: ports.capture,
          onProgress: (stage, done, total) => {
            if (isCaptureStep(stage)) step = stage;
            tabs?.progress(tabId, { stage, done, total });
            ports.broadcast({ type: 'capture.progress', tabId, stage, done, total });
          },
        },
        options,
      );
      onSealed(capture);
      await tabs?.sealed(tabId, {
        captureId: capture.id,
        seal: capture.seal,
        url: capture.url,
        sealedAt: capture.sealedAt,
      });
      // Sealed, but with something the monitor should know (still loading, a video not kept):
      // an amber mark and the reason in the button's tooltip, not a plain green ✓.
      const warned = capture.warnings.filter((w) => matchWarning(englishCatalog, w));
      if (warned.length) await ports.badge(tabId, '✓!', '#a15c00', `Dalel: ${warned.join(' ')}`);
      else await ports.badge(tabId, '✓', '#1a7f37', `Dalel: captured ${capture.url}`);
      await ports.forgetLastFailure();
      return capture;
    } catch (error) {
      ports.broadcast(failedProgress(tabId, step));
      const message = error instanceof Error ? error.message : String(error);
      await ports.badge(tabId, '!', '#b3261e', `Dalel: capture failed — ${message}`);
      if (
        error instanceof Error &&
        (error.name === 'StoreFullError' || error instanceof ProtocolError)
      )
        throw error;
      if (reasonOf(error)) throw new ProtocolError('failed', message, reasonOf(error));
      throw ProtocolError.of('failed', 'fail_unexpected', message);
    } finally {
      tabs?.finished(tabId);
      running.delete(tabId);
    }
  };
}
