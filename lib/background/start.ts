import { browser } from 'wxt/browser';
import { logEvent } from '../log';
import type { Response } from '../messaging/protocol';
import { reportTriggerFailure, STORAGE_UNAVAILABLE } from '../capture/trigger-failure';
import { createRouter, ProtocolError, type Sender } from '../messaging/router';
import { checkIntegrity } from '../store/integrity';
import { ALLOWED_WHILE_LOCKED } from '../messaging/messages/vault';
import {
  alarmPort,
  onAutoLockAlarm,
  sessionPort,
  storageInfo,
  tabCapturesPort,
  witnessPort,
} from './browser-ports';
import { browserFailurePorts } from './capture/failure-report';
import { TabCaptures } from './capture/tab-captures';
import { Thumbnails } from './thumbnails';
import { createCaptureRunner } from './capture/runner';
import { registerCaptureTriggers } from './capture/triggers';
import { createHandlers } from './handlers/index';
import { createStoreOpener, type OpenedStore } from './open-store';
import { createExportFile, openImportFile, removeExportFiles } from './export-file';
import { registerFirstRun } from './first-run';
import { probeTab } from './probe-tab';
import { loadReportFont } from './report-font';
import { chooseStoreBackend, openDbOn } from './store-backend';
import { WitnessKeeper } from './witness-keeper';

type Route = ReturnType<typeof createRouter>;

function storageUnavailable(error: unknown): string {
  return `${STORAGE_UNAVAILABLE}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The cheap startup check waits this long so it does not compete with the first answer. */
const STARTUP_CHECK_DELAY_MS = 1_000;
interface Routing {
  route: Route;
  witness: WitnessKeeper;
}

/** The cheap integrity check at startup; its result is logged as counts only. */
async function startupCheck({ store, vault }: OpenedStore, witness: WitnessKeeper): Promise<void> {
  if ((await vault.status()).locked) return;
  const report = await checkIntegrity(store, false);
  const lost = await witness.check();
  logEvent(report.ok && !lost.length ? 'integrity.startup_ok' : 'integrity.startup_damage', {
    damage: report.damage.length + lost.length,
    events: report.checked.custodyEvents,
  });
}

/** Wires the background: one message router over the store. Listeners register synchronously. */
export function startBackground(): void {
  let routing: Promise<Routing> | undefined;
  let startupTimer: ReturnType<typeof setTimeout> | undefined;
  const tabCaptures = new TabCaptures(tabCapturesPort);
  let thumbnails: Thumbnails | undefined;
  // Chosen once per start (lib/background/store-backend.ts); storage.info reports it.
  const backend = chooseStoreBackend();
  const openStore = createStoreOpener({
    openDb: async (onBroken) => openDbOn(await backend, onBroken),
    session: sessionPort,
    alarm: alarmPort,
    // When the lock closes: the plaintext exports and the thumbnails held in memory go too.
    removeFiles: () => {
      thumbnails?.clear();
      return removeExportFiles();
    },
    forgetWitness: () => witnessPort.clear(),
    onWiped: () => {
      void tabCaptures.forgetAll();
      thumbnails?.clear();
      // A check still waiting would open the wiped database's successor only to report on it.
      clearTimeout(startupTimer);
      routing = undefined;
    },
  });
  // `chrome-extension://<id>` / `moz-extension://<uuid>`, without the trailing slash.
  registerFirstRun();
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
  const version = browser.runtime.getManifest().version;
  browser.tabs.onRemoved.addListener((tabId) => void tabCaptures.closed(tabId));
  const runCapture = createCaptureRunner(
    () => openStore().then((o) => o.store),
    version,
    tabCaptures,
  );
  // The context menu and keyboard command bypass the router: check the lock here too.
  registerCaptureTriggers(
    async (tabId, options) => {
      const opened = await openStore().catch((error: unknown) => {
        throw new ProtocolError('failed', storageUnavailable(error));
      });
      await opened.vault.guard('capture.run');
      return runCapture(tabId, options);
    },
    (tabId, via, error) => reportTriggerFailure(browserFailurePorts, tabId, via, error),
  );
  const ports = {
    extensionVersion: version,
    probeTab,
    storageInfo: async () => ({ ...(await storageInfo()), backend: await backend }),
    runCapture,
    tabCaptureStatus: (tabId: number) => tabCaptures.status(tabId),
    thumbnail: (sha256: string, open: (ref: string) => Promise<Blob>) =>
      (thumbnails ??= new Thumbnails(open)).get(sha256),
    tool: { name: 'dalel', version },
    createExportFile,
    openImportFile,
    reportFont: loadReportFont,
    // Pages listen for progress; with no page open there is no receiver, which is fine.
    broadcast: (event: unknown) => void browser.runtime.sendMessage(event).catch(() => undefined),
  };
  const getRoute = () =>
    (routing ??= openStore().then((opened) => {
      const witness = new WitnessKeeper(opened.store, witnessPort);
      // After the request that woke the worker (usually a screen opening): its answer first.
      startupTimer = setTimeout(() => {
        startupCheck(opened, witness).catch(() => logEvent('integrity.startup_failed'));
      }, STARTUP_CHECK_DELAY_MS);
      const route = createRouter(createHandlers(opened.store, ports, opened.vault, witness), self, {
        guard: (request) => opened.vault.guard(request.type),
      });
      return { route, witness };
    }));

  onAutoLockAlarm(() => {
    openStore()
      .then(({ vault }) => vault.idleExpired())
      .catch(() => logEvent('vault.auto_lock_failed'));
  });

  browser.runtime.onMessage.addListener(
    async (message: unknown, sender: Sender): Promise<Response> => {
      let routed: Routing;
      try {
        routed = await getRoute();
      } catch (error) {
        routing = undefined;
        return { ok: false, error: { code: 'failed', message: storageUnavailable(error) } };
      }
      const response = await routed.route(message, sender);
      // Anything answered while unlocked may have appended to the log: move its witness on.
      const type = (message as { type?: unknown } | null)?.type;
      if (response.ok && typeof type === 'string' && !ALLOWED_WHILE_LOCKED.has(type))
        void routed.witness.advance();
      return response;
    },
  );
}
