import { RecordBuilder } from './builder';
import { canonicalUrl, titleOf } from './dom';
import { outermost } from './dom-path';
import { queryAll, revealedRoots } from './facebook-hidden';
import { handleFromHref } from './facebook-ids';
import { readStoryPost, type PostRoute } from './facebook-post';
import { FB_SELECTORS } from './facebook-selectors';
import { idsFromLinks } from './facebook-story-data';
import type { ExtractedRecord, PostRecord } from './record';

/**
 * Posts inside a feed: the news feed, a page's or group's timeline, search results. A story is
 * the outermost story container (a shared post's inner article belongs to its outer story).
 * Last seen: www.facebook.com classic news feed `div[data-testid="fbfeed_story"]
 * [id^="hyperfeed_story_id_"]` (2017-08, tests/fixtures/found/facebook/feed/propublica_*);
 * Comet `[data-pagelet^="FeedUnit"]`, `[aria-posinset]` (hand-made, 2026-12).
 */
export const FB_FEED_STORY = `[data-testid="fbfeed_story"], [id^="hyperfeed_story_id_"], [data-pagelet^="FeedUnit"], ${FB_SELECTORS.story}`;

export function facebookPostAt(element: Element): Element | null {
  return outermost(element, FB_FEED_STORY);
}

/** The stories a page lists, outermost only, in page order. */
export function feedStories(doc: Document): Element[] {
  return queryAll(revealedRoots(doc), FB_FEED_STORY).filter(
    (el) => !el.parentElement?.closest(FB_FEED_STORY),
  );
}

/** What a story's own links say it is: its id, owner and permalink. */
function storyRoute(story: Element): PostRoute {
  const links = idsFromLinks(story);
  const owner = links.permalink ? handleFromHref(links.permalink) : null;
  return { page: 'post', id: null, owner, variant: 'post' };
}

/** One story of a feed, read from its container only (never the feed page's meta tags). */
export function readFeedStory(doc: Document, b: RecordBuilder, story: Element): PostRecord {
  return readStoryPost(doc, b, story, storyRoute(story), false);
}

export function extractFacebookStory(
  container: Element,
  doc: Document,
  url: URL,
  info: { name: string; version: string },
): ExtractedRecord {
  const b = new RecordBuilder('facebook', info, url);
  const post = readFeedStory(doc, b, container);
  return b.finish({
    kind: 'post',
    canonicalUrl: canonicalUrl(doc),
    title: titleOf(doc),
    post,
    target: { via: 'pointer', path: '', permalink: idsFromLinks(container).permalink },
  });
}

/**
 * A feed page (news feed, search, a fragment of either): one story is that post; several are the
 * page's `posts`, each read as its own story. Null when the page shows no story.
 */
export function extractFacebookFeed(
  doc: Document,
  b: RecordBuilder,
  info: { name: string; version: string },
): ExtractedRecord | null {
  const stories = feedStories(doc);
  if (!stories.length) return null;
  const base = { canonicalUrl: canonicalUrl(doc), title: titleOf(doc) };
  if (stories.length === 1) {
    b.warn('page: a feed showing one story; recorded as that post');
    return b.finish({ ...base, kind: 'post', post: readFeedStory(doc, b, stories[0]!) });
  }
  const posts = stories.map((story) =>
    // Each story gets its own builder: a field missing from one story is not a page warning.
    readFeedStory(doc, new RecordBuilder('facebook', info, b.url), story),
  );
  b.note('posts', 'dom');
  b.warn(
    `page: a feed of ${posts.length} posts; right-click one and choose "Capture this post" for a record of that post`,
  );
  return b.finish({ ...base, kind: 'page', posts });
}
