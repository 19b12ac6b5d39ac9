import { browser } from 'wxt/browser';
import { hasOrigins, type PermissionsApi } from '../permissions/origin-permission';
import type { LockerPorts } from '../services/locker/ports';
import { opfsLockerFiles } from './locker-files';

const ALARM = 'dalel-locker';

/** The queue's wake-up: an alarm survives the worker stopping (Chrome allows ≥ 30 s). */
async function schedule(at: number | null): Promise<void> {
  if (at === null) await browser.alarms.clear(ALARM);
  else await browser.alarms.create(ALARM, { when: Math.max(at, Date.now() + 30_000) });
}

export function onLockerAlarm(listener: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) listener();
  });
}

/** The browser side of the team locker: OPFS files, host permissions, alarms, progress. */
export function browserLockerPorts(tool: { name: string; version: string }): LockerPorts {
  return {
    files: opfsLockerFiles,
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    tool,
    broadcast: (event) => void browser.runtime.sendMessage(event).catch(() => undefined),
    hasOrigins: (origins) => hasOrigins(browser.permissions as unknown as PermissionsApi, origins),
    schedule,
    // Any extension API call resets the worker's idle timer (Chrome 110+): a long upload is work.
    keepAlive: async () => void (await browser.runtime.getPlatformInfo()),
  };
}
