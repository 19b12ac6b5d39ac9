import {
  collectedSchema,
  documentChunkSchema,
  metricsSchema,
  settledSchema,
  pageCheckSchema,
  type Collected,
  type CollectTarget,
  type PageMetrics,
} from '../../messaging/content-protocol';
import { fromBase64 } from '../../evidence/hex';
import { ReasonedError } from '../../i18n/reason';
import type { TabPorts } from './capture-ports';

/**
 * A capture failed for a reason the monitor should read (a key of the locale catalogs, so the
 * popup says it in their language); nothing was stored.
 */
export class CaptureAbort extends ReasonedError {
  constructor(key: string, ...params: Array<string | number>) {
    super(key, ...params);
    this.name = 'CaptureAbort';
  }
}

/** Without the monitor's press on this tab there is no activeTab grant: no reading, no screenshot. */
export const NO_GESTURE = 'fail_no_gesture';

const CLOSED = 'fail_tab_closed';
const NAVIGATED = 'fail_navigated';

/** The capture content script in one tab, and checks that the tab still shows the same document. */
export class TabSession {
  private session = '';
  private url = '';
  constructor(
    readonly tabId: number,
    private readonly tabs: TabPorts,
  ) {}

  async tab() {
    try {
      return await this.tabs.get(this.tabId);
    } catch {
      throw new CaptureAbort(CLOSED);
    }
  }

  async inject(): Promise<void> {
    await this.tab();
    try {
      await this.tabs.inject(this.tabId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Dalel holds no standing access to any site: the page is readable only after a press.
      if (/permission to access|Cannot access contents/i.test(reason))
        throw new CaptureAbort(NO_GESTURE);
      throw new CaptureAbort('fail_cannot_inject', reason);
    }
  }

  private async ask(message: Record<string, unknown>): Promise<unknown> {
    let answer: unknown;
    try {
      answer = await this.tabs.send(this.tabId, message);
    } catch {
      await this.tab();
      throw new CaptureAbort(NAVIGATED);
    }
    if (answer && typeof answer === 'object' && 'error' in answer)
      throw new CaptureAbort('fail_page_unreadable', String((answer as { error: unknown }).error));
    return answer;
  }

  /** Waits (at most `maxMs`) for the page to load and stop changing; says whether it did. */
  async settle(maxMs: number) {
    return settledSchema.parse(await this.ask({ type: 'cs.settle', maxMs }));
  }

  /** The document file `collect` held (a PDF tab), read in chunks, at most `max` bytes. */
  async readDocument(nonce: string, size: number, max: number): Promise<Uint8Array> {
    if (size > max) throw new Error(`${size} bytes, over the ${max}-byte limit`);
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (;;) {
      const chunk = documentChunkSchema.parse(
        await this.ask({ type: 'cs.documentChunk', nonce, offset }),
      );
      const part = fromBase64(chunk.base64);
      if (offset + part.length > size) throw new Error('the file grew while it was read');
      bytes.set(part, offset);
      offset += part.length;
      if (chunk.done) break;
    }
    if (offset !== size) throw new Error(`read ${offset} of ${size} bytes`);
    return bytes;
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
    if (!tab.active) throw new CaptureAbort('fail_tab_switched');
  }
}
