import { browser } from 'wxt/browser';
import { originPattern } from '../../lib/permissions/origin-permission';

/**
 * Optional host permissions for origins the monitor configured (the team locker's endpoint and
 * presigning service), as the same host patterns the time-stamping authorities get
 * (lib/permissions/origin-permission.ts).
 *
 * `request` must be the first thing a click handler does: Firefox honours a permission request
 * only while the user's gesture is still being handled, i.e. before the first `await`.
 */
const patterns = (origins: string[]) => [...new Set(origins.map(originPattern))];

export function requestOrigins(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins: patterns(origins) });
}

export function hasOrigins(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.contains({ origins: patterns(origins) });
}
