import type { Detection } from '../../messaging/content-protocol';
import { ProtocolError } from '../../messaging/router';
import type { Handlers } from '../../messaging/router';
import { RecordNotFoundError } from '../../store/record-not-found';
import type { Store } from '../../store/store';

/** What the handlers need from the browser, injected so they run in Node tests too. */
export interface BrowserPorts {
  extensionVersion: string;
  probeTab(tabId: number): Promise<Detection>;
}

async function found<T>(value: Promise<T | undefined>, what: string): Promise<T> {
  const result = await value;
  if (result === undefined) throw new ProtocolError('not_found', `${what} not found`);
  return result;
}

/** A write naming a record that is not there answers `not_found`, as a read of it does. */
async function existing<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof RecordNotFoundError) throw new ProtocolError('not_found', error.message);
    throw error;
  }
}

/** Handlers of the core messages (persons, cases, tags, custody, settings). */
export function coreHandlers(store: Store, ports: BrowserPorts) {
  return {
    ping: async () => ({ pong: true as const, version: ports.extensionVersion }),
    'tab.probe': async ({ tabId }) => ports.probeTab(tabId),
    'person.create': async ({ person }) => store.persons.create(person),
    'person.update': async ({ id, patch }) => existing(store.persons.update(id, patch)),
    'person.list': async () => store.persons.list(),
    'person.get': async ({ id }) => found(store.persons.get(id), `person ${id}`),
    'case.create': async ({ legalCase }) => store.cases.create(legalCase),
    'case.update': async ({ id, patch }) => existing(store.cases.update(id, patch)),
    'case.list': async () => store.cases.list(),
    'case.get': async ({ id }) => found(store.cases.get(id), `case ${id}`),
    'link.add': async ({ type: _type, ...input }) => existing(store.links.add(input)),
    'link.remove': async ({ id }) => existing(store.links.remove(id)),
    'custody.list': async () => store.custody.all(),
    'settings.get': async () => store.settings.all(),
    'settings.set': async ({ patch }) => store.settings.set(patch),
  } satisfies Partial<Handlers>;
}
