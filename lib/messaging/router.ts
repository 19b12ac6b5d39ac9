import { english, hasMessage } from '../i18n/english';
import { reasonOf, type Reason } from '../i18n/reason';
import { isStorageFull } from '../store/storage-full';
import {
  ACCESS,
  requestSchema,
  type ErrorCode,
  type Request,
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
    /** A translatable reason (lib/messaging/reason.ts), when the monitor reads this. */
    readonly reason?: Reason,
  ) {
    super(message);
  }

  /** An error with a catalog key: the English message from the catalog, the reason beside it. */
  static of(code: ErrorCode, key: string, ...params: Array<string | number>): ProtocolError {
    return new ProtocolError(code, english(key, ...params), { key, params: params.map(String) });
  }
}

function fail(code: ErrorCode, message: string, reason?: Reason): Response<never> {
  return { ok: false, error: reason ? { code, message, reason } : { code, message } };
}

/** Error names thrown below the handlers that carry their own answer code. */
const CODE_OF_ERROR: Record<string, ErrorCode> = {
  StoreFullError: 'storage_full',
  VaultLockedError: 'locked',
  WrongPassphraseError: 'wrong_passphrase',
};

export interface RouterOptions {
  /**
   * Runs after parsing and the sender check, before the handler; throwing a ProtocolError
   * refuses the request (the passphrase lock answers `locked` here).
   */
  guard?: (request: Request, sender: Sender) => Promise<void>;
}

/**
 * Builds the single `onMessage` handler: parse, check the sender, dispatch, and always answer
 * `{ok:true,data}` or `{ok:false,error}` — a handler's exception is an answer, never a crash.
 */
export function createRouter(
  handlers: Handlers,
  self: { id: string; origin: string },
  options: RouterOptions = {},
) {
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
    // The sender is judged before the payload: from a content script, a privileged (or unknown)
    // type is refused without its body ever reaching the parser.
    const claimed = (message as { type?: unknown } | null)?.type;
    if (
      !isExtensionPage(sender) &&
      (typeof claimed !== 'string' || ACCESS[claimed as RequestType] !== 'any-context')
    ) {
      const what = typeof claimed === 'string' ? claimed.slice(0, 60) : 'this message';
      return fail('forbidden', `${what} is only accepted from Dalel's own pages`);
    }
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // A schema whose message is a catalog key ("passphraseTooShort") speaks to the user.
      if (issue && hasMessage(issue.message))
        return fail('invalid_message', english(issue.message), { key: issue.message, params: [] });
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return fail('invalid_message', `${issue?.message ?? 'invalid message'}${where}`);
    }
    const request = parsed.data;
    if (ACCESS[request.type] === 'extension-page' && !isExtensionPage(sender)) {
      return fail('forbidden', `${request.type} is only accepted from Dalel's own pages`);
    }
    try {
      await options.guard?.(request, sender);
      const handler = handlers[request.type] as (r: typeof request, s: Sender) => Promise<unknown>;
      return { ok: true, data: await handler(request, sender) };
    } catch (error) {
      const reason = reasonOf(error);
      if (error instanceof ProtocolError) return fail(error.code, error.message, reason);
      if (isStorageFull(error)) {
        if ((error as Error).name === 'StoreFullError')
          return fail('storage_full', (error as Error).message, reason);
        return fail('storage_full', english('fail_disk_full'), {
          key: 'fail_disk_full',
          params: [],
        });
      }
      const code = CODE_OF_ERROR[(error as { name?: string })?.name ?? ''];
      if (code) return fail(code, (error as Error).message, reason);
      return fail('failed', error instanceof Error ? error.message : String(error), reason);
    }
  };
}
