import type { CaptureStage } from '../../messaging/messages/capture';

/** The newest capture sealed in a tab, whatever started it (popup, shortcut, context menu). */
export interface TabCapture {
  captureId: string;
  seal: string;
  /** The page the capture is of: the popup offers it only while the tab still shows this URL. */
  url: string;
  sealedAt: string;
}

/** A capture running in a tab now, and the stage it has reached. */
export interface TabRunning {
  stage: CaptureStage;
  done: number;
  total: number;
}

export interface TabCaptureStatus {
  latest: TabCapture | null;
  running: TabRunning | null;
}

/**
 * Where the latest capture per tab is kept: the browser's session storage (memory only, never
 * on disk, gone when the browser exits), so a service worker that slept still knows it.
 */
export interface TabCapturesPort {
  load(): Promise<Record<string, TabCapture>>;
  save(map: Record<string, TabCapture>): Promise<void>;
}

/**
 * What the popup needs to show a capture it did not start: the newest capture sealed in each
 * tab and the capture running in it. The monitor who pressed Alt+Shift+S and then opens the popup
 * sees that capture (and tags it) instead of being offered to capture the page again.
 */
export class TabCaptures {
  private readonly running = new Map<number, TabRunning>();
  private latest: Promise<Record<string, TabCapture>> | null = null;
  constructor(private readonly port: TabCapturesPort) {}

  private load(): Promise<Record<string, TabCapture>> {
    this.latest ??= this.port.load().catch(() => ({}));
    return this.latest;
  }

  progress(tabId: number, running: TabRunning): void {
    this.running.set(tabId, running);
  }

  finished(tabId: number): void {
    this.running.delete(tabId);
  }

  async sealed(tabId: number, capture: TabCapture): Promise<void> {
    this.running.delete(tabId);
    const map = { ...(await this.load()), [String(tabId)]: capture };
    this.latest = Promise.resolve(map);
    await this.port.save(map).catch(() => undefined); // a courtesy: the capture itself is stored
  }

  async closed(tabId: number): Promise<void> {
    this.running.delete(tabId);
    const map = { ...(await this.load()) };
    if (!(String(tabId) in map)) return;
    delete map[String(tabId)];
    this.latest = Promise.resolve(map);
    await this.port.save(map).catch(() => undefined);
  }

  /** Forget a capture everywhere (it was deleted, or the archive wiped). */
  async forgetAll(): Promise<void> {
    this.latest = Promise.resolve({});
    await this.port.save({}).catch(() => undefined);
  }

  async status(tabId: number): Promise<TabCaptureStatus> {
    const map = await this.load();
    return { latest: map[String(tabId)] ?? null, running: this.running.get(tabId) ?? null };
  }
}
