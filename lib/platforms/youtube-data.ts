import { asArray, asString, dig, parseCount } from './dom';
import { findDeep } from './json-scan';
import { classifyText, detectLanguage } from './notices';
import type { NoticeRecord } from './record';

/**
 * Readers for YouTube's page state: `ytInitialPlayerResponse` (playabilityStatus, videoDetails,
 * microformat) and `ytInitialData` (like button, comment teaser, channel header, alerts). Shapes
 * last seen on embed_youtube_watch_eiHXASgRTcA_2024.html (2024-06),
 * metascraper_youtube_channel_ONE_Media.html (2024-01) and the pytube 2021 watch pages.
 */

type Obj = Record<string, unknown>;
export const obj = (value: unknown): Obj | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;

/** `{simpleText}` or `{runs: [{text}]}` or `{content}` → plain text. */
export function ytText(value: unknown): string | null {
  const o = obj(value);
  if (!o) return typeof value === 'string' ? value : null;
  const simple = asString(o.simpleText) ?? asString(o.content);
  if (simple != null) return simple;
  const runs = asArray(o.runs)
    .map((run) => asString(dig(run, 'text')) ?? '')
    .join('');
  return runs || null;
}

/** `/@handle` or `http://www.youtube.com/@handle` → `handle`; legacy /user/ and /channel/ → null. */
export function handleOf(url: string | null | undefined): string | null {
  const m = /(?:^|\/)@([\w.\-·]+)\/?$/.exec(url ?? '');
  return m ? decodeURIComponent(m[1]!) : null;
}

/** Like count: the like button's label carries the exact number ("…along with 145,775 other people"). */
export function likeCount(data: unknown): number | null {
  const button = findDeep(
    data,
    (n) => n.accessibilityId === 'id.video.like.button' && typeof n.accessibilityText === 'string',
  );
  const label =
    asString(button?.accessibilityText) ??
    asString(
      dig(
        findDeep(data, (n) => dig(n, 'defaultIcon', 'iconType') === 'LIKE' && 'accessibility' in n),
        'accessibility',
        'label',
      ),
    );
  const number = /\d[\d\s\u00a0.,]*/.exec(label ?? '')?.[0];
  return number ? parseCount(number.trim()) : null;
}

/** The comment teaser's count as shown — often rounded ("18 K"). */
export function commentCountText(data: unknown): string | null {
  const teaser = findDeep(data, (n) => 'commentCount' in n && obj(n.commentCount) !== null);
  return ytText(teaser?.commentCount);
}

/**
 * playabilityStatus → notice. The message is the error screen's own words (reason, then
 * subreason); the type comes from those words in en/ru/kk, or from the status when the words are
 * not in the tables.
 */
const STATUS_TYPES: Record<string, NoticeRecord['type']> = {
  LOGIN_REQUIRED: 'login_required',
  AGE_CHECK_REQUIRED: 'age_restricted',
  AGE_VERIFICATION_REQUIRED: 'age_restricted',
  CONTENT_CHECK_REQUIRED: 'age_restricted',
  ERROR: 'unavailable',
  UNPLAYABLE: 'unavailable',
  LIVE_STREAM_OFFLINE: 'unavailable',
};

export function playabilityNotice(
  status: unknown,
  pageLanguage: string | null,
): NoticeRecord | null {
  const ps = obj(status);
  const code = asString(ps?.status);
  if (!ps || !code || code === 'OK') return null;
  const screen =
    obj(dig(ps, 'errorScreen', 'playerErrorMessageRenderer')) ??
    obj(dig(ps, 'errorScreen', 'playerLegacyDesktopYpcOfferRenderer'));
  const words = [ytText(screen?.reason) ?? asString(ps.reason), ytText(screen?.subreason)].filter(
    (w): w is string => Boolean(w && w.trim()),
  );
  const fallback = asArray(ps.messages)
    .map(asString)
    .filter((m): m is string => Boolean(m));
  const message = (words.length ? words : fallback).join('\n') || code;
  // Language-independent markers first: the age gate says what it is in its fields, whatever
  // language its words are in ("Войдите, чтобы подтвердить возраст" is not a login wall).
  const marked =
    ps.desktopLegacyAgeGateReason != null || /^AGE_(CHECK|VERIFICATION)_REQUIRED$/.test(code)
      ? 'age_restricted'
      : null;
  const classified = marked ? null : classifyText([...words, ...fallback].join('\n'));
  return {
    type: marked ?? classified?.type ?? STATUS_TYPES[code] ?? 'unavailable',
    message,
    language: detectLanguage(message) ?? pageLanguage,
  };
}

/** Channel alerts ("This account has been terminated…", "This channel does not exist."). */
export function alertNotice(data: unknown, pageLanguage: string | null): NoticeRecord | null {
  for (const alert of asArray(dig(data, 'alerts'))) {
    const renderer = obj(dig(alert, 'alertRenderer')) ?? obj(dig(alert, 'alertWithButtonRenderer'));
    const text = ytText(renderer?.text);
    if (!text) continue;
    const classified = classifyText(text);
    if (classified || asString(renderer?.type) === 'ERROR') {
      return {
        type: classified?.type ?? 'unavailable',
        message: text,
        language: detectLanguage(text) ?? pageLanguage,
      };
    }
  }
  return null;
}

/** `<link rel=canonical>` when it is a URL (error pages print `href="null"` literally). */
export function canonicalOf(doc: Document, fallback: string | null): string | null {
  const link = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return link && /^https?:\/\//.test(link) ? link : fallback;
}
