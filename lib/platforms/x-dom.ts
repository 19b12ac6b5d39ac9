import { emptyAccount, emptyPost, type RecordBuilder } from './builder';
import { asNumber, asString, jsonLd, jsonLdOfType, parseCount, parseDate } from './dom';
import type { AccountRecord, PostRecord } from './record';
import { richText } from './rich-text';
import { snowflakeTime } from './snowflake';
import { hashtagsOf, mentionsOf, unique, cleanMultiline, cleanText } from './text';
import { countsFromLabel, type XTarget } from './x-shared';

/**
 * The rendered x.com DOM (React, `data-testid` hooks). Last seen on
 * metascraper_x_realDonaldTrump_1222907250383245320.html and metascraper_x_Forbes_…_link.html
 * (2026-01), metascraper_x_Kikobeats_profile.html (2025-12).
 */
export const X_DOM = {
  tweet: 'article[data-testid="tweet"]',
  text: '[data-testid="tweetText"]',
  userName: '[data-testid="User-Name"]',
  actionGroup: '[role="group"][aria-label]',
  photo: '[data-testid="tweetPhoto"] img',
  video: '[data-testid="videoPlayer"] video',
  card: '[data-testid="card.wrapper"] a[href]',
  verified: '[data-testid="icon-verified"], svg[aria-label="Verified account"]',
  locked: '[data-testid="icon-lock"], svg[aria-label="Protected account"]',
  profileName: '[data-testid="UserName"]',
  profileBio: '[data-testid="UserDescription"]',
  followers: 'a[href$="/followers"], a[href$="/verified_followers"]',
  following: 'a[href$="/following"]',
  emptyState: '[data-testid="emptyState"], [data-testid="error-detail"]',
} as const;

/** The focal post: the article whose permalink names the URL's status id, else the first one. */
export function focalTweet(doc: Document, target: XTarget): Element | null {
  const articles = Array.from(doc.querySelectorAll(X_DOM.tweet));
  if (target.statusId) {
    const own = articles.find((a) => a.querySelector(`a[href$="/status/${target.statusId}"] time`));
    if (own) return own;
  }
  return articles[0] ?? null;
}

/**
 * A quoted post renders as a clickable block inside the article that has its own User-Name;
 * returns that block so the main post's fields can leave it out.
 */
function quoteBlock(article: Element): Element | null {
  const names = Array.from(article.querySelectorAll(X_DOM.userName));
  const inner = names[1];
  if (!inner) return null;
  let block: Element | null = inner;
  while (block && block !== article && block.getAttribute('role') !== 'link') {
    block = block.parentElement;
  }
  return block && block !== article ? block : null;
}

function outside(quote: Element | null) {
  return (el: Element) => !quote || !quote.contains(el);
}

/** Name and handle from a User-Name block: links to `/handle`, the one starting with `@`. */
function userOf(block: Element | null): { name: string | null; handle: string | null } {
  if (!block) return { name: null, handle: null };
  let name: string | null = null;
  let handle: string | null = null;
  for (const link of Array.from(block.querySelectorAll('a[href^="/"]'))) {
    const label = cleanText(richText(link, { collapse: true }));
    if (!label) continue;
    if (label.startsWith('@')) handle ??= label.slice(1);
    else name ??= label;
  }
  if (!handle || !name) {
    const spans = Array.from(block.querySelectorAll('span'))
      .map((s) => cleanText(s.textContent))
      .filter((s): s is string => Boolean(s));
    handle ??= spans.find((s) => /^@\w{1,15}$/.test(s))?.slice(1) ?? null;
    name ??= spans.find((s) => !s.startsWith('@') && s !== '·') ?? null;
  }
  return { name, handle };
}

export function readDomPost(b: RecordBuilder, article: Element, target: XTarget): PostRecord {
  const post = emptyPost();
  const quote = quoteBlock(article);
  const mine = outside(quote);
  const textEl = Array.from(article.querySelectorAll(X_DOM.text)).find(mine) ?? null;
  const user = userOf(Array.from(article.querySelectorAll(X_DOM.userName)).find(mine) ?? null);
  const permalink = Array.from(article.querySelectorAll('a[href*="/status/"]'))
    .filter(mine)
    .find((a) => a.querySelector('time'));
  const linkId = /\/status\/(\d+)/.exec(permalink?.getAttribute('href') ?? '')?.[1] ?? null;

  post.id = b.pick('post.id', [
    ['dom', () => linkId],
    ['url', () => target.statusId],
  ]);
  post.author.handle = b.pick('post.author.handle', [
    ['dom', () => user.handle],
    ['url', () => target.handle],
  ]);
  post.author.name = b.pick('post.author.name', [['dom', () => user.name]]);
  b.pick('post.author.id', [], true);
  post.publishedAt = b.pick('post.publishedAt', [
    ['dom', () => parseDate(permalink?.querySelector('time')?.getAttribute('datetime'))],
    ['derived', () => snowflakeTime(post.id)],
  ]);
  post.text = b.pick('post.text', [['dom', () => richText(textEl, { collapse: false })]]);

  const label = Array.from(article.querySelectorAll(X_DOM.actionGroup))
    .filter(mine)
    .map((g) => g.getAttribute('aria-label'))
    .find((l) => l && /\d/.test(l));
  const counts = countsFromLabel(label);
  post.counts.likes = b.pick('post.counts.likes', [['dom', () => counts.likes]]);
  post.counts.comments = b.pick('post.counts.comments', [['dom', () => counts.comments]]);
  post.counts.shares = b.pick('post.counts.shares', [['dom', () => counts.shares]]);
  // Views are shown only on newer posts; their absence is not a failure.
  post.counts.views = b.pick('post.counts.views', [['dom', () => counts.views]], true);

  post.media = [
    ...Array.from(article.querySelectorAll(X_DOM.photo))
      .filter(mine)
      .map((img) => ({ type: 'image' as const, url: img.getAttribute('src') ?? '' })),
    ...Array.from(article.querySelectorAll(X_DOM.video))
      .filter(mine)
      .map((v) => ({
        type: 'video' as const,
        url: v.getAttribute('src') ?? v.getAttribute('poster') ?? '',
      })),
  ].filter((m) => m.url && !m.url.startsWith('blob:'));
  if (post.media.length) b.note('post.media', 'dom');

  const anchors = textEl ? Array.from(textEl.querySelectorAll('a[href]')) : [];
  post.hashtags = unique([
    ...anchors
      .filter((a) => (a.getAttribute('href') ?? '').startsWith('/hashtag/'))
      .map((a) => (a.textContent ?? '').replace(/^[#＃]/, '').trim()),
    ...hashtagsOf(post.text),
  ]).filter(Boolean);
  post.mentions = mentionsOf(post.text);
  post.links = unique([
    ...anchors.map((a) => a.getAttribute('href') ?? '').filter((h) => /^https?:/.test(h)),
    ...Array.from(article.querySelectorAll(X_DOM.card))
      .filter(mine)
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => /^https?:/.test(h)),
  ]);
  post.repostOf = quote ? readQuote(b, quote) : null;
  return post;
}

function readQuote(b: RecordBuilder, quote: Element): NonNullable<PostRecord['repostOf']> {
  const user = userOf(quote.querySelector(X_DOM.userName));
  const link = quote.querySelector('a[href*="/status/"]')?.getAttribute('href') ?? null;
  const id = /\/status\/(\d+)/.exec(link ?? '')?.[1] ?? null;
  b.note('post.repostOf', 'dom');
  return {
    id,
    url: id ? `https://x.com/${user.handle ?? 'i/web'}/status/${id}` : null,
    author: { handle: user.handle, name: user.name, id: null },
    text: richText(quote.querySelector(X_DOM.text), { collapse: false }),
    publishedAt:
      parseDate(quote.querySelector('time')?.getAttribute('datetime')) ?? snowflakeTime(id),
  };
}

/** A profile: JSON-LD ProfilePage/Person first (ids, exact counts), then the rendered header. */
export function readDomProfile(b: RecordBuilder, doc: Document, target: XTarget): AccountRecord {
  const account = emptyAccount();
  const person = asRecord(jsonLdOfType(jsonLd(doc, b.warnings), 'ProfilePage')?.mainEntity);
  const stats = interactionCounts(person);
  const header = doc.querySelector(X_DOM.profileName);
  const user = userOfHeader(header);

  account.handle = b.pick('account.handle', [
    ['json-ld', () => asString(person?.additionalName)],
    ['dom', () => user.handle],
    ['url', () => target.handle],
  ]);
  account.name = b.pick('account.name', [
    ['json-ld', () => asString(person?.name)],
    ['dom', () => user.name],
  ]);
  account.id = b.pick('account.id', [['json-ld', () => asString(person?.identifier)]]);
  account.bio = b.pick(
    'account.bio',
    [
      ['json-ld', () => cleanMultiline(asString(person?.description))],
      [
        'dom',
        () => cleanMultiline(richText(doc.querySelector(X_DOM.profileBio), { collapse: true })),
      ],
    ],
    true,
  );
  account.avatarUrl = b.pick('account.avatarUrl', [
    ['json-ld', () => asString(asRecord(person?.image)?.contentUrl)],
    ['dom', () => doc.querySelector('a[href$="/photo"] img')?.getAttribute('src')],
  ]);
  account.followers = b.pick('account.followers', [
    ['json-ld', () => stats.Follows],
    ['dom', () => parseCount(doc.querySelector(X_DOM.followers)?.textContent)],
  ]);
  account.following = b.pick('account.following', [
    ['json-ld', () => stats.Friends],
    ['dom', () => parseCount(doc.querySelector(X_DOM.following)?.textContent)],
  ]);
  account.posts = b.pick('account.posts', [['json-ld', () => stats.Tweets]]);
  if (header) {
    account.verified = Boolean(header.querySelector(X_DOM.verified));
    account.private = Boolean(header.querySelector(X_DOM.locked));
    b.note('account.verified', 'dom');
    b.note('account.private', 'dom');
  } else {
    b.warn('account.verified: no profile header to read badges from');
  }
  account.state = account.private ? 'private' : 'active';
  return account;
}

function userOfHeader(header: Element | null): { name: string | null; handle: string | null } {
  if (!header) return { name: null, handle: null };
  const spans = Array.from(header.querySelectorAll('span'))
    .map((s) => cleanText(richText(s, { collapse: true })))
    .filter((s): s is string => Boolean(s));
  return {
    handle: spans.find((s) => /^@\w{1,15}$/.test(s))?.slice(1) ?? null,
    name: spans.find((s) => !s.startsWith('@')) ?? null,
  };
}

function interactionCounts(person: Record<string, unknown> | null): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const list = Array.isArray(person?.interactionStatistic) ? person.interactionStatistic : [];
  for (const item of list) {
    const stat = asRecord(item);
    const name = asString(stat?.name);
    if (name) out[name] = asNumber(stat?.userInteractionCount);
  }
  return out;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
