import { emptyPost, type RecordBuilder } from './builder';
import {
  canonicalUrl,
  cleanMultiline,
  cleanText,
  fromUnix,
  meta,
  parseCount,
  parseDate,
  titleOf,
  visibleText,
} from './dom';
import { countsFromScripts, countsFromText } from './facebook-counts';
import { queryAll, revealedRoots } from './facebook-hidden';
import { handleFromHref, profileIdFromHref, type FacebookRoute } from './facebook-ids';
import { FB_SELECTORS } from './facebook-selectors';
import { tryParseJson } from './json-scan';
import { classifyDocument } from './notices';
import type { ExtractedRecord, PostRecord } from './record';
import { hashtagsOf, linksOf, mentionsOf } from './text';

type PostRoute = Extract<FacebookRoute, { page: 'post' }>;

/** Post, photo, video and group-post pages (m.facebook.com, classic and Comet www). */
export function extractFacebookPost(
  doc: Document,
  url: URL,
  b: RecordBuilder,
  route: PostRoute,
): ExtractedRecord {
  const roots = revealedRoots(doc);
  const story = mainStory(roots, route.id);
  const ft = story ? dataFt(story) : {};
  const shared = story?.querySelector(FB_SELECTORS.shared) ?? null;
  const own = (selector: string) => firstOutside(story, shared, selector);
  const post = emptyPost();

  post.id = b.pick('post.id', [
    ['url', () => route.id],
    ['embedded-json', () => ft.top_level_post_id ?? ft.mf_story_key],
    ['meta', () => idFromUrl(meta(doc, 'og:url'))],
  ]);
  const actor = own(FB_SELECTORS.actor);
  post.author.name = b.pick('post.author.name', [
    ['dom', () => cleanText(actor?.textContent)],
    // On video pages og:title is the video's title, not its author.
    ['meta', () => (route.variant === 'video' ? null : meta(doc, 'og:title'))],
    [
      'meta',
      () => (url.hostname.startsWith('m.') ? /^(.+?) - /.exec(titleOf(doc) ?? '')?.[1] : null),
    ],
  ]);
  post.author.handle = b.pick(
    'post.author.handle',
    [
      [
        'dom',
        () =>
          handleFromHref(actor?.closest('a')?.getAttribute('href') ?? actor?.getAttribute('href')),
      ],
      [
        'url',
        () =>
          route.owner && !/^\d+$/.test(route.owner) && route.variant !== 'group'
            ? route.owner
            : null,
      ],
    ],
    true,
  );
  post.author.id = b.pick(
    'post.author.id',
    [
      ['embedded-json', () => ft.content_owner_id_new ?? ft.page_id ?? ft.owner_id],
      [
        'dom',
        () =>
          profileIdFromHref(
            actor?.closest('a')?.getAttribute('href') ?? actor?.getAttribute('href'),
          ),
      ],
      [
        'url',
        () =>
          route.owner && /^\d+$/.test(route.owner) && route.variant !== 'group'
            ? route.owner
            : null,
      ],
    ],
    true,
  );
  const time = own(FB_SELECTORS.time);
  post.publishedAt = b.pick('post.publishedAt', [
    ['dom', () => timeOf(time)],
    ['embedded-json', () => fromUnix(ft.publish_time)],
  ]);
  if (!post.publishedAt)
    post.publishedText = b.pick(
      'post.publishedText',
      [['dom', () => cleanText((time ?? own(FB_SELECTORS.timeText))?.textContent)]],
      true,
    );
  post.text = b.pick(
    'post.text',
    [
      ['dom', () => cleanMultiline(visibleText(own(FB_SELECTORS.text)))],
      ['meta', () => meta(doc, 'og:description')],
    ],
    true,
  );
  post.media =
    b.pick('post.media', [
      [
        'meta',
        () => {
          const video = meta(doc, 'og:video') ?? meta(doc, 'og:video:url');
          return video ? [{ type: 'video' as const, url: video }] : null;
        },
      ],
      ['dom', () => imagesOf(story, shared)],
      [
        'meta',
        () => {
          const image = meta(doc, 'og:image');
          return image ? [{ type: 'image' as const, url: image }] : null;
        },
      ],
    ]) ?? [];
  const counts = countsFromScripts(doc, post.id);
  const domCount = (selector: string) => parseCount(cleanText(own(selector)?.textContent));
  const shown = countsFromText(story);
  post.counts.likes = b.pick('post.counts.likes', [
    ['embedded-json', () => counts?.likes],
    ['dom', () => domCount(FB_SELECTORS.reactions)],
    ['dom', () => shown?.likes],
  ]);
  post.counts.comments = b.pick('post.counts.comments', [
    ['embedded-json', () => counts?.comments],
    ['dom', () => domCount(FB_SELECTORS.comments)],
    ['dom', () => shown?.comments],
  ]);
  post.counts.shares = b.pick('post.counts.shares', [
    ['embedded-json', () => counts?.shares],
    ['dom', () => domCount(FB_SELECTORS.shares)],
    ['dom', () => shown?.shares],
  ]);
  post.repostOf = shared || ft.original_content_id ? sharedPost(shared, ft, b) : null;
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);

  const found = Boolean(story || post.text);
  const notice = found ? null : classifyDocument(doc);
  if (notice) b.note('notice', 'dom');
  return b.finish({
    kind: notice ? 'notice' : 'post',
    canonicalUrl: canonicalUrl(doc),
    title: titleOf(doc),
    post: notice && !post.text ? null : post,
    notice,
  });
}

/** The story container of the post `id`: the one linking to or tagged with it, else the first. */
function mainStory(roots: ParentNode[], id: string | null): Element | null {
  const stories = queryAll(roots, FB_SELECTORS.story).filter(
    (el) => !el.parentElement?.closest(FB_SELECTORS.story),
  );
  const withActor = stories.filter((el) => el.querySelector(FB_SELECTORS.actor));
  if (id) {
    const tagged = stories.find(
      (el) =>
        (el.getAttribute('data-ft') ?? '').includes(id) ||
        (el.getAttribute('data-store') ?? '').includes(id),
    );
    if (tagged) return tagged;
    const linked = withActor.find((el) => el.querySelector(`a[href*="${id}"]`));
    if (linked) return linked;
  }
  if (withActor[0]) return withActor[0];
  // Pages without a story container (m.facebook.com video pages): the parent of the post header.
  const header = queryAll(roots, 'header').find((h) => h.querySelector(FB_SELECTORS.actor));
  return header?.parentElement ?? stories[0] ?? null;
}

function firstOutside(
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

function dataFt(el: Element): Record<string, string | undefined> {
  const parsed = tryParseJson(el.getAttribute('data-ft') ?? '{}');
  const out: Record<string, string | undefined> = {};
  if (parsed.ok && parsed.value && typeof parsed.value === 'object') {
    for (const [key, value] of Object.entries(parsed.value)) {
      if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value)))
        out[key] = String(value);
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

function timeOf(el: Element | null): string | null {
  if (!el) return null;
  const utime = el.getAttribute('data-utime');
  if (utime) return fromUnix(utime);
  const store = tryParseJson(el.getAttribute('data-store') ?? '');
  if (store.ok && typeof (store.value as { time?: unknown })?.time === 'number') {
    return fromUnix((store.value as { time: number }).time);
  }
  return parseDate(el.getAttribute('datetime'));
}

function imagesOf(story: Element | null, shared: Element | null): PostRecord['media'] | null {
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

function idFromUrl(href: string | null): string | null {
  return href
    ? (/(?:posts|videos|photos(?:\/a\.\d+)?)\/(\d+)/.exec(href)?.[1] ??
        /story_fbid=(\d+)/.exec(href)?.[1] ??
        null)
    : null;
}

/** The original of a shared post: its author, link, text and time as the share shows them. */
function sharedPost(
  shared: Element | null,
  ft: Record<string, string | undefined>,
  b: RecordBuilder,
): NonNullable<PostRecord['repostOf']> {
  const actor = shared?.querySelector(FB_SELECTORS.actor) ?? null;
  const link = shared
    ? (Array.from(shared.querySelectorAll('a[href]'))
        .map((a) => a.getAttribute('href')!)
        .find((h) => /\/(posts|videos|photos|permalink)|story_fbid=/.test(h)) ?? null)
    : null;
  const absolute = link ? new URL(link, 'https://www.facebook.com/').href : null;
  const repost = {
    id: b.pick('post.repostOf.id', [
      ['embedded-json', () => ft.original_content_id],
      ['dom', () => idFromUrl(absolute)],
    ]),
    url: b.pick('post.repostOf.url', [['dom', () => absolute]]),
    author: {
      name: b.pick('post.repostOf.author.name', [['dom', () => cleanText(actor?.textContent)]]),
      handle: b.pick(
        'post.repostOf.author.handle',
        [
          [
            'dom',
            () =>
              handleFromHref(
                actor?.closest('a')?.getAttribute('href') ?? actor?.getAttribute('href'),
              ),
          ],
        ],
        true,
      ),
      id: b.pick(
        'post.repostOf.author.id',
        [['embedded-json', () => ft.original_content_owner_id]],
        true,
      ),
    },
    text: b.pick(
      'post.repostOf.text',
      [['dom', () => cleanMultiline(visibleText(shared?.querySelector(FB_SELECTORS.text)))]],
      true,
    ),
    publishedAt: b.pick(
      'post.repostOf.publishedAt',
      [['dom', () => timeOf(shared?.querySelector(FB_SELECTORS.time) ?? null)]],
      true,
    ),
  };
  return repost;
}
