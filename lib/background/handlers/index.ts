import type { Handlers } from '../../messaging/router';
import type { Store } from '../../store/store';
import { coreHandlers, type BrowserPorts } from './core';
import { dashboardHandlers } from './dashboard';

export type { BrowserPorts };

/** One handler per message type, from every area; `satisfies` fails the build if one is missing. */
export function createHandlers(store: Store, ports: BrowserPorts) {
  return {
    ...coreHandlers(store, ports),
    ...dashboardHandlers(store, ports.storage),
  } satisfies Handlers;
}

type Created = ReturnType<typeof createHandlers>;
/** What each request answers with, for the typed client. */
export type HandlerResults = { [K in keyof Created]: Awaited<ReturnType<Created[K]>> };
