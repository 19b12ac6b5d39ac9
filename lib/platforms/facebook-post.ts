import { emptyPost, type Candidate, type RecordBuilder } from './builder';
import {
  canonicalUrl,
  cleanMultiline,
  cleanText,
  fromUnix,
  inlineScripts,
  jsonLd,
  meta,
  parseCount,
  titleOf,
  visibleText,
} from './dom';
import { countsFromScripts, countsFromText } from './facebook-counts';
import { queryAll, revealedRoots } from './facebook-hidden';
import { handleFromHref, profileIdFromHref, type FacebookRoute } from './facebook-ids';
import { FB_SELECTORS } from './facebook-selectors';
import { sharedPost } from './facebook-shared';
import {
  dataFt,
  firstOutside,
  hovercardId,
  idFromUrl,
  idsFromLinks,
  imagesOf,
  timeOf,
} from './facebook-story-data';
import { classifyDocument } from './notices';
import { countsFromLd } from './structured-counts';
import type { ExtractedRecord, PostRecord } from './record';
import { hashtagsOf, linksOf, mentionsOf } from './text';

export type PostRoute = Extract<FacebookRoute, { page: 'post' }>;

/** Post, photo, video and group-post pages (m.facebook.com, classic and Comet www). */
export function extractFacebookPost(
  doc: Document,
  url: URL,
  b: RecordBuilder,
  route: PostRoute,
): ExtractedRecord {
  const story = mainStory(revealedRoots(doc), route.id);
  const post = readStoryPost(doc, b, story, route, true);
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

/**
 * One post from its story container. `pageMeta`: the page is this post's own page, so its og:
 * tags and title describe the post (never true for a story read out of a feed).
 */
export function readStoryPost(
  doc: Document,
  b: RecordBuilder,
  story: Element | null,
  route: PostRoute,
  pageMeta: boolean,
): PostRecord {
  const ft = story ? dataFt(story) : {};
  const links = idsFromLinks(story);
  const shared = story?.querySelector(FB_SELECTORS.shared) ?? null;
  const own = (selector: string) => firstOutside(story, shared, selector);
  const pageMetaOf = (get: () => string | null | undefined) => () => (pageMeta ? get() : null);
  const post = emptyPost();
  // A pfbid… address is an opaque token; the numeric story id, where the page has it, is the id.
  const opaque = Boolean(route.id && !/^\d+$/.test(route.id));
  const numericIds: Array<Candidate<string>> = [
    ['embedded-json', () => ft.top_level_post_id ?? ft.mf_story_key],
    ['dom', () => links.postId],
    ['embedded-json', () => (opaque && pageMeta ? storyIdInScripts(doc) : null)],
    ['meta', pageMetaOf(() => idFromUrl(meta(doc, 'og:url')))],
  ];
  post.id = b.pick(
    'post.id',
    opaque ? [...numericIds, ['url', () => route.id]] : [['url', () => route.id], ...numericIds],
  );
  const actor = own(FB_SELECTORS.actor);
  const actorHref = actor?.closest('a')?.getAttribute('href') ?? actor?.getAttribute('href');
  post.author.name = b.pick('post.author.name', [
    ['dom', () => cleanText(actor?.textContent)],
    // On video pages og:title is the video's title, not its author.
    ['meta', pageMetaOf(() => (route.variant === 'video' ? null : meta(doc, 'og:title')))],
    [
      'meta',
      pageMetaOf(() =>
        /^m\./.test(b.url.hostname) ? /^(.+?) - /.exec(titleOf(doc) ?? '')?.[1] : null,
      ),
    ],
  ]);
  post.author.handle = b.pick(
    'post.author.handle',
    [
      ['dom', () => handleFromHref(actorHref)],
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
      ['embedded-json', () => ft.content_owner_id_new ?? ft.page_id ?? ft.owner_id ?? ft.actor_id],
      ['dom', () => profileIdFromHref(actorHref) ?? hovercardId(actor)],
      ['dom', () => links.ownerId],
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
      ['meta', pageMetaOf(() => meta(doc, 'og:description'))],
    ],
    true,
  );
  post.media =
    b.pick('post.media', [
      [
        'meta',
        () => (pageMeta ? videoOf(meta(doc, 'og:video') ?? meta(doc, 'og:video:url')) : null),
      ],
      ['dom', () => imagesOf(story, shared)],
      ['meta', () => (pageMeta ? imageOf(meta(doc, 'og:image')) : null)],
    ]) ?? [];
  const counts = pageMeta ? countsFromScripts(doc, post.id) : null;
  const ld = pageMeta ? countsFromLd(jsonLd(doc, b.warnings)) : null;
  const domCount = (selector: string) => parseCount(cleanText(own(selector)?.textContent));
  const shown = countsFromText(story);
  post.counts.likes = b.pick('post.counts.likes', [
    ['embedded-json', () => counts?.likes],
    ['dom', () => domCount(FB_SELECTORS.reactions)],
    ['dom', () => shown?.likes],
    ['json-ld', () => ld?.likes],
  ]);
  post.counts.comments = b.pick('post.counts.comments', [
    ['embedded-json', () => counts?.comments],
    ['dom', () => domCount(FB_SELECTORS.comments)],
    ['dom', () => shown?.comments],
    ['json-ld', () => ld?.comments],
  ]);
  post.counts.shares = b.pick('post.counts.shares', [
    ['embedded-json', () => counts?.shares],
    ['dom', () => domCount(FB_SELECTORS.shares)],
    ['dom', () => shown?.shares],
    ['json-ld', () => ld?.shares],
  ]);
  post.repostOf = shared || ft.original_content_id ? sharedPost(shared, ft, b) : null;
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return post;
}

const videoOf = (url: string | null): PostRecord['media'] | null =>
  url ? [{ type: 'video', url }] : null;
const imageOf = (url: string | null): PostRecord['media'] | null =>
  url ? [{ type: 'image', url }] : null;

/**
 * The numeric story id in Comet page state, for a post opened by its pfbid address: the
 * `"post_id":"…"` / `"story_fbid":"…"` of the page's first story.
 */
function storyIdInScripts(doc: Document): string | null {
  for (const source of inlineScripts(doc)) {
    const m = /"(?:post_id|story_fbid|top_level_post_id)":"?(\d{8,})/.exec(source);
    if (m) return m[1]!;
  }
  return null;
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
