import { fromUnix, parseDate } from './dom';
import { FB_SELECTORS } from './facebook-selectors';
import { tryParseJson } from './json-scan';
import type { PostRecord } from './record';

/** Where a Facebook story keeps its ids, time and images (attributes, links, data-ft JSON). */

export function firstOutside(
  root: Element | null,
  exclude: Element | null,
  selector: string,
): Element | null {
  if (!root) return null;
  return (
    Array.from(root.querySelectorAll(selector)).find((el) => !exclude || !exclude.contains(el)) ??
    null
  );
}

export function dataFt(el: Element): Record<string, string | undefined> {
  const parsed = tryParseJson(el.getAttribute('data-ft') ?? '{}');
  const out: Record<string, string | undefined> = {};
  if (parsed.ok && parsed.value && typeof parsed.value === 'object') {
    for (const [key, value] of Object.entries(parsed.value)) {
      if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value)))
        out[key] = String(value);
    }
    // Group and page posts nest the time (and the page) deeper:
    // page_insights.<id>.post_context.publish_time. The first one found, at any depth, is the post's.
    for (const key of ['publish_time', 'page_id', 'actor_id']) {
      out[key] ??= deepScalar(parsed.value, key);
    }
  }
  // m.facebook.com also writes the ids as `key.value:` pairs in data-store linkdata.
  const link =
    /"linkdata":"([^"]+)"/.exec(el.getAttribute('data-store') ?? '')?.[1] ??
    el
      .querySelector('[data-store*="linkdata"]')
      ?.getAttribute('data-store')
      ?.match(/"linkdata":"([^"]+)"/)?.[1];
  for (const pair of (link ?? '').split(':')) {
    const m = /^(\w+)\.(\d+)$/.exec(pair);
    if (m && !out[m[1]!]) out[m[1]!] = m[2]!;
  }
  return out;
}

export function timeOf(el: Element | null): string | null {
  if (!el) return null;
  const utime = el.getAttribute('data-utime');
  if (utime) return fromUnix(utime);
  const store = tryParseJson(el.getAttribute('data-store') ?? '');
  if (store.ok && typeof (store.value as { time?: unknown })?.time === 'number') {
    return fromUnix((store.value as { time: number }).time);
  }
  return parseDate(el.getAttribute('datetime'));
}

export function imagesOf(
  story: Element | null,
  shared: Element | null,
): PostRecord['media'] | null {
  if (!story) return null;
  const urls = Array.from(story.querySelectorAll(FB_SELECTORS.image))
    .filter((el) => !shared || !shared.contains(el))
    .map(
      (el) =>
        el.getAttribute('src') ??
        /url\(["']?([^"')]+)/.exec(el.getAttribute('style') ?? '')?.[1] ??
        null,
    )
    .filter((src): src is string => Boolean(src) && !/emoji|static\.xx|rsrc\.php/.test(src!));
  return [...new Set(urls)].map((u) => ({ type: 'image' as const, url: u }));
}

export function idFromUrl(href: string | null): string | null {
  return href
    ? (/(?:posts|videos|photos(?:\/a\.\d+)?)\/(\d+)/.exec(href)?.[1] ??
        /story_fbid=(\d+)/.exec(href)?.[1] ??
        null)
    : null;
}

/** The first string or safe-integer value of `key` anywhere in `value` (breadth first). */
export function deepScalar(value: unknown, key: string): string | undefined {
  const queue: unknown[] = [value];
  for (let i = 0; i < queue.length && i < 500; i++) {
    const item = queue[i];
    if (!item || typeof item !== 'object') continue;
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      if (
        k === key &&
        (typeof v === 'string' || (typeof v === 'number' && Number.isSafeInteger(v)))
      )
        return String(v);
      if (v && typeof v === 'object') queue.push(v);
    }
  }
  return undefined;
}

const FT_PARAM = (name: string) => new RegExp(`ft(?:\\[|%5B)${name}(?:\\]|%5D)=(\\d+)`, 'i');

/**
 * Ids a story writes into its links rather than attributes: www.facebook.com feed stories carry
 * `ft[top_level_post_id]=…` and `ft[page_id]=…` tracking parameters, and link the post itself
 * (`/posts/…`, `/videos/…`, `story_fbid=…`). Numeric ids only: a `pfbid…` token is not an id.
 */
export function idsFromLinks(story: Element | null): {
  postId: string | null;
  ownerId: string | null;
  permalink: string | null;
} {
  const hrefs = story
    ? Array.from(story.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? '')
    : [];
  const param = (name: string) =>
    hrefs.map((h) => FT_PARAM(name).exec(h)?.[1]).find(Boolean) ?? null;
  const permalink =
    hrefs.find((h) =>
      /\/(posts|videos|permalink)\/\d+|story_fbid=\d+|\/photos\/[^?]*\/\d+/.test(h),
    ) ?? null;
  return {
    postId: param('top_level_post_id') ?? param('mf_story_key') ?? idFromUrl(permalink),
    ownerId: param('page_id') ?? param('content_owner_id_new'),
    permalink: permalink ? new URL(permalink, 'https://www.facebook.com/').href : null,
  };
}

/** The numeric id in a `data-hovercard="/ajax/hovercard/page.php?id=…"` (or user.php) link. */
export function hovercardId(el: Element | null): string | null {
  const link = el?.closest('a') ?? el;
  return (
    /hovercard\/(?:page|user)\.php\?id=(\d+)/.exec(
      link?.getAttribute('data-hovercard') ?? '',
    )?.[1] ?? null
  );
}
