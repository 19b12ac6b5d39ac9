/** What a Facebook URL points at, from its path and query alone. */
export type FacebookRoute =
  | {
      page: 'post';
      id: string | null;
      owner: string | null;
      variant: 'post' | 'photo' | 'video' | 'group';
    }
  | { page: 'login_activity' }
  | { page: 'checkpoint' }
  | { page: 'profile'; handle: string | null; id: string | null }
  | { page: 'other' };

const RESERVED = new Set([
  'login',
  'login.php',
  'checkpoint',
  'settings',
  'help',
  'policies',
  'privacy',
  'watch',
  'groups',
  'pages',
  'events',
  'marketplace',
  'gaming',
  'stories',
  'reel',
  'search',
  'home.php',
  'hashtag',
]);

export function facebookRoute(url: URL): FacebookRoute {
  const parts = url.pathname.split('/').filter(Boolean);
  const path = parts.join('/');
  const q = url.searchParams;
  if (
    /login_activity|where_you're_logged_in|security_and_login|password_and_security\/login/i.test(
      path + url.search,
    ) ||
    (parts[0] === 'settings' && /security/.test(q.get('tab') ?? ''))
  ) {
    return { page: 'login_activity' };
  }
  // `/checkpoint/…` or `/login/checkpoint/…`, not a page whose handle starts with "checkpoint".
  if (/^(?:login\/)?checkpoint(?:\/|$)/.test(path)) return { page: 'checkpoint' };
  if (/^(story|permalink)\.php$/.test(parts[0] ?? '')) {
    return { page: 'post', id: q.get('story_fbid'), owner: q.get('id'), variant: 'post' };
  }
  if (parts[0] === 'photo.php' || parts[0] === 'photo') {
    return { page: 'post', id: q.get('fbid'), owner: null, variant: 'photo' };
  }
  if (parts[0] === 'watch' && q.get('v'))
    return { page: 'post', id: q.get('v'), owner: null, variant: 'video' };
  if (parts[0] === 'groups' && parts[1]) {
    const post = /(?:posts|permalink)\/(\d+)/.exec(path);
    if (post) return { page: 'post', id: post[1]!, owner: parts[1], variant: 'group' };
    return { page: 'profile', handle: parts[1], id: /^\d+$/.test(parts[1]) ? parts[1] : null };
  }
  const owner = parts[0] ?? null;
  const post =
    /^[^/]+\/(posts|videos|photos)\/(?:[^/]+\/)*?(pfbid\w+|\d+)\/?$/.exec(path) ??
    /^[^/]+\/(posts|videos|photos)\/(?:a\.\d+\/)?(pfbid\w+|\d+)/.exec(path);
  if (post) {
    const variant = post[1] === 'videos' ? 'video' : post[1] === 'photos' ? 'photo' : 'post';
    return { page: 'post', id: post[2]!, owner, variant };
  }
  if (parts[0] === 'profile.php') return { page: 'profile', handle: null, id: q.get('id') };
  if (owner && !RESERVED.has(owner)) {
    return { page: 'profile', handle: owner, id: null };
  }
  return { page: 'other' };
}

/** The page or profile handle in a Facebook link (`/Nintendo/?__tn__=…` → `Nintendo`). */
export function handleFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, 'https://www.facebook.com/');
    if (!/facebook\.com$/i.test(url.hostname)) return null;
    const first = url.pathname.split('/').filter(Boolean)[0];
    if (!first || /\.php$/.test(first)) return null; // profile.php, permalink.php, story.php
    return !RESERVED.has(first) ? first : null;
  } catch {
    return null;
  }
}

/** The numeric id in a `profile.php?id=…` link, for people without a username. */
export function profileIdFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, 'https://www.facebook.com/');
    return /profile\.php$/.test(url.pathname) ? (url.searchParams.get('id') ?? null) : null;
  } catch {
    return null;
  }
}
