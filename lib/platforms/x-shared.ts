import { parseCount } from './counts';

/** What an X URL names: a status (with the author's handle when the path has it) or a profile. */
export interface XTarget {
  statusId: string | null;
  handle: string | null;
}

/** Paths under x.com that are not profiles. */
const RESERVED = new Set([
  'i',
  'home',
  'explore',
  'search',
  'notifications',
  'messages',
  'settings',
  'login',
  'signup',
  'intent',
  'share',
  'hashtag',
  'x',
  'tos',
  'privacy',
]);

export function xTarget(url: URL): XTarget {
  const parts = url.pathname.split('/').filter(Boolean);
  const status = parts.findIndex((p) => p === 'status' || p === 'statuses');
  const statusId = status >= 0 && /^\d+$/.test(parts[status + 1] ?? '') ? parts[status + 1]! : null;
  const first = parts[0] ?? '';
  const handle = /^\w{1,15}$/.test(first) && !RESERVED.has(first.toLowerCase()) ? first : null;
  return { statusId, handle };
}

export function isXHost(host: string): boolean {
  return /(^|\.)(x|twitter)\.com$/i.test(host);
}

export interface Counts {
  likes: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
}

/** Words in X's count labels, en/ru/kk ("18151 replies", "76091 отметок «Нравится»"). */
const COUNT_WORDS: ReadonlyArray<[keyof Counts, RegExp]> = [
  ['comments', /repl|ответ|жауап/i],
  ['shares', /repost|retweet|ретвит|репост|қайта/i],
  ['likes', /like|нрав|ұнат/i],
  ['views', /view|просмотр|қаралым|көрсет/i],
];

/**
 * Counts from the action bar's aria-label: "18151 replies, 15635 reposts, 76091 likes, 49
 * bookmarks, 3692 views" — exact numbers, unlike the rounded ones drawn on the buttons.
 */
export function countsFromLabel(label: string | null | undefined): Partial<Counts> {
  const out: Partial<Counts> = {};
  if (!label) return out;
  for (const part of label.split(/[,،;]\s*/)) {
    const m = /^\s*([\d\s\u00a0.,]+[KMkmКМ]?)\s+(.+)$/u.exec(part);
    if (!m) continue;
    const field = COUNT_WORDS.find(([, word]) => word.test(m[2]!))?.[0];
    const value = parseCount(m[1]!);
    if (field && value != null && out[field] == null) out[field] = value;
  }
  return out;
}

/** `Name (@handle) on X` / `Name (@handle) / X` → parts; legacy `Name on Twitter` → name only. */
export function parseXTitle(title: string | null): { name: string | null; handle: string | null } {
  if (!title) return { name: null, handle: null };
  const withHandle = /^(.+?) \(@(\w{1,15})\)(?: on (?:X|Twitter)| \/ (?:X|Twitter))/.exec(title);
  if (withHandle) return { name: withHandle[1]!, handle: withHandle[2]! };
  const legacy = /^(.+?) (?:on|en|в|в сети|на) (?:X|Twitter)\b/.exec(title);
  return { name: legacy ? legacy[1]! : null, handle: null };
}
