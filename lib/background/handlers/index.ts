import type { Handlers } from '../../messaging/router';
import type { Store } from '../../store/store';
import { captureHandlers, type CapturePorts } from './capture';
import { coreHandlers, type BrowserPorts as CorePorts } from './core';
import { dashboardHandlers } from './dashboard';
import { evidenceHandlers, type EvidencePorts } from './evidence';

export type BrowserPorts = CorePorts & CapturePorts & EvidencePorts;

/** One handler per message type, from every area; `satisfies` fails the build if one is missing. */
export function createHandlers(store: Store, ports: BrowserPorts) {
  return {
    ...coreHandlers(store, ports),
    ...dashboardHandlers(store, ports.storage),
    ...captureHandlers(store, ports),
    ...evidenceHandlers(store, ports),
  } satisfies Handlers;
}

type Created = ReturnType<typeof createHandlers>;
/** What each request answers with, for the typed client. */
export type HandlerResults = { [K in keyof Created]: Awaited<ReturnType<Created[K]>> };
