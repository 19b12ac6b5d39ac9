/**
 * Hosts of the platforms Dalel has extractors for, and the CDNs their media come from. The
 * extension may read these pages and fetch their media with the monitor's own session; any other
 * site is reachable only through `activeTab`, i.e. after the monitor presses Capture on it.
 */
export const PLATFORM_HOST_PERMISSIONS = [
  '*://*.instagram.com/*',
  '*://*.cdninstagram.com/*',
  '*://*.facebook.com/*',
  '*://*.fbcdn.net/*',
  '*://x.com/*',
  '*://*.x.com/*',
  '*://*.twitter.com/*',
  '*://*.twimg.com/*',
  '*://t.me/*',
  '*://*.telegram.org/*',
  '*://*.telesco.pe/*',
  '*://*.cdn-telegram.org/*',
  '*://*.tiktok.com/*',
  '*://*.tiktokcdn.com/*',
  '*://*.youtube.com/*',
  '*://*.ytimg.com/*',
  '*://*.vk.com/*',
  '*://vk.com/*',
  '*://*.userapi.com/*',
] as const;

/**
 * The platform pages (not their media CDNs) that show posts in feeds: where "Capture this post"
 * is offered and where the pointer listener runs.
 */
export const POST_PAGE_MATCHES = [
  '*://*.instagram.com/*',
  '*://*.facebook.com/*',
  '*://x.com/*',
  '*://*.x.com/*',
  '*://*.twitter.com/*',
  '*://t.me/*',
  '*://*.vk.com/*',
  '*://vk.com/*',
] as const;
