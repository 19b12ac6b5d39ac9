/**
 * Instagram shortcodes are the media id written in a URL-safe base-64 alphabet, so the 64-bit
 * media id can be derived exactly from the URL (BigInt: the id does not fit a JS number).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function mediaIdFromShortcode(shortcode: string): string | null {
  // Private-account shortcodes carry a 28+ character suffix that is not part of the id.
  const code = shortcode.length > 28 ? shortcode.slice(0, -28) : shortcode;
  if (!/^[\w-]{1,14}$/.test(code)) return null;
  let id = 0n;
  for (const char of code) id = id * 64n + BigInt(ALPHABET.indexOf(char));
  return id.toString();
}

export type InstagramRoute =
  | { page: 'post'; shortcode: string; variant: 'p' | 'reel' | 'tv' }
  | { page: 'story'; handle: string; storyId: string | null }
  | { page: 'login_activity' }
  | { page: 'profile'; handle: string }
  | { page: 'other' };

const RESERVED = new Set([
  'accounts',
  'explore',
  'direct',
  'about',
  'developer',
  'legal',
  'session',
  'challenge',
  'web',
  'emails',
  'privacy',
  'reels',
  'stories',
  'p',
  'reel',
  'tv',
  'api',
  'graphql',
  'static',
  'oauth',
]);

/** What kind of Instagram page a URL is, from its path alone. */
export function instagramRoute(url: URL): InstagramRoute {
  const parts = url.pathname.split('/').filter(Boolean);
  const path = parts.join('/');
  if (/login_activity|where_you're_logged_in|where_youre_logged_in/i.test(path)) {
    return { page: 'login_activity' };
  }
  const post = /^(?:[\w.]+\/)?(p|reels?|tv)\/([\w-]+)/.exec(path);
  if (post) {
    const variant = post[1] === 'p' ? 'p' : post[1] === 'tv' ? 'tv' : 'reel';
    return { page: 'post', shortcode: post[2]!, variant };
  }
  if (parts[0] === 'stories' && parts[1] && parts[1] !== 'highlights') {
    return {
      page: 'story',
      handle: parts[1],
      storyId: /^\d+$/.test(parts[2] ?? '') ? parts[2]! : null,
    };
  }
  if (parts.length >= 1 && /^[\w.]{1,30}$/.test(parts[0]!) && !RESERVED.has(parts[0]!)) {
    return { page: 'profile', handle: parts[0]! };
  }
  return { page: 'other' };
}
