import { browser } from 'wxt/browser';
import { logEvent } from '../log';
import type { Response } from '../messaging/protocol';
import { reportTriggerFailure, STORAGE_UNAVAILABLE } from '../capture/trigger-failure';
import { createRouter, ProtocolError, type Sender } from '../messaging/router';
import { checkIntegrity } from '../store/integrity';
import { ALLOWED_WHILE_LOCKED } from '../messaging/messages/vault';
import {
  alarmPort,
  clearDrafts,
  commonPasswords,
  onAutoLockAlarm,
  removeFromHistory,
  sessionPort,
  storageInfo,
  tabCapturesPort,
  witnessPort,
} from './browser-ports';
import { browserRunnerPorts } from './capture/browser-runner-ports';
import { browserFailurePorts } from './capture/failure-report';
import { TabCaptures } from './capture/tab-captures';
import { Thumbnails } from './thumbnails';
import { createCaptureRunner } from './capture/runner';
import { registerCaptureTriggers } from './capture/triggers';
import { createHandlers } from './handlers/index';
import { createStoreOpener, type OpenedStore } from './open-store';
import {
  createExportFile,
  createImportFile,
  openImportFile,
  removeExportFiles,
  removeImportFiles,
} from './export-file';
import { registerFirstRun } from './first-run';
import { removeLockerFiles } from './locker-files';
import { browserLockerPorts, onLockerAlarm } from './locker-ports';
import { LockerRunner } from '../services/locker/runner';
import { enqueueExport } from '../services/locker/enqueue-export';
import { probeTab } from './probe-tab';
import { loadReportFont } from './report-font';
import { chooseStoreBackend, openDbOn } from './store-backend';
import { WitnessKeeper } from './witness-keeper';
import { createStampWorker } from './stamp-worker';
import { httpTransport } from '../evidence/timestamp/http';

type Route = ReturnType<typeof createRouter>;

function storageUnavailable(error: unknown): string {
  return `${STORAGE_UNAVAILABLE}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The cheap startup check waits this long so it does not compete with the first answer. */
const STARTUP_CHECK_DELAY_MS = 1_000;
interface Routing {
  route: Route;
  witness: WitnessKeeper;
  locker: LockerRunner;
}

/** Plaintext package files outside IndexedDB: exports and packages waiting for the locker. */
async function removePlainFiles(): Promise<void> {
  await removeExportFiles();
  await removeLockerFiles();
  await removeImportFiles();
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
    // When the lock closes: the plaintext package files, the thumbnails held in memory and the
    // tabs' latest captures (their URLs) go too.
    removeFiles: () => {
      thumbnails?.clear();
      void tabCaptures.forgetAll();
      return removePlainFiles();
    },
    forgetWitness: () => witnessPort.clear(),
    commonPasswords,
    clearDrafts,
    removeFromHistory,
    onWiped: () => {
      void tabCaptures.forgetAll();
      thumbnails?.clear();
      // A check still waiting would open the wiped database's successor only to report on it.
      clearTimeout(startupTimer);
      routing = undefined;
    },
    // Unlocked (or no lock): packages waiting for the locker can go now.
    onUnlocked: () => kickLocker(),
  });
  // `chrome-extension://<id>` / `moz-extension://<uuid>`, without the trailing slash.
  registerFirstRun();
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
  const version = browser.runtime.getManifest().version;
  browser.tabs.onRemoved.addListener((tabId) => void tabCaptures.closed(tabId));
  const tsaTransport = httpTransport();
  const stampWorker = createStampWorker(openStore, tsaTransport);
  const capture = createCaptureRunner(
    () => openStore().then((o) => o.store),
    version,
    browserRunnerPorts(),
    tabCaptures,
    (sealed) => stampWorker.afterSeal(sealed),
  );
  // A sealed capture may be due for the locker: the queue looks at the custody log's new events.
  const runCapture = async (tabId: number, options?: Parameters<typeof capture>[1]) => {
    const sealed = await capture(tabId, options);
    kickLocker();
    return sealed;
  };
  const lockerPorts = browserLockerPorts({ name: 'dalel', version });
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
    tsaTransport,
    stampWorker,
    afterExport: async (exported: Parameters<typeof enqueueExport>[1]) => {
      const opened = await getRoute();
      if (await enqueueExport((await openStore()).store, exported)) kickLockerOf(opened);
    },
    // Pages listen for progress; with no page open there is no receiver, which is fine.
    broadcast: (event: unknown) => void browser.runtime.sendMessage(event).catch(() => undefined),
  };
  const getRoute = () =>
    (routing ??= openStore().then((opened) => {
      const witness = new WitnessKeeper(opened.store, witnessPort);
      // After the request that woke the worker (usually a screen opening): its answer first.
      startupTimer = setTimeout(() => {
        startupCheck(opened, witness).catch(() => logEvent('integrity.startup_failed'));
        // Capture-time stamps that waited for the network while the worker slept.
        stampWorker.run().catch(() => logEvent('timestamp.queue_failed'));
      }, STARTUP_CHECK_DELAY_MS);
      const locker = new LockerRunner(opened.store, lockerPorts);
      const handlers = createHandlers(opened.store, ports, opened.vault, witness, {
        runner: locker,
        ports: lockerPorts,
        removePlainFiles,
        createImportFile,
        openImportFile,
      });
      const route = createRouter(handlers, self, {
        guard: (request) => opened.vault.guard(request.type),
      });
      return { route, witness, locker };
    }));
  /** Runs the locker's queue if the store is open and unlocked (a locked store waits for unlock). */
  function kickLockerOf(routed: Routing): void {
    openStore()
      .then(async ({ vault }) => {
        if (!(await vault.status()).locked) await routed.locker.kick();
      })
      .catch(() => logEvent('locker.run_failed'));
  }
  function kickLocker(): void {
    // Never before the router exists: its store and runner are the ones to use.
    setTimeout(() => {
      getRoute()
        .then(kickLockerOf)
        .catch(() => logEvent('locker.run_failed'));
    }, 0);
  }

  // The queue's own wake-up, and the worker starting with the browser: resume what is waiting.
  onLockerAlarm(kickLocker);
  browser.runtime.onStartup.addListener(kickLocker);
  setTimeout(kickLocker, STARTUP_CHECK_DELAY_MS);

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
