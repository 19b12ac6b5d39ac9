import { browser } from 'wxt/browser';
import type { StorageInfo } from './handlers/vault';
import type { WitnessPort } from '../integrity/witness';
import type { TabCapture, TabCapturesPort } from './capture/tab-captures';
import type { AlarmPort, SavedSession, SessionPort } from './vault-controller';
import { COMMON_PASSWORDS_PATH, parseCommonList } from '../vault/strength';
import { DraftStore, type SessionArea } from '../drafts/draft-store';
import { PLATFORM_SITES } from '../platforms/media-hosts';

const SESSION_KEY = 'vaultSession';
const ALARM = 'dalel-auto-lock';
const WITNESS_KEY = 'custodyWitness';

/**
 * `storage.session` is held in memory by the browser and never written to disk; by default only
 * the extension's trusted contexts (not content scripts) can read it. It keeps the unwrapped data
 * key across service-worker restarts and loses it when the browser exits.
 */
export const sessionPort: SessionPort = {
  async load() {
    const got = await browser.storage.session.get(SESSION_KEY);
    return (got[SESSION_KEY] as SavedSession | undefined) ?? null;
  },
  save: (session) => browser.storage.session.set({ [SESSION_KEY]: session }),
  clear: () => browser.storage.session.remove(SESSION_KEY),
};

/** The auto-lock alarm: drops the key on time even if no page ever asks again. */
export const alarmPort: AlarmPort = {
  async schedule(delayMinutes) {
    await browser.alarms.create(ALARM, { delayInMinutes: delayMinutes + 0.1 });
  },
  async clear() {
    await browser.alarms.clear(ALARM);
  },
};

export function onAutoLockAlarm(listener: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) listener();
  });
}

/** Usage, quota and whether the origin's storage is persistent (never evicted). */
export async function storageInfo(): Promise<StorageInfo> {
  // Private browsing may refuse these (the archive is then in storage.local): report zeros.
  const { usage = 0, quota = 0 } = await navigator.storage
    .estimate()
    .catch((): StorageEstimate => ({}));
  const persisted = (await navigator.storage.persisted?.().catch(() => false)) ?? false;
  const evictionExempt = await browser.permissions.contains({ permissions: ['unlimitedStorage'] });
  return { usage, quota, persisted, evictionExempt };
}

/**
 * The custody log's witness (lib/integrity/witness.ts) in `storage.local`: a separate store from
 * IndexedDB, so it survives the browser deleting or rolling back the database. It holds a count,
 * a hash and a time, nothing about whom or what the archive concerns.
 */
export const witnessPort: WitnessPort = {
  async load() {
    return (await browser.storage.local.get(WITNESS_KEY))[WITNESS_KEY] ?? null;
  },
  save: (witness) => browser.storage.local.set({ [WITNESS_KEY]: witness }),
  clear: () => browser.storage.local.remove(WITNESS_KEY),
};

const TAB_CAPTURES_KEY = 'tabCaptures';

/** The newest capture per tab, in session storage (memory only; see capture/tab-captures.ts). */
export const tabCapturesPort: TabCapturesPort = {
  async load() {
    const got = await browser.storage.session.get(TAB_CAPTURES_KEY);
    return (got[TAB_CAPTURES_KEY] as Record<string, TabCapture> | undefined) ?? {};
  },
  save: (map) => browser.storage.session.set({ [TAB_CAPTURES_KEY]: map }),
};

let common: Promise<Set<string>> | undefined;

/** The common-passwords list shipped in the extension, read once per worker life. */
export function commonPasswords(): Promise<Set<string>> {
  common ??= fetch(browser.runtime.getURL(COMMON_PASSWORDS_PATH as '/popup.html'))
    .then((r) => r.text())
    .then(parseCommonList);
  common.catch(() => (common = undefined));
  return common;
}

/** The popup's drafts live in session storage; the lock and the wipe clear them. */
export const clearDrafts = () =>
  new DraftStore(browser.storage.session as unknown as SessionArea).clearAll();

const onPlatformSite = (url: string) => {
  try {
    const host = new URL(url).hostname;
    return PLATFORM_SITES.some((s) => host === s || host.endsWith(`.${s}`));
  } catch {
    return false;
  }
};

/**
 * The panic wipe's history step, only with the optional `history` permission the monitor granted
 * in the Security screen. With the captured URLs: exactly those. Without (the archive was locked,
 * its URLs unreadable): every visit to the platforms' sites.
 */
export async function removeFromHistory(urls: readonly string[] | null): Promise<number> {
  if (!(await browser.permissions.contains({ permissions: ['history'] }))) return 0;
  const targets =
    urls ??
    (await browser.history.search({ text: '', startTime: 0, maxResults: 100_000 }))
      .map((item) => item.url ?? '')
      .filter(onPlatformSite);
  for (const url of targets) await browser.history.deleteUrl({ url });
  return targets.length;
}
