import WebSocket from 'ws';

/** A BiDi remote value, as `script.evaluate` returns it. */
export interface RemoteValue {
  type: string;
  value?: unknown;
}

type Listener = (params: Record<string, unknown>) => void;

/**
 * A minimal WebDriver BiDi client: commands with ids, their answers, and events. Firefox speaks
 * BiDi natively; nothing else is needed to drive it (no geckodriver, no puppeteer).
 */
export class Bidi {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: any) => void; reject: (e: Error) => void; method: string }
  >();
  private readonly listeners = new Map<string, Set<Listener>>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        id?: number;
        type: string;
        result?: unknown;
        error?: string;
        message?: string;
        method?: string;
        params?: Record<string, unknown>;
      };
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.type === 'error')
          waiting.reject(new Error(`${waiting.method}: ${message.error} ${message.message ?? ''}`));
        else waiting.resolve(message.result);
      } else if (message.method) {
        for (const l of this.listeners.get(message.method) ?? []) l(message.params ?? {});
      }
    });
    socket.on('close', () => {
      for (const [, waiting] of this.pending)
        waiting.reject(new Error(`${waiting.method}: the browser closed the connection`));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<Bidi> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new Bidi(socket);
  }

  send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(event: string, listener: Listener): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  close(): void {
    this.socket.close();
  }

  /**
   * Runs `fn(arg)` in a browsing context (a tab, an extension page, or with system access the
   * browser window itself) and returns its JSON result. Values cross as JSON text, so only
   * JSON-able data goes in and out.
   */
  async call<T>(context: string, fn: string, arg: unknown = null): Promise<T> {
    const expression = `(async () => JSON.stringify(await (${fn})(${JSON.stringify(arg)}) ?? null))()`;
    const result = await this.send<{
      type: string;
      result?: RemoteValue;
      exceptionDetails?: { text: string };
    }>('script.evaluate', { expression, target: { context }, awaitPromise: true });
    if (result.type === 'exception')
      throw new Error(`script failed in ${context}: ${result.exceptionDetails?.text}`);
    return JSON.parse(String(result.result?.value ?? 'null')) as T;
  }
}
