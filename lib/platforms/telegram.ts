import { emptyPost, RecordBuilder } from './builder';
import { meta, metaRaw, titleOf } from './dom';
import type { Extractor } from './extractor';
import { routeOfUrl, urlFallback } from './url-fallback';
import { classifyDocument, classifyText } from './notices';
import type { ExtractedRecord, PostRecord } from './record';

import { cleanMultiline, cleanText, hashtagsOf, linksOf, mentionsOf } from './text';
import {
  handleFromApp,
  readFeedHeader,
  readPreviewAccount,
  TG_PAGE,
  type Route,
} from './telegram-channel';
import { parseDataPost, readMessage, TG_MESSAGE } from './telegram-widget';
import { outermost } from './dom-path';

/**
 * Telegram's public web: the t.me/<name> preview (channel, group or user), the single-post page
 * t.me/<channel>/<id> (and its ?embed=1 widget), and the t.me/s/<channel> feed — read as the
 * channel (`account`) with the posts shown (`posts`), or as one post when the URL names it.
 */
const INFO = { name: 'telegram', version: '1.0.0' };

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
  const fallback = urlFallback(b, doc, routeOfUrl('telegram', url));
  if (fallback) return b.finish(fallback);
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

/** One message of a channel's t.me/s/ feed (or of the web client's preview). */
function postAt(element: Element): Element | null {
  return outermost(element, TG_MESSAGE.message);
}

function extractPost(message: Element, doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('telegram', INFO, url);
  const post = readMessage(b, message);
  const ref = parseDataPost(message.getAttribute('data-post'));
  return b.finish({
    kind: 'post',
    canonicalUrl: null,
    title: titleOf(doc),
    post,
    target: {
      via: 'pointer',
      path: '',
      permalink: ref ? `https://t.me/${ref.handle}/${ref.id}` : null,
    },
  });
}

export const telegramExtractor: Extractor = {
  platform: 'telegram',
  version: INFO.version,
  matches: (url) => /^(t\.me|telegram\.me|telegram\.dog)$/i.test(url.hostname),
  extract,
  postAt,
  extractPost,
};
