import { browser } from 'wxt/browser';
import {
  collectedSchema,
  metricsSchema,
  pageCheckSchema,
  type Collected,
  type CollectTarget,
  type PageMetrics,
} from '../../messaging/content-protocol';
import { CAPTURE_SCRIPT } from '../probe-tab';

/** A capture failed for a reason the monitor should read; nothing was stored. */
export class CaptureAbort extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureAbort';
  }
}

/** Without the monitor's press on this tab there is no activeTab grant: no reading, no screenshot. */
export const NO_GESTURE =
  'Dalel can read a page and take its screenshot only after you press its button, its shortcut or "Capture this page" on that tab. Press it and try again; nothing was saved.';

const CLOSED = 'The tab was closed before the capture finished; nothing was saved.';
const NAVIGATED =
  'The page changed (navigated or reloaded) during the capture; nothing was saved. Wait until it has loaded and capture again.';

/** The capture content script in one tab, and checks that the tab still shows the same document. */
export class TabSession {
  private session = '';
  private url = '';
  constructor(readonly tabId: number) {}

  async tab() {
    try {
      return await browser.tabs.get(this.tabId);
    } catch {
      throw new CaptureAbort(CLOSED);
    }
  }

  async inject(): Promise<void> {
    await this.tab();
    try {
      await browser.scripting.executeScript({
        target: { tabId: this.tabId },
        files: [CAPTURE_SCRIPT],
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Dalel holds no standing access to any site: the page is readable only after a press.
      if (/permission to access|Cannot access contents/i.test(reason))
        throw new CaptureAbort(NO_GESTURE);
      throw new CaptureAbort(
        `Dalel cannot read this page (${reason}). Browser pages, error pages and the web store cannot be captured.`,
      );
    }
  }

  private async ask(message: Record<string, unknown>): Promise<unknown> {
    let answer: unknown;
    try {
      answer = await browser.tabs.sendMessage(this.tabId, message);
    } catch {
      await this.tab();
      throw new CaptureAbort(NAVIGATED);
    }
    if (answer && typeof answer === 'object' && 'error' in answer)
      throw new CaptureAbort(
        `The page could not be read: ${String((answer as { error: unknown }).error)}`,
      );
    return answer;
  }

  async collect(nonce: string, target?: CollectTarget): Promise<Collected> {
    const collected = collectedSchema.parse(
      await this.ask({ type: 'cs.collect', nonce, ...(target ? { target } : {}) }),
    );
    this.session = collected.session;
    this.url = collected.environment.url;
    return collected;
  }

  async scrollTo(x: number, y: number): Promise<PageMetrics> {
    return metricsSchema.parse(await this.ask({ type: 'cs.scroll', x, y }));
  }

  /** Throws unless the tab is open, shows the same document at the same URL, and is active. */
  async assertSame(): Promise<void> {
    const tab = await this.tab();
    const check = pageCheckSchema.parse(await this.ask({ type: 'cs.check' }));
    if (check.session !== this.session || check.url !== this.url) throw new CaptureAbort(NAVIGATED);
    if (!tab.active)
      throw new CaptureAbort(
        'The tab was switched away during the capture; nothing was saved. Stay on the tab until it finishes.',
      );
  }
}
