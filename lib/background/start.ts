import { browser } from 'wxt/browser';
import type { Response } from '../messaging/protocol';
import { createRouter, type Sender } from '../messaging/router';
import { createCaptureRunner } from './capture/runner';
import { registerCaptureTriggers } from './capture/triggers';
import { createHandlers } from './handlers/index';
import { createStoreOpener } from './open-store';
import { createExportFile, openImportFile } from './export-file';
import { probeTab } from './probe-tab';

type Route = ReturnType<typeof createRouter>;

/** Wires the background: one message router over the store. Listeners register synchronously. */
export function startBackground(): void {
  const openStore = createStoreOpener();
  // `chrome-extension://<id>` / `moz-extension://<uuid>`, without the trailing slash.
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
  const version = browser.runtime.getManifest().version;
  const runCapture = createCaptureRunner(openStore, version);
  registerCaptureTriggers(runCapture);
  const ports = {
    extensionVersion: version,
    probeTab,
    runCapture,
    tool: { name: 'dalel', version },
    createExportFile,
    openImportFile,
    // Pages listen for progress; with no page open there is no receiver, which is fine.
    broadcast: (event: unknown) => void browser.runtime.sendMessage(event).catch(() => undefined),
    storage: {
      estimate: () => navigator.storage.estimate(),
      persisted: () => navigator.storage.persisted(),
    },
  };
  let routing: Promise<Route> | undefined;
  const getRoute = () =>
    (routing ??= openStore().then((store) => createRouter(createHandlers(store, ports), self)));

  browser.runtime.onMessage.addListener(
    async (message: unknown, sender: Sender): Promise<Response> => {
      let route: Route;
      try {
        route = await getRoute();
      } catch (error) {
        routing = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          error: { code: 'failed', message: `Dalel could not open its storage: ${reason}` },
        };
      }
      return route(message, sender);
    },
  );
}
