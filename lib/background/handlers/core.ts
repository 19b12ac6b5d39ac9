import type { Detection } from '../../messaging/content-protocol';
import { ProtocolError } from '../../messaging/router';
import type { Handlers } from '../../messaging/router';
import type { Store } from '../../store/store';
import type { StoragePorts } from './dashboard';

/** What the handlers need from the browser, injected so they run in Node tests too. */
export interface BrowserPorts {
  extensionVersion: string;
  probeTab(tabId: number): Promise<Detection>;
  storage: StoragePorts;
}

async function found<T>(value: Promise<T | undefined>, what: string): Promise<T> {
  const result = await value;
  if (result === undefined) throw new ProtocolError('not_found', `${what} not found`);
  return result;
}

/** Handlers of the core messages (persons, cases, tags, custody, settings). */
export function coreHandlers(store: Store, ports: BrowserPorts) {
  return {
    ping: async () => ({ pong: true as const, version: ports.extensionVersion }),
    'tab.probe': async ({ tabId }) => ports.probeTab(tabId),
    'person.create': async ({ person }) => store.persons.create(person),
    'person.update': async ({ id, patch }) => store.persons.update(id, patch),
    'person.list': async () => store.persons.list(),
    'person.get': async ({ id }) => found(store.persons.get(id), `person ${id}`),
    'case.create': async ({ legalCase }) => store.cases.create(legalCase),
    'case.update': async ({ id, patch }) => store.cases.update(id, patch),
    'case.list': async () => store.cases.list(),
    'case.get': async ({ id }) => found(store.cases.get(id), `case ${id}`),
    'link.add': async ({ type: _type, ...input }) => store.links.add(input),
    'link.remove': async ({ id }) => store.links.remove(id),
    'custody.list': async () => store.custody.all(),
    'settings.get': async () => store.settings.all(),
    'settings.set': async ({ patch }) => store.settings.set(patch),
  } satisfies Partial<Handlers>;
}
