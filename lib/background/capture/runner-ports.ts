import type { CaptureProgress } from '../../messaging/messages/capture';
import type { CapturePorts } from './capture-ports';

/**
 * Everything the capture runner does outside pure code, injected so Node tests drive it with
 * fakes: the capture pipeline's ports, the toolbar badge, the progress broadcast and the memory
 * of the last failed shortcut capture. browserRunnerPorts() is the extension's.
 */
export interface RunnerPorts {
  capture: CapturePorts;
  /** The tab's toolbar badge (… ✓ ✓! !) and, when given, its tooltip; never rejects. */
  badge(tabId: number, text: string, color: string, title?: string): Promise<void>;
  /** Tells the extension's open pages how a capture is going; nobody may be listening. */
  broadcast(event: CaptureProgress): void;
  /** A successful capture makes the last failure old news; never rejects. */
  forgetLastFailure(): Promise<void>;
}
