import { browser } from 'wxt/browser';
import { LAST_FAILURE_KEY, type FailurePorts } from '../../capture/trigger-failure';
import { badge } from './badge';

export const FAILURE_NOTIFICATION_ID = 'dalel-capture-failed';

/** The real ports: `storage.session` (memory only), the action badge, `notifications`. */
export const browserFailurePorts: FailurePorts = {
  now: () => new Date(),
  async tabUrl(tabId) {
    return (await browser.tabs.get(tabId)).url ?? null;
  },
  save: (failure) => browser.storage.session.set({ [LAST_FAILURE_KEY]: failure }),
  badge: (tabId, title) => badge(tabId, '!', '#b3261e', title),
  async notify(title, message) {
    await browser.notifications.create(FAILURE_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/capture-failed.png'),
      title,
      message,
    });
  },
  message: (key) => (browser.i18n.getMessage as (key: string) => string)(key),
};

/** A later successful capture makes the last failure old news. */
export function forgetLastFailure(): Promise<void> {
  return browser.storage.session.remove(LAST_FAILURE_KEY).catch(() => undefined);
}
