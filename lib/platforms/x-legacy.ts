import { emptyAccount, emptyPost, type RecordBuilder } from './builder';
import { fromUnix, parseCount } from './dom';
import type { AccountRecord, PostRecord } from './record';
import { richText } from './rich-text';
import { snowflakeTime } from './snowflake';
import { cleanText, hashtagsOf, mentionsOf, unique } from './text';
import type { XTarget } from './x-shared';

/**
 * The pre-2020 server-rendered twitter.com permalink page (still what archives hold). Last seen on
 * onebox_twitter_legacy_Metallica_quote_1128068672289890305.html (2019-05).
 */
export const X_LEGACY = {
  tweet: '.permalink-tweet[data-tweet-id], .tweet[data-tweet-id]',
  text: '.js-tweet-text-container .tweet-text, p.tweet-text',
  hidden: 'u-hidden',
  time: '._timestamp[data-time]',
  stat: (kind: string) =>
    `.ProfileTweet-action--${kind} .ProfileTweet-actionCount[data-tweet-stat-count]`,
  photo: '.AdaptiveMedia-photoContainer[data-image-url]',
  video: '.PlayableMedia-player[data-playable-media-url], video[src]',
  quote: '.QuoteTweet-innerContainer',
  quoteName: '.QuoteTweet-fullname',
  quoteText: '.QuoteTweet-text',
  link: 'a.twitter-timeline-link',
} as const;

export function legacyTweet(doc: Document, target: XTarget): Element | null {
  if (target.statusId) {
    const own = doc.querySelector(`.tweet[data-tweet-id="${target.statusId}"]`);
    if (own) return own;
  }
  return doc.querySelector(X_LEGACY.tweet);
}

export function readLegacyPost(b: RecordBuilder, tweet: Element, target: XTarget): PostRecord {
  const post = emptyPost();
  const quote = tweet.querySelector(X_LEGACY.quote);
  const mine = (el: Element) => !quote || !quote.contains(el);
  const skipHidden = (el: Element) => el.classList.contains(X_LEGACY.hidden);
  const textEl = Array.from(tweet.querySelectorAll(X_LEGACY.text)).find(mine) ?? null;

  post.id = b.pick('post.id', [
    ['dom', () => tweet.getAttribute('data-tweet-id')],
    ['url', () => target.statusId],
  ]);
  post.author.handle = b.pick('post.author.handle', [
    ['dom', () => tweet.getAttribute('data-screen-name')],
    ['url', () => target.handle],
  ]);
  post.author.name = b.pick('post.author.name', [['dom', () => tweet.getAttribute('data-name')]]);
  post.author.id = b.pick('post.author.id', [['dom', () => tweet.getAttribute('data-user-id')]]);
  post.publishedAt = b.pick('post.publishedAt', [
    ['dom', () => fromUnix(tweet.querySelector(X_LEGACY.time)?.getAttribute('data-time'))],
    ['derived', () => snowflakeTime(post.id)],
  ]);
  post.text = b.pick('post.text', [
    ['dom', () => richText(textEl, { collapse: false, skip: skipHidden })],
  ]);
  const stat = (kind: string) => () =>
    parseCount(tweet.querySelector(X_LEGACY.stat(kind))?.getAttribute('data-tweet-stat-count'));
  post.counts.likes = b.pick('post.counts.likes', [['dom', stat('favorite')]]);
  post.counts.comments = b.pick('post.counts.comments', [['dom', stat('reply')]]);
  post.counts.shares = b.pick('post.counts.shares', [['dom', stat('retweet')]]);
  b.pick('post.counts.views', [], true);

  post.media = [
    ...Array.from(tweet.querySelectorAll(X_LEGACY.photo))
      .filter(mine)
      .map((el) => ({ type: 'image' as const, url: el.getAttribute('data-image-url') ?? '' })),
    ...Array.from(tweet.querySelectorAll(X_LEGACY.video))
      .filter(mine)
      .map((el) => ({
        type: 'video' as const,
        url: el.getAttribute('data-playable-media-url') ?? el.getAttribute('src') ?? '',
      })),
  ].filter((m) => m.url && !m.url.startsWith('blob:'));
  if (post.media.length) b.note('post.media', 'dom');

  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = unique(
    (textEl ? Array.from(textEl.querySelectorAll(X_LEGACY.link)) : [])
      .filter((a) => !skipHidden(a))
      .map((a) => a.getAttribute('data-expanded-url') ?? a.getAttribute('href') ?? '')
      .filter((h) => /^https?:/.test(h)),
  );
  post.repostOf = quote ? readLegacyQuote(b, quote, skipHidden) : null;
  return post;
}

function readLegacyQuote(
  b: RecordBuilder,
  quote: Element,
  skipHidden: (el: Element) => boolean,
): NonNullable<PostRecord['repostOf']> {
  const id = quote.getAttribute('data-item-id');
  const handle = quote.getAttribute('data-screen-name');
  const href = quote.getAttribute('href');
  b.note('post.repostOf', 'dom');
  return {
    id,
    url: href ? new URL(href, 'https://twitter.com').href : null,
    author: {
      handle,
      name: cleanText(quote.querySelector(X_LEGACY.quoteName)?.textContent),
      id: quote.getAttribute('data-user-id'),
    },
    text: richText(quote.querySelector(X_LEGACY.quoteText), { collapse: false, skip: skipHidden }),
    // The quote box shows no time; the id carries it.
    publishedAt: snowflakeTime(id),
  };
}

/**
 * The pre-2020 profile header (archived twitter.com profiles). Modelled on twitter.com markup of
 * 2019 as archives hold it; checked against the hand-made fixture
 * tests/fixtures/handmade/x/legacy-profile-en.html (2026-11).
 */
export const X_LEGACY_PROFILE = {
  card: '.ProfileHeaderCard',
  name: '.ProfileHeaderCard-nameLink',
  handle: '.ProfileHeaderCard-screenname b, .ProfileHeaderCard-screennameLink',
  bio: '.ProfileHeaderCard-bio',
  avatar: 'img.ProfileAvatar-image',
  nav: '.ProfileNav[data-user-id]',
  stat: (kind: string) => `.ProfileNav-item--${kind} .ProfileNav-value[data-count]`,
  verified: '.ProfileHeaderCard-badges .Icon--verified',
  protected: '.ProfileHeaderCard-badges .Icon--protected',
} as const;

export function readLegacyProfile(b: RecordBuilder, doc: Document, target: XTarget): AccountRecord {
  const account = emptyAccount();
  const card = doc.querySelector(X_LEGACY_PROFILE.card);
  const stat = (kind: string) => () =>
    parseCount(doc.querySelector(X_LEGACY_PROFILE.stat(kind))?.getAttribute('data-count'));
  account.handle = b.pick('account.handle', [
    [
      'dom',
      () => cleanText(card?.querySelector(X_LEGACY_PROFILE.handle)?.textContent)?.replace(/^@/, ''),
    ],
    ['url', () => target.handle],
  ]);
  account.name = b.pick('account.name', [
    ['dom', () => cleanText(card?.querySelector(X_LEGACY_PROFILE.name)?.textContent)],
  ]);
  account.id = b.pick('account.id', [
    ['dom', () => doc.querySelector(X_LEGACY_PROFILE.nav)?.getAttribute('data-user-id')],
  ]);
  account.bio = b.pick(
    'account.bio',
    [['dom', () => richText(card?.querySelector(X_LEGACY_PROFILE.bio), { collapse: true })]],
    true,
  );
  account.avatarUrl = b.pick('account.avatarUrl', [
    ['dom', () => doc.querySelector(X_LEGACY_PROFILE.avatar)?.getAttribute('src')],
  ]);
  account.followers = b.pick('account.followers', [['dom', stat('followers')]]);
  account.following = b.pick('account.following', [['dom', stat('following')]]);
  account.posts = b.pick('account.posts', [['dom', stat('tweets')]]);
  if (card) {
    account.verified = Boolean(card.querySelector(X_LEGACY_PROFILE.verified));
    account.private = Boolean(card.querySelector(X_LEGACY_PROFILE.protected));
    b.note('account.verified', 'dom');
    b.note('account.private', 'dom');
  }
  account.state = account.private ? 'private' : 'active';
  return account;
}
