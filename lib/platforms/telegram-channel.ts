import { emptyAccount, RecordBuilder } from './builder';
import { meta, metaRaw, parseCount } from './dom';
import type { AccountRecord } from './record';
import { richText } from './rich-text';
import { cleanMultiline, cleanText } from './text';

/** A Telegram channel, group or user: the t.me/<name> preview and the t.me/s feed header. */

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

export interface Route {
  handle: string | null;
  postId: string | null;
  feed: boolean;
}

export function handleFromApp(doc: Document): string | null {
  return /domain=([\w.]+)/.exec(meta(doc, TG_PAGE.appUrl) ?? '')?.[1] ?? null;
}

export function photoOf(el: Element | null): string | null {
  if (!el) return null;
  const img = el.tagName.toUpperCase() === 'IMG' ? el : el.querySelector('img');
  return img?.getAttribute('src') ?? null;
}

export function readPreviewAccount(b: RecordBuilder, doc: Document, r: Route): AccountRecord {
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

export function readFeedHeader(b: RecordBuilder, doc: Document, r: Route): AccountRecord {
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
