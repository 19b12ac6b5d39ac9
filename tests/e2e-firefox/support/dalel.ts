import type { Bidi } from './bidi';
import { EXTENSION_ORIGIN } from './firefox';

export type Answer = { ok: boolean; data?: any; error?: { code: string; message: string } };

/** Opens a new tab at `url` (waits for its load) and returns its browsing context. */
export async function openTab(
  bidi: Bidi,
  url: string,
  wait: 'complete' | 'interactive' = 'complete',
) {
  const { context } = await bidi.send<{ context: string }>('browsingContext.create', {
    type: 'tab',
  });
  await bidi.send('browsingContext.navigate', { context, url, wait });
  return context;
}

/** Brings a tab to the front (what the monitor looks at is what a gesture captures). */
export async function activate(bidi: Bidi, context: string): Promise<void> {
  await bidi.send('browsingContext.activate', { context });
}

/**
 * An extension page (the dashboard) kept open in its own tab: the place to send Dalel's protocol
 * from, as the dashboard itself does, and to reach the popup (`extension.getViews`).
 */
export class DalelPage {
  private constructor(
    private readonly bidi: Bidi,
    readonly context: string,
  ) {}

  static async open(bidi: Bidi, page = 'dashboard.html'): Promise<DalelPage> {
    const context = await openTab(bidi, `${EXTENSION_ORIGIN}/${page}`);
    return new DalelPage(bidi, context);
  }

  /** Sends one protocol message and returns the raw answer. */
  send(message: Record<string, unknown>): Promise<Answer> {
    return this.bidi.call<Answer>(this.context, '(m) => browser.runtime.sendMessage(m)', message);
  }

  /** Sends and insists on success. */
  async ok<T = any>(message: Record<string, unknown>): Promise<T> {
    const answer = await this.send(message);
    if (!answer.ok)
      throw new Error(`${String(message.type)}: ${answer.error?.code} ${answer.error?.message}`);
    return answer.data as T;
  }

  /** Runs `fn(arg)` in this extension page (`browser.*` available). */
  eval<T>(fn: string, arg: unknown = null): Promise<T> {
    return this.bidi.call<T>(this.context, fn, arg);
  }

  /** Runs `fn(document, arg)` in the open popup, once it is open and has rendered. */
  async inPopup<T>(fn: string, arg: unknown = null, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = await this.eval<boolean>(
        `() => browser.extension.getViews({ type: 'popup' }).some((v) => v.document.readyState === 'complete' && v.document.querySelector('main'))`,
      );
      if (open) break;
      if (Date.now() > deadline) throw new Error('the popup did not open');
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.eval<T>(
      `(arg) => (${fn})(browser.extension.getViews({ type: 'popup' })[0].document, arg)`,
      arg,
    );
  }

  /** Waits until `fn(document)` in the popup returns something truthy, and returns it. */
  async waitInPopup<T>(fn: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = await this.inPopup<T>(fn).catch(() => null);
      if (got) return got;
      if (Date.now() > deadline) {
        const text = await this.inPopup<string>('(d) => d.body.innerText').catch(String);
        throw new Error(`timed out in the popup waiting for ${fn}; it shows: ${text}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The toolbar badge and tooltip Dalel set on the tab in front. */
  badge(): Promise<{ text: string; title: string; tabId: number }> {
    return this.eval(`async () => {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return {
        tabId: tab.id,
        text: await browser.browserAction.getBadgeText({ tabId: tab.id }),
        title: await browser.browserAction.getTitle({ tabId: tab.id }),
      };
    }`);
  }

  /** Presses the popup's Capture button once the popup knows the page (the button is enabled). */
  async captureFromPopup(): Promise<void> {
    await this.waitInPopup(
      `(d) => { const b = d.querySelector('button.primary'); if (!b || b.disabled) return false; b.click(); return true; }`,
    );
  }

  /** Every artifact of a capture, read back through `artifact.get`, with its bytes. */
  async artifacts(capture: {
    artifacts: Array<{ name: string; role: string; sha256: string; size: number }>;
  }) {
    const out = [];
    for (const ref of capture.artifacts) {
      const got = await this.ok<{ base64: string }>({ type: 'artifact.get', sha256: ref.sha256 });
      out.push({ ...ref, bytes: Buffer.from(got.base64, 'base64') });
    }
    return out;
  }

  /** Waits until there are `count` captures and returns them (newest first). */
  async waitForCaptures(count: number, timeoutMs = 20_000): Promise<any[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await this.send({ type: 'capture.list' });
      if (answer.ok && answer.data.length >= count) return answer.data;
      if (Date.now() > deadline)
        throw new Error(
          `expected ${count} captures, have ${answer.ok ? answer.data.length : JSON.stringify(answer.error)}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
