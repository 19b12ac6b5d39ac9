import type { Platform } from './record';

/**
 * Where each platform serves its media from: the only hosts Dalel fetches a platform page's media
 * (and the images its HTML snapshot inlines) from. Media CDNs hold no accounts and answer signed,
 * public URLs; the platforms' main sites (`PLATFORM_SITES`) answer with the monitor's account —
 * a hostile page that listed `https://www.instagram.com/accounts/edit/` as an "image" would
 * otherwise have that page fetched with the monitor's cookies and sealed into evidence.
 * Suffixes match the host itself or any subdomain.
 */
export const MEDIA_CDNS: Readonly<
  Record<Exclude<Platform, 'generic' | 'webmail'>, readonly string[]>
> = {
  instagram: ['cdninstagram.com', 'fbcdn.net'],
  facebook: ['fbcdn.net'],
  x: ['twimg.com'],
  telegram: ['telesco.pe', 'cdn-telegram.org'],
  tiktok: ['tiktokcdn.com', 'tiktokcdn-us.com', 'tiktokcdn-eu.com'],
  youtube: ['ytimg.com', 'ggpht.com'],
  vk: ['userapi.com', 'vkuserphoto.ru', 'vk-cdn.net', 'vkuservideo.net', 'mycdn.me'],
};

/**
 * Sites where the monitor is logged in: never fetched by Dalel, whatever a page lists (the page
 * itself was loaded by the browser; Dalel only reads it). Webmail is here because its security
 * notices are captured while the monitor is logged in to their own mailbox.
 */
export const PLATFORM_SITES: readonly string[] = [
  'instagram.com',
  'facebook.com',
  'fb.com',
  'messenger.com',
  'x.com',
  'twitter.com',
  't.me',
  'telegram.me',
  'telegram.org',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'google.com',
  'vk.com',
  'vk.ru',
  'mail.ru',
  'yandex.ru',
  'yandex.kz',
  'live.com',
  'outlook.com',
];

const matches = (host: string, suffix: string) => host === suffix || host.endsWith(`.${suffix}`);

/** Host permissions the manifest asks for: the media CDNs, https only. */
export function mediaHostPermissions(): string[] {
  const suffixes = [...new Set(Object.values(MEDIA_CDNS).flat())];
  return suffixes.map((s) => `https://*.${s}/*`);
}

/** The site a host belongs to, roughly: the last two labels (`news.example.kz` → `example.kz`). */
function siteOf(host: string): string {
  return host.split('.').slice(-2).join('.');
}

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/**
 * Why Dalel must not fetch `url` for a capture of `pageUrl` on `platform`, or null when it may.
 * Platform pages: only that platform's media CDNs. Other sites: only the page's own site (what
 * the page came from), never a platform's main site, never an address on the monitor's network.
 */
export function mediaFetchRefusal(platform: Platform, pageUrl: string, url: string): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (target.protocol !== 'https:') return 'not https';
  if (target.username || target.password) return 'carries credentials in the URL';
  const host = target.hostname.toLowerCase();
  if (IP_LITERAL.test(host) || !host.includes('.') || host.endsWith('.local'))
    return 'not a public host name';
  if (PLATFORM_SITES.some((s) => matches(host, s)))
    return `${host} is a platform's main site (only its media servers are fetched)`;
  if (platform !== 'generic' && platform !== 'webmail') {
    return MEDIA_CDNS[platform].some((s) => matches(host, s))
      ? null
      : `${host} is not one of ${platform}'s media servers`;
  }
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return 'the page has no URL';
  }
  return matches(host, siteOf(page.hostname.toLowerCase()))
    ? null
    : `${host} is not the page's own site`;
}
