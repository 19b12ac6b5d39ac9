import { mediaHostPermissions } from './media-hosts';

/**
 * The only hosts the extension holds a standing permission for: the platforms' media CDNs, over
 * https (see `media-hosts.ts`). Their media must be fetched byte-exact, and a CDN need not answer
 * cross-origin requests otherwise. The platforms' main sites are not here: the page being
 * captured is reached through `activeTab`, after the monitor presses Capture on it, and Dalel never
 * fetches anything from a site where the monitor is logged in.
 */
export const HOST_PERMISSIONS: readonly string[] = mediaHostPermissions();

/**
 * The platform pages (not their media CDNs) that show posts in feeds: where "Capture this post"
 * is offered and where the pointer listener runs (a content script, not a host permission: the
 * background never fetches from these sites). https only, as the platforms are.
 */
export const POST_PAGE_MATCHES = [
  'https://*.instagram.com/*',
  'https://*.facebook.com/*',
  'https://x.com/*',
  'https://*.x.com/*',
  'https://*.twitter.com/*',
  'https://t.me/*',
  'https://*.vk.com/*',
  'https://vk.com/*',
] as const;
