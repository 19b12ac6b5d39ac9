import type { Platform } from './record';

const HOSTS: ReadonlyArray<[RegExp, Platform]> = [
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)facebook\.com$/, 'facebook'],
  [/(^|\.)(x|twitter)\.com$/, 'x'],
  [/^(t\.me|telegram\.me)$/, 'telegram'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)youtube\.com$|^youtu\.be$/, 'youtube'],
  [/(^|\.)vk\.(com|ru)$/, 'vk'],
];

/** The platform a URL belongs to, by host; `generic` for any other site. */
export function platformOfUrl(url: URL): Platform {
  return HOSTS.find(([host]) => host.test(url.hostname))?.[1] ?? 'generic';
}
