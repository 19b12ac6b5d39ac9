import { contentRequestSchema, type ContentRequest } from '../messaging/content-protocol';
import { platformOfUrl } from '../platforms/platform-of-url';
import { collectPage, pageMetrics, scrollPage } from './collect';
import { documentChunk } from './document-file';
import { waitForSettled } from './settle';

export const CONTENT_SCRIPT_VERSION = '0.2.0';

/** Firefox's `menus` API as the content script sees it (it names a context menu's element). */
export type MenusApi = { menus?: { getTargetElement?(id: number): Element | null } };

type Handler = (
  request: never,
  win: Window,
  session: string,
  menus?: MenusApi,
) => Promise<unknown> | unknown;

const HANDLERS: {
  [T in ContentRequest['type']]: (
    r: Extract<ContentRequest, { type: T }>,
    win: Window,
    session: string,
    menus?: MenusApi,
  ) => Promise<unknown> | unknown;
} = {
  'cs.detect': (_r, win) => ({
    url: win.location.href,
    title: win.document.title,
    platform: platformOfUrl(new URL(win.location.href)),
    contentScriptVersion: CONTENT_SCRIPT_VERSION,
  }),
  'cs.settle': (r, win) => waitForSettled(win, r.maxMs),
  'cs.collect': (r, win, session, menus) => collectPage(win, session, r.nonce, r.target, menus),
  'cs.documentChunk': (r) => documentChunk(r.nonce, r.offset),
  'cs.metrics': (_r, win) => pageMetrics(win),
  'cs.scroll': (r, win) => scrollPage(win, r.x, r.y),
  'cs.check': (_r, win, session) => ({ session, url: win.location.href }),
};

/**
 * Answers one background request about the page. Never throws into the page: a failure is an
 * `{ error }` answer. `session` is random per injection, so the background can tell whether the
 * document it started capturing is still the one in the tab.
 */
export async function handleContentRequest(
  message: unknown,
  win: Window,
  session: string,
  menus?: MenusApi,
): Promise<unknown> {
  const parsed = contentRequestSchema.safeParse(message);
  if (!parsed.success) return { error: 'unknown request' };
  try {
    const handler = HANDLERS[parsed.data.type] as Handler;
    return await handler(parsed.data as never, win, session, menus);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
