import { emptyPost, RecordBuilder } from './builder';
import { cleanMultiline, cleanText, parseCount, parseDate, titleOf, visibleText } from './dom';
import { outermost } from './dom-path';
import { mediaIdFromShortcode } from './instagram-ids';
import type { ExtractedRecord, PostRecord } from './record';
import { hashtagsOf, linksOf, mentionsOf } from './text';

/**
 * A post in the logged-in Instagram home feed (or a profile's feed view): an `article` holding
 * the author's link in its header, `time[datetime]` inside the post's own `/p/…` or `/reel/…`
 * link, the media, the like count and the caption (`h1`, or the text after the author's name).
 * Hand-made fixtures modelled on the 2023–2025 web feed (tests/fixtures/handmade/instagram/
 * feed-*.html, 2026-12); no real saved logged-in feed page could be found.
 */
export const IG_FEED = {
  post: 'article',
  header: 'header',
  permalink: 'a[href*="/p/"], a[href*="/reel/"], a[href*="/tv/"]',
  caption: 'h1, [data-testid="post-caption"], ._a9zs',
  media: 'img[src], video[src]',
} as const;

const RESERVED = /^(p|reel|reels|tv|explore|stories|accounts|direct)$/;
const LIKES =
  /^([\d][\d.,\s\u00a0]*\s*(?:[kmb]|тыс\.?|млн|мың)?)\s*(?:likes?|отмет\S* «?нравится»?|ұнату\S*)$/i;

export function instagramPostAt(element: Element): Element | null {
  return outermost(element, IG_FEED.post);
}

function handleOf(href: string | null): string | null {
  const first = (href ?? '').replace(/^https?:\/\/(www\.)?instagram\.com/, '').split('/')[1];
  return first && /^[\w.]+$/.test(first) && !RESERVED.test(first) ? first : null;
}

function readArticle(
  b: RecordBuilder,
  article: Element,
): { post: PostRecord; permalink: string | null } {
  const post = emptyPost();
  const links = Array.from(article.querySelectorAll(IG_FEED.permalink));
  const own = links.find((a) => a.querySelector('time')) ?? links[0] ?? null;
  const href = own?.getAttribute('href') ?? null;
  const shortcode = /\/(?:p|reel|tv)\/([\w-]+)/.exec(href ?? '')?.[1] ?? null;
  const header = article.querySelector(IG_FEED.header);
  const authorLink =
    Array.from((header ?? article).querySelectorAll('a[href]')).find((a) =>
      handleOf(a.getAttribute('href')),
    ) ?? null;
  post.id = b.pick('post.id', [
    ['derived', () => (shortcode ? mediaIdFromShortcode(shortcode) : null)],
  ]);
  post.author.handle = b.pick('post.author.handle', [
    ['dom', () => handleOf(authorLink?.getAttribute('href') ?? null)],
  ]);
  b.pick('post.author.id', [], true);
  post.publishedAt = b.pick('post.publishedAt', [
    ['dom', () => parseDate(article.querySelector('time[datetime]')?.getAttribute('datetime'))],
  ]);
  const caption = article.querySelector(IG_FEED.caption);
  post.text = b.pick('post.text', [['dom', () => cleanMultiline(visibleText(caption))]], true);
  // "1,234 likes" is split over spans ("<span>1,234</span> likes"): short texts whole.
  const shortTexts = Array.from(article.querySelectorAll('span, a, div, section'))
    .map((el) => cleanText(el.textContent) ?? '')
    .filter((t) => t.length < 60);
  post.counts.likes = b.pick(
    'post.counts.likes',
    [['dom', () => parseCount(shortTexts.map((t) => LIKES.exec(t)?.[1]).find(Boolean))]],
    true,
  );
  post.media = Array.from(article.querySelectorAll(IG_FEED.media))
    .filter(
      (el) =>
        !header?.contains(el) &&
        !/profile picture|фото профиля/i.test(el.getAttribute('alt') ?? ''),
    )
    .map((el) => ({
      type: el.tagName.toUpperCase() === 'VIDEO' ? ('video' as const) : ('image' as const),
      url: el.getAttribute('src') ?? '',
    }))
    .filter((m) => m.url && !m.url.startsWith('blob:'));
  if (post.media.length) b.note('post.media', 'dom');
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  const permalink = shortcode ? new URL(href!, 'https://www.instagram.com/').href : null;
  return { post, permalink };
}

export function extractInstagramFeedPost(
  article: Element,
  doc: Document,
  url: URL,
  info: { name: string; version: string },
): ExtractedRecord {
  const b = new RecordBuilder('instagram', info, url);
  const { post, permalink } = readArticle(b, article);
  return b.finish({
    kind: 'post',
    canonicalUrl: null,
    title: titleOf(doc),
    post,
    target: { via: 'pointer', path: '', permalink },
  });
}
