import { emptyPost, type RecordBuilder } from './builder';
import { parseCount, parseDate } from './dom';
import type { PostRecord } from './record';
import { richText } from './rich-text';
import { cleanText, hashtagsOf, linksOf, mentionsOf, unique } from './text';

/**
 * One message in Telegram's web widget markup, used by t.me/s/<channel> feeds and by the
 * t.me/<channel>/<id>?embed=1 widget. Last seen on
 * any2feed_tme_s_topwar_message_photo_and_video_fragment.html (2023-02).
 */
export const TG_MESSAGE = {
  message: '.tgme_widget_message[data-post]',
  owner: '.tgme_widget_message_owner_name',
  text: '.tgme_widget_message_text',
  reply: '.tgme_widget_message_reply',
  forwarded: '.tgme_widget_message_forwarded_from',
  forwardedName: '.tgme_widget_message_forwarded_from_name',
  date: '.tgme_widget_message_date time[datetime]',
  views: '.tgme_widget_message_views',
  media:
    '.tgme_widget_message_photo_wrap, video.tgme_widget_message_video, .tgme_widget_message_document_wrap audio[src]',
  error: '.tgme_widget_message_error, .message_media_not_supported_label',
} as const;

/** `channel/123` → parts; `c/123` addresses private channels by number. */
export function parseDataPost(value: string | null): { handle: string; id: string } | null {
  const m = /^([\w.]+)\/(\d+)$/.exec(value ?? '');
  return m ? { handle: m[1]!, id: m[2]! } : null;
}

/** Text block of the message itself, not of the message it replies to. */
function ownText(message: Element): Element | null {
  const candidates = Array.from(message.querySelectorAll(TG_MESSAGE.text)).filter(
    (el) => !el.closest(TG_MESSAGE.reply),
  );
  // Some saved markup nests a text block inside another; the innermost one holds the text.
  return candidates.find((el) => !el.querySelector(TG_MESSAGE.text)) ?? candidates[0] ?? null;
}

function backgroundUrl(el: Element): string | null {
  return (
    /background-image:\s*url\((['"]?)(.*?)\1\)/.exec(el.getAttribute('style') ?? '')?.[2] ?? null
  );
}

/**
 * Reads one widget message. `prefix` is the field path for provenance (`post` or `posts.3`);
 * warnings about absent fields are given only for the main post, not for each feed entry.
 */
export function readMessage(b: RecordBuilder, message: Element, prefix = 'post'): PostRecord {
  const post = emptyPost();
  const quiet = prefix !== 'post';
  const ref = parseDataPost(message.getAttribute('data-post'));
  post.id = b.pick(`${prefix}.id`, [['dom', () => ref?.id]], quiet);
  post.author.handle = b.pick(`${prefix}.author.handle`, [['dom', () => ref?.handle]], quiet);
  post.author.name = b.pick(
    `${prefix}.author.name`,
    [['dom', () => cleanText(message.querySelector(TG_MESSAGE.owner)?.textContent)]],
    quiet,
  );
  post.publishedAt = b.pick(
    `${prefix}.publishedAt`,
    [['dom', () => parseDate(message.querySelector(TG_MESSAGE.date)?.getAttribute('datetime'))]],
    quiet,
  );
  const textEl = ownText(message);
  post.text = b.pick(`${prefix}.text`, [['dom', () => richText(textEl, { collapse: true })]], true);

  const viewsText = cleanText(message.querySelector(TG_MESSAGE.views)?.textContent);
  post.counts.views = b.pick(
    `${prefix}.counts.views`,
    [['dom', () => parseCount(viewsText)]],
    true,
  );
  if (viewsText && /[^\d\s]/.test(viewsText) && !quiet) {
    b.warn(`${prefix}.counts.views: shown rounded ("${viewsText}")`);
  }

  post.media = Array.from(message.querySelectorAll(TG_MESSAGE.media))
    .filter((el) => !el.closest(TG_MESSAGE.reply))
    .map((el) =>
      el.tagName.toUpperCase() === 'VIDEO' || el.tagName.toUpperCase() === 'AUDIO'
        ? { type: 'video' as const, url: el.getAttribute('src') ?? '' }
        : { type: 'image' as const, url: backgroundUrl(el) ?? '' },
    )
    .filter((m) => m.url);
  if (post.media.length) b.note(`${prefix}.media`, 'dom');

  const anchors = textEl ? Array.from(textEl.querySelectorAll('a[href]')) : [];
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = unique([
    ...anchors
      .filter((a) => !/^[@#]/.test(cleanText(a.textContent) ?? ''))
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => /^https?:\/\//.test(h)),
    ...linksOf(post.text),
  ]);
  const forwarded = message.querySelector(TG_MESSAGE.forwarded);
  if (forwarded) post.repostOf = readForward(forwarded);
  return post;
}

/** "Forwarded from <channel>": the original's author and, when linked, its id and URL. */
function readForward(forwarded: Element): NonNullable<PostRecord['repostOf']> {
  const link = forwarded.querySelector('a[href]')?.getAttribute('href') ?? null;
  const m = /t\.me\/([\w.]+)(?:\/(\d+))?/.exec(link ?? '');
  return {
    id: m?.[2] ?? null,
    url: link,
    author: {
      handle: m?.[1] ?? null,
      name: cleanText(
        forwarded.querySelector(TG_MESSAGE.forwardedName)?.textContent ?? forwarded.textContent,
      ),
      id: null,
    },
    text: null,
    publishedAt: null,
  };
}
