// Small stand-ins for what the background handlers reach outside the store: the browser-facing
// ports (tabs, files in the origin-private file system, broadcasts, storage estimates, alarms,
// session storage, the network). Everything else the handlers use is the real lib code.
import { createHandlers, type BrowserPorts } from '../../../../lib/background/handlers/index';
import type { LockerHandlerPorts } from '../../../../lib/background/handlers/locker';
import type { StorageInfo } from '../../../../lib/background/handlers/vault';
import { VaultController, type SavedSession } from '../../../../lib/background/vault-controller';
import { WitnessKeeper } from '../../../../lib/background/witness-keeper';
import { TransportError, type Transport } from '../../../../lib/evidence/timestamp/http';
import type { WitnessPort } from '../../../../lib/integrity/witness';
import type { ExportProgressEvent } from '../../../../lib/messaging/messages/evidence';
import {
  requestSchema,
  type RequestInputOf,
  type RequestOf,
  type RequestType,
} from '../../../../lib/messaging/protocol';
import type { Sender } from '../../../../lib/messaging/router';
import type { LockerPorts } from '../../../../lib/services/locker/ports';
import { LockerRunner } from '../../../../lib/services/locker/runner';
import type { Store } from '../../../../lib/store/store';
import { createVaultStore } from '../../store/vault-store';

type SomeHandlers = {
  [K in RequestType]?: (request: RequestOf<K>, sender: Sender) => Promise<unknown>;
};
type Answer<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * Sends a message to the handlers as the router does once the sender is accepted: parsed by the
 * protocol's schema (defaults filled in), then dispatched by its type.
 */
export function asker<H extends SomeHandlers>(handlers: H) {
  return async <T extends RequestType & keyof H>(
    message: RequestInputOf<T>,
  ): Promise<Answer<H[T]>> => {
    const request = requestSchema.parse(message);
    const handler = handlers[request.type as T] as unknown as (
      r: unknown,
      s: Sender,
    ) => Promise<Answer<H[T]>>;
    return handler(request, {});
  };
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

/** `exports/` in OPFS: files written chunk by chunk, and which ones were discarded. */
export function exportFolder() {
  const files = new Map<string, Uint8Array[]>();
  const discarded: string[] = [];
  let n = 0;
  return {
    files,
    discarded,
    bytes: (name: string) => concat(files.get(name) ?? []),
    create: async () => {
      const name = `dalel-export-${++n}.zip`;
      const chunks: Uint8Array[] = [];
      files.set(name, chunks);
      return {
        name,
        target: async (chunk: Uint8Array) => void chunks.push(chunk.slice()),
        discard: async () => {
          discarded.push(name);
          files.delete(name);
        },
      };
    },
  };
}

/** `imports/` in OPFS: a page places a package there; the handler opens and removes it. */
export function importFolder() {
  const placed = new Map<string, Uint8Array>();
  const removed: string[] = [];
  return {
    placed,
    removed,
    open: async (name: string) => {
      const bytes = placed.get(name);
      if (!bytes) throw new Error(`imports/${name}: no such file`);
      return {
        file: new File([bytes as Uint8Array<ArrayBuffer>], name),
        remove: async () => {
          removed.push(name);
          placed.delete(name);
        },
      };
    },
  };
}

/** A TSA nobody can reach (no network in unit tests). */
export const unreachableTsa: Transport = async () => {
  throw new TransportError('unreachable', 'no network in unit tests');
};

/** Every browser port of `createHandlers`, recording what the handlers asked of them. */
export function fakeBrowserPorts(overrides: Partial<BrowserPorts> = {}) {
  const exports = exportFolder();
  const imports = importFolder();
  const seen = {
    probed: [] as number[],
    broadcasts: [] as ExportProgressEvent[],
    stampRuns: [] as Array<boolean | undefined>,
  };
  const storage: StorageInfo = { usage: 0, quota: 0, persisted: false, evictionExempt: false };
  const ports: BrowserPorts = {
    extensionVersion: '9.8.7',
    probeTab: async (tabId) => {
      seen.probed.push(tabId);
      return {
        url: `https://x.com/tab${tabId}`,
        title: `Tab ${tabId}`,
        platform: 'x',
        contentScriptVersion: '9.8.7',
      };
    },
    runCapture: async () => {
      throw new Error('no capture in these tests');
    },
    tabCaptureStatus: async () => ({ latest: null, running: null }),
    tool: { name: 'dalel', version: 'test' },
    tsaTransport: unreachableTsa,
    createExportFile: exports.create,
    broadcast: (event) => void seen.broadcasts.push(event),
    openImportFile: imports.open,
    stampWorker: {
      afterSeal: () => {},
      run: async (force) => {
        seen.stampRuns.push(force);
        return { stamped: 1, failed: 0, pending: 0, nextAt: null };
      },
    },
    storageInfo: async () => storage,
    ...overrides,
  };
  return { ports, exports, imports, seen, storage };
}

/** Session storage as the browser keeps it for the passphrase lock. */
function memorySession() {
  let value: SavedSession | null = null;
  return {
    peek: () => value,
    port: {
      load: async () => (value ? { ...value } : null),
      save: async (s: SavedSession) => void (value = { ...s }),
      clear: async () => void (value = null),
    },
  };
}

/** storage.local stand-in for the custody witness: outlives the store it watches. */
export function witnessPort(): WitnessPort & { value: unknown } {
  const port = {
    value: null as unknown,
    load: async () => port.value,
    save: async (w: unknown) => void (port.value = structuredClone(w)),
    clear: async () => void (port.value = null),
  };
  return port;
}

/**
 * An encrypted store (as the background opens it) with the real passphrase lock over fake
 * session storage and alarms, restored as at worker start.
 */
export async function lockedStoreSetup() {
  const s = createVaultStore();
  const session = memorySession();
  const alarms: number[] = [];
  const removed: string[] = [];
  let wiped = 0;
  const vault = new VaultController(s.store, s.vault, {
    session: session.port,
    alarm: { schedule: async (m) => void alarms.push(m), clear: async () => void alarms.push(0) },
    removeFiles: async () => void removed.push('exports'),
    forgetWitness: async () => void removed.push('witness'),
    clearDrafts: async () => void removed.push('drafts'),
    onWiped: () => void wiped++,
    commonPasswords: async () => new Set(['password123456']),
  });
  await vault.restore();
  return { ...s, controller: vault, session, alarms, removed, wiped: () => wiped };
}

/** The locker's surroundings: a network that answers nothing, all host permissions given. */
export function fakeLockerPorts(overrides: Partial<LockerPorts> = {}) {
  const fetched: string[] = [];
  const ports: LockerPorts = {
    files: {
      create: async () => {
        throw new Error('no package files in these tests');
      },
      open: async () => null,
      remove: async () => {},
    },
    fetch: async (input) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      throw new TypeError('Failed to fetch');
    },
    now: () => new Date('2026-05-02T00:00:00.000Z'),
    tool: { name: 'dalel', version: 'test' },
    broadcast: () => {},
    hasOrigins: async () => true,
    schedule: async () => {},
    ...overrides,
  };
  return { ports, fetched };
}

/** What `lockerHandlers` needs: the real runner over fake ports, and fake package files. */
export function fakeLockerHandlerPorts(store: Store, overrides: Partial<LockerPorts> = {}) {
  const { ports, fetched } = fakeLockerPorts(overrides);
  const runner = new LockerRunner(store, ports);
  const plainRemoved: number[] = [];
  const pulled: Array<{ name: string; chunks: Uint8Array[]; closed: boolean; aborted: boolean }> =
    [];
  const opened: string[] = [];
  const removedImports: string[] = [];
  const handlerPorts: LockerHandlerPorts = {
    runner,
    ports,
    removePlainFiles: async () => void plainRemoved.push(1),
    createImportFile: async () => {
      const file = { name: `pulled-${pulled.length + 1}.zip`, chunks: [] as Uint8Array[] };
      const entry = { ...file, closed: false, aborted: false };
      pulled.push(entry);
      return {
        name: entry.name,
        write: async (chunk) => void entry.chunks.push(chunk.slice()),
        close: async () => void (entry.closed = true),
        abort: async () => void (entry.aborted = true),
      };
    },
    openImportFile: async (name) => {
      opened.push(name);
      if (!name.startsWith('pulled-')) throw new Error(`imports/${name}: no such file`);
      return { remove: async () => void removedImports.push(name) };
    },
  };
  return { handlerPorts, runner, fetched, plainRemoved, pulled, opened, removedImports };
}

/** Every handler as the background builds them, over an encrypted store and the fakes above. */
export async function allHandlers(
  overrides: Partial<BrowserPorts> = {},
  witness: ReturnType<typeof witnessPort> = witnessPort(),
) {
  const setup = await lockedStoreSetup();
  const browser = fakeBrowserPorts(overrides);
  const locker = fakeLockerHandlerPorts(setup.store);
  const handlers = createHandlers(
    setup.store,
    browser.ports,
    setup.controller,
    new WitnessKeeper(setup.store, witness),
    locker.handlerPorts,
  );
  return { ...setup, ...browser, witness, locker, handlers };
}
