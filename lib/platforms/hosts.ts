import { mediaHostPermissions } from './media-hosts';

/**
 * The only hosts the extension holds a standing permission for: the platforms' media CDNs, over
 * https (see `media-hosts.ts`). Their media must be fetched byte-exact, and a CDN need not answer
 * cross-origin requests otherwise. The platforms' main sites are not here: the page being
 * captured is reached through `activeTab`, after the monitor presses Capture on it, and Dalel never
 * fetches anything from a site where the monitor is logged in.
 */
export const HOST_PERMISSIONS: readonly string[] = mediaHostPermissions();
