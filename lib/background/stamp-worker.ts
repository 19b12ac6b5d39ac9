// Works the capture-time time-stamp queue in the service worker: after each capture, when the
// worker starts, and on an alarm set for the next due retry (MV3 workers have no timers that
// outlive them). One run at a time; nothing while the passphrase lock is closed.
import { browser } from 'wxt/browser';
import type { Capture } from '../model/capture';
import type { Transport } from '../evidence/timestamp/http';
import { logEvent } from '../log';
import { enqueueCaptureStamps, runStampQueue, type QueueRun } from '../services/capture-stamps';
import type { OpenedStore } from './open-store';

const ALARM = 'dalel-stamp-retry';

export interface StampWorker {
  afterSeal(capture: Capture): void;
  /** Works the queue now; `force` also retries requests not yet due. */
  run(force?: boolean): Promise<QueueRun | null>;
}

export function createStampWorker(
  openStore: () => Promise<OpenedStore>,
  transport: Transport,
): StampWorker {
  let running: Promise<QueueRun | null> = Promise.resolve(null);
  const once = async (force: boolean): Promise<QueueRun | null> => {
    const { store, vault } = await openStore();
    if ((await vault.status()).locked) return null;
    const result = await runStampQueue(store, { transport }, { force });
    if (result.nextAt)
      await browser.alarms.create(ALARM, {
        when: Math.max(Date.parse(result.nextAt), Date.now() + 30_000),
      });
    else await browser.alarms.clear(ALARM);
    if (result.stamped || result.failed)
      logEvent('timestamp.queue_run', {
        stamped: result.stamped,
        failed: result.failed,
        pending: result.pending,
      });
    return result;
  };
  const run = (force = false) => {
    running = running.catch(() => null).then(() => once(force));
    return running;
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) run().catch(() => logEvent('timestamp.queue_failed'));
  });
  return {
    afterSeal(capture) {
      openStore()
        .then(({ store }) => enqueueCaptureStamps(store, capture))
        .then((queued) => (queued ? run() : null))
        .catch(() => logEvent('timestamp.queue_failed'));
    },
    run,
  };
}
