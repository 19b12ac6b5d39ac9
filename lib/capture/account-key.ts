import type { ExtractedRecord, Platform } from '../platforms/record';

// Profile URLs whose first path segment is the account's handle, per platform; the reserved
// first segments are the platforms' own pages (posts, settings, …), not accounts.
const PROFILE_PATHS: Partial<Record<Platform, { handle: RegExp; reserved: RegExp }>> = {
  instagram: {
    handle: /^\/([A-Za-z0-9._]{1,30})\/?$/,
    reserved: /^(p|reel|reels|tv|explore|stories|accounts|direct|about|legal|web)$/i,
  },
  x: {
    handle: /^\/([A-Za-z0-9_]{1,15})\/?$/,
    reserved:
      /^(home|explore|search|settings|messages|notifications|i|intent|share|login|tos|privacy)$/i,
  },
  telegram: {
    handle: /^\/(?:s\/)?([A-Za-z0-9_]{5,32})\/?$/,
    reserved: /^(joinchat|addstickers|proxy|share)$/i,
  },
  tiktok: { handle: /^\/@([A-Za-z0-9._]{2,24})\/?$/, reserved: /^$/ },
};

function handleFromUrl(platform: Platform, url: string): string | null {
  const rule = PROFILE_PATHS[platform];
  if (!rule) return null;
  try {
    const match = rule.handle.exec(new URL(url).pathname);
    return match && !rule.reserved.test(match[1]!) ? match[1]! : null;
  } catch {
    return null;
  }
}

/**
 * The key that groups captures of one account into a timeline: `platform#id` when the platform's
 * account id is known (it survives renames), else `platform:handle` lower-cased; for a notice
 * ("page isn't available", suspended) shown at a profile URL, the handle in that URL; null when
 * the page names no account (a generic page).
 */
export function accountKeyOf(record: ExtractedRecord): string | null {
  if (record.platform === 'generic') return null;
  const who = record.account ?? record.post?.author ?? null;
  if (who?.id) return `${record.platform}#${who.id}`;
  const handle =
    who?.handle ?? (record.kind === 'notice' ? handleFromUrl(record.platform, record.url) : null);
  const clean = handle?.replace(/^@/, '').trim().toLowerCase();
  return clean ? `${record.platform}:${clean}` : null;
}
