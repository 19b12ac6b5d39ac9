import {
  ACCESS,
  requestSchema,
  type ErrorCode,
  type RequestOf,
  type RequestType,
  type Response,
} from './protocol';

/** The parts of a runtime message sender the router judges; a plain object, so it tests in Node. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

export type Handlers = {
  [T in RequestType]: (request: RequestOf<T>, sender: Sender) => Promise<unknown>;
};

/** An error a handler throws on purpose, with the code the caller sees. */
export class ProtocolError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: ErrorCode, message: string): Response<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Builds the single `onMessage` handler: parse, check the sender, dispatch, and always answer
 * `{ok:true,data}` or `{ok:false,error}` — a handler's exception is an answer, never a crash.
 */
export function createRouter(handlers: Handlers, self: { id: string; origin: string }) {
  // Both `url` and `origin` must point at our own origin when given (Chrome gives both, Firefox
  // may give only `url`); a content script's sender carries the web page's URL instead.
  const isExtensionPage = (sender: Sender) => {
    if (sender.id !== self.id || (sender.url === undefined && sender.origin === undefined))
      return false;
    const urlOk = sender.url === undefined || sender.url.startsWith(`${self.origin}/`);
    const originOk = sender.origin === undefined || sender.origin === self.origin;
    return urlOk && originOk;
  };

  return async function route(message: unknown, sender: Sender): Promise<Response> {
    if (sender.id !== self.id) return fail('forbidden', 'message from another extension');
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return fail('invalid_message', `${issue?.message ?? 'invalid message'}${where}`);
    }
    const request = parsed.data;
    if (ACCESS[request.type] === 'extension-page' && !isExtensionPage(sender)) {
      return fail('forbidden', `${request.type} is only accepted from Dalel's own pages`);
    }
    try {
      const handler = handlers[request.type] as (r: typeof request, s: Sender) => Promise<unknown>;
      return { ok: true, data: await handler(request, sender) };
    } catch (error) {
      if (error instanceof ProtocolError) return fail(error.code, error.message);
      if ((error as { name?: string })?.name === 'StoreFullError')
        return fail('storage_full', (error as Error).message);
      return fail('failed', error instanceof Error ? error.message : String(error));
    }
  };
}
