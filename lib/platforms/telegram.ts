import { emptyAccount, emptyPost, RecordBuilder } from './builder';
import { meta, metaRaw, parseCount, titleOf } from './dom';
import type { Extractor } from './extractor';
import { classifyDocument, classifyText } from './notices';
import type { AccountRecord, ExtractedRecord, PostRecord } from './record';
import { richText } from './rich-text';
import { cleanMultiline, cleanText, hashtagsOf, linksOf, mentionsOf } from './text';
import { parseDataPost, readMessage, TG_MESSAGE } from './telegram-widget';

/**
 * Telegram's public web: the t.me/<name> preview (channel, group or user), the single-post page
 * t.me/<channel>/<id> (and its ?embed=1 widget), and the t.me/s/<channel> feed — read as the
 * channel (`account`) with the posts shown (`posts`), or as one post when the URL names it.
 */
const INFO = { name: 'telegram', version: '1.0.0' };

/**
 * Preview page, last seen on metascraper_tme_unlimitedhangout_contact.html (2021-02) and
 * metascraper_tme_chollometro_post_image.html (2024-01); feed header as t.me/s/ rendered it (2023).
 */
export const TG_PAGE = {
  page: '.tgme_page',
  title: '.tgme_page_title',
  extra: '.tgme_page_extra',
  description: '.tgme_page_description',
  photo: '.tgme_page_photo_image',
  verified: '.verified-icon',
  postWidget: '.tgme_page_widget iframe[id^="telegram-post-"], script[data-telegram-post]',
  additional: '.tgme_page_additional',
  channelInfo: '.tgme_channel_info',
  channelTitle: '.tgme_channel_info_header_title',
  channelUsername: '.tgme_channel_info_header_username',
  channelDescription: '.tgme_channel_info_description',
  channelCounter: '.tgme_channel_info_counter',
  counterValue: '.counter_value',
  counterType: '.counter_type',
  appUrl: 'al:ios:url',
} as const;

const FOLLOWER_WORDS = /subscriber|member|подписчик|участник|жазылушы|қатысушы|мүше/i;
const POST_WORDS = /^(post|posts|публикац|жазба)/i;

interface Route {
  handle: string | null;
  postId: string | null;
  feed: boolean;
}

function route(url: URL): Route {
  const parts = url.pathname.split('/').filter(Boolean);
  const feed = parts[0] === 's';
  const rest = feed ? parts.slice(1) : parts;
  const handle = /^[\w.]{3,}$/.test(rest[0] ?? '') ? rest[0]! : null;
  const postId = /^\d+$/.test(rest[1] ?? '') ? rest[1]! : null;
  return { handle, postId, feed };
}

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('telegram', INFO, url);
  const r = route(url);
  const base = { canonicalUrl: null, title: titleOf(doc) };
  const messages = Array.from(doc.querySelectorAll(TG_MESSAGE.message));
  const header = doc.querySelector(TG_PAGE.channelInfo);

  if (messages.length) {
    const named = r.postId
      ? messages.find((m) => parseDataPost(m.getAttribute('data-post'))?.id === r.postId)
      : undefined;
    const account = header ? readFeedHeader(b, doc, r) : null;
    if (named || (!header && messages.length === 1)) {
      const post = readMessage(b, named ?? messages[0]!);
      return b.finish({ ...base, kind: 'post', post, ...(account ? { account } : {}) });
    }
    const posts = messages.map((m, i) => readMessage(b, m, `posts.${i}`));
    b.note('posts', 'dom');
    return b.finish({ ...base, kind: account ? 'account' : 'page', account, posts });
  }
  if (header) {
    const account = readFeedHeader(b, doc, r);
    const notice = classifyDocument(doc);
    return b.finish({ ...base, kind: notice ? 'notice' : 'account', account, notice, posts: [] });
  }
  const page = doc.querySelector(TG_PAGE.page);
  const postRef = r.postId ?? /[?&]post=(\d+)/.exec(meta(doc, TG_PAGE.appUrl) ?? '')?.[1] ?? null;
  if (page && (postRef || doc.querySelector(TG_PAGE.postWidget)) && meta(doc, 'og:description')) {
    return b.finish({ ...base, kind: 'post', post: readPreviewPost(b, doc, r, postRef) });
  }
  if (page && doc.querySelector(TG_PAGE.title)) {
    const account = readPreviewAccount(b, doc, r);
    // A blocked channel keeps its title and photo; the block is written where the bio was.
    const notice = classifyText(
      [TG_PAGE.description, TG_PAGE.additional]
        .map((s) => cleanText(doc.querySelector(s)?.textContent))
        .filter(Boolean)
        .join(' '),
    );
    if (notice) {
      account.bio = null;
      delete b.sources['account.bio'];
      account.state =
        notice.type === 'suspended'
          ? 'suspended'
          : notice.type === 'withheld'
            ? 'restricted'
            : 'unknown';
      b.note('notice', 'dom');
      return b.finish({ ...base, kind: 'notice', account, notice });
    }
    return b.finish({ ...base, kind: 'account', account });
  }
  const notice = classifyDocument(doc) ?? missingName(doc, page);
  if (notice) {
    b.note('notice', 'dom');
    return b.finish({ ...base, kind: 'notice', notice });
  }
  b.warn('page: no channel, post or known notice found');
  return b.finish({ ...base, kind: 'page' });
}

/**
 * t.me/<name> for a name nobody holds renders the bare "contact" page: no title, no photo, only
 * the invitation line. That line is the platform's whole message.
 */
function missingName(doc: Document, page: Element | null): ExtractedRecord['notice'] {
  if (!page) return null;
  const message = cleanText(doc.querySelector(TG_PAGE.additional)?.textContent);
  return message ? { type: 'not_found', message, language: null } : null;
}

function handleFromApp(doc: Document): string | null {
  return /domain=([\w.]+)/.exec(meta(doc, TG_PAGE.appUrl) ?? '')?.[1] ?? null;
}

function photoOf(el: Element | null): string | null {
  if (!el) return null;
  const img = el.tagName.toUpperCase() === 'IMG' ? el : el.querySelector('img');
  return img?.getAttribute('src') ?? null;
}

function readPreviewAccount(b: RecordBuilder, doc: Document, r: Route): AccountRecord {
  const account = emptyAccount();
  const title = doc.querySelector(TG_PAGE.title);
  const extra = cleanText(doc.querySelector(TG_PAGE.extra)?.textContent);
  account.handle = b.pick('account.handle', [
    ['url', () => r.handle],
    ['meta', () => handleFromApp(doc)],
  ]);
  account.name = b.pick('account.name', [
    ['dom', () => cleanText(title?.textContent)],
    ['meta', () => meta(doc, 'og:title')],
  ]);
  b.pick('account.id', [], true);
  account.bio = b.pick(
    'account.bio',
    [
      ['dom', () => richText(doc.querySelector(TG_PAGE.description), { collapse: true })],
      ['meta', () => cleanMultiline(metaRaw(doc, 'og:description'))],
    ],
    true,
  );
  account.avatarUrl = b.pick('account.avatarUrl', [
    ['dom', () => photoOf(doc.querySelector(TG_PAGE.photo))],
    ['meta', () => meta(doc, 'og:image')],
  ]);
  account.followers = b.pick('account.followers', [
    ['dom', () => (extra && FOLLOWER_WORDS.test(extra) ? parseCount(extra) : null)],
  ]);
  if (title) {
    account.verified = Boolean(title.querySelector(TG_PAGE.verified));
    b.note('account.verified', 'dom');
  }
  account.state = 'active';
  return account;
}

function readFeedHeader(b: RecordBuilder, doc: Document, r: Route): AccountRecord {
  const account = emptyAccount();
  const title = doc.querySelector(TG_PAGE.channelTitle);
  const counters = Array.from(doc.querySelectorAll(TG_PAGE.channelCounter)).map((c) => ({
    value: cleanText(c.querySelector(TG_PAGE.counterValue)?.textContent),
    type: cleanText(c.querySelector(TG_PAGE.counterType)?.textContent) ?? '',
  }));
  const counter = (words: RegExp) => {
    const found = counters.find((c) => words.test(c.type));
    if (found?.value && /[^\d\s]/.test(found.value)) {
      b.warn(`account: "${found.type}" shown rounded ("${found.value}")`);
    }
    return parseCount(found?.value);
  };
  account.handle = b.pick('account.handle', [
    [
      'dom',
      () => cleanText(doc.querySelector(TG_PAGE.channelUsername)?.textContent)?.replace(/^@/, ''),
    ],
    ['url', () => r.handle],
  ]);
  account.name = b.pick('account.name', [
    ['dom', () => cleanText(title?.textContent)],
    ['meta', () => meta(doc, 'og:title')],
  ]);
  b.pick('account.id', [], true);
  account.bio = b.pick(
    'account.bio',
    [['dom', () => richText(doc.querySelector(TG_PAGE.channelDescription), { collapse: true })]],
    true,
  );
  account.avatarUrl = b.pick('account.avatarUrl', [
    ['dom', () => photoOf(doc.querySelector(`${TG_PAGE.channelInfo} ${TG_PAGE.photo}`))],
    ['meta', () => meta(doc, 'og:image')],
  ]);
  account.followers = b.pick('account.followers', [['dom', () => counter(FOLLOWER_WORDS)]]);
  account.posts = b.pick('account.posts', [['dom', () => counter(POST_WORDS)]], true);
  if (title) {
    account.verified = Boolean(title.querySelector(TG_PAGE.verified));
    b.note('account.verified', 'dom');
  }
  account.state = 'active';
  return account;
}

/**
 * t.me/<channel>/<id> without ?embed=1: the post itself sits in an iframe that a saved page does
 * not contain, so only og: tags describe it and the date is not on the page.
 */
function readPreviewPost(
  b: RecordBuilder,
  doc: Document,
  r: Route,
  postRef: string | null,
): PostRecord {
  const post = emptyPost();
  post.id = b.pick('post.id', [
    ['url', () => r.postId],
    ['meta', () => postRef],
  ]);
  post.author.handle = b.pick('post.author.handle', [
    ['url', () => r.handle],
    ['meta', () => handleFromApp(doc)],
  ]);
  post.author.name = b.pick('post.author.name', [['meta', () => meta(doc, 'og:title')]]);
  b.pick('post.author.id', [], true);
  post.text = b.pick('post.text', [['meta', () => cleanMultiline(metaRaw(doc, 'og:description'))]]);
  b.pick('post.publishedAt', []);
  const image = meta(doc, 'og:image');
  if (image) {
    post.media = [{ type: 'image', url: image }];
    b.note('post.media', 'meta');
    b.warn('post.media: og:image is the post photo, or the channel photo when the post has none');
  }
  b.warn('post.counts: shown only inside the embedded widget, not saved with this page');
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return post;
}

export const telegramExtractor: Extractor = {
  platform: 'telegram',
  version: INFO.version,
  matches: (url) => /^(t\.me|telegram\.me|telegram\.dog)$/i.test(url.hostname),
  extract,
};
