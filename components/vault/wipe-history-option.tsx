import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useI18n } from '../i18n-context';

const HISTORY = { permissions: ['history'] } as const;

/** Whether Dalel holds the optional `history` permission (asked for only by the option below). */
export function useHistoryPermission() {
  const [granted, setGranted] = useState(false);
  const refresh = () =>
    browser.permissions
      .contains(HISTORY as { permissions: ['history'] })
      .then(setGranted)
      .catch(() => setGranted(false));
  useEffect(() => void refresh(), []);
  return { granted, refresh };
}

/**
 * "Also remove the captured pages from this browser's history on a wipe": the browser keeps its
 * own history of every page the monitor opened, which the wipe cannot reach without the
 * `history` permission. Dalel asks for it only when the monitor ticks this (never at install),
 * and gives it back when they untick it. The granted permission is the setting itself, so it
 * is known while the archive is locked.
 */
export function WipeHistoryOption() {
  const { t } = useI18n();
  const { granted, refresh } = useHistoryPermission();
  const toggle = async (on: boolean) => {
    try {
      if (on) await browser.permissions.request(HISTORY as { permissions: ['history'] });
      else await browser.permissions.remove(HISTORY as { permissions: ['history'] });
    } finally {
      await refresh();
    }
  };
  return (
    <div>
      <label class="check">
        <input
          type="checkbox"
          checked={granted}
          onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('wipeHistory')}
      </label>
      <p class="muted">{t('wipeHistoryExplain')}</p>
    </div>
  );
}
