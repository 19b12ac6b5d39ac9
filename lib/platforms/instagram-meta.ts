import { meta, metaRaw, parseCount, titleOf } from './dom';
import { cleanMultiline, cleanText } from './text';

/**
 * What Instagram's logged-out HTML says in its meta tags (the only source on the 2024 shell):
 *   description  `298K likes, 553 comments - willyrex on May 29, 2021: "caption". `
 *   (2021)       `255k Likes, 549 Comments - Willyrex (@willyrex) on Instagram: “caption…”`
 *   twitter:title `Willyrex (@willyrex) • Instagram photo`
 *   og:title     `Willyrex on Instagram: "caption"`
 *   profile      `2,362 Followers, 136 Following, 224 Posts - See Instagram photos and videos from Pluto (@pluto__travel)`
 * Localized UIs word these differently; the count patterns accept en/ru/kk words.
 */

const LIKES =
  /([\d][\d.,\s\u00a0]*\s*(?:[kmb]|тыс\.?|млн|мың|mila)?)\s*(?:likes?|отмет\S* «?нравится»?|ұнату\S*)/i;
const LIKES_BEFORE =
  /(?:"mi piace"|нравится)["»”]?\s*:?\s*([\d][\d.,\s\u00a0]*\s*(?:[kmb]|тыс\.?|млн|мың|mila)?)/i;
const COMMENTS =
  /([\d][\d.,\s\u00a0]*\s*(?:[kmb]|тыс\.?|млн|мың|mila)?)\s*(?:comments?|коммент\S*|пікір\S*)/i;
const COMMENTS_BEFORE = /(?:commenti|коммент\S*|пікір\S*)\s*:?\s*([\d][\d.,\s\u00a0]*)/i;
const FOLLOWERS =
  /([\d][\d.,\s\u00a0]*\s*(?:[kmb]|тыс\.?|млн|мың)?)\s*(?:followers|подписчик\S*|жазылушы\S*)/i;
const FOLLOWING =
  /([\d][\d.,\s\u00a0]*\s*(?:[kmb]|тыс\.?|млн|мың)?)\s*(?:following|подпис(?:ок|ки|ка)(?![а-яё])|жазылым\S*)/i;
const POSTS =
  /([\d][\d.,\s\u00a0]*\s*(?:[kmb]|тыс\.?|млн|мың)?)\s*(?:posts|публикац\S*|жарияланым\S*|жазба\S*)/i;

/** Profile counts in any text ("340 followers", "340 подписчиков", "340 жазылушы"). */
export function profileCountsIn(text: string | null): {
  followers: number | null;
  following: number | null;
  posts: number | null;
} {
  return {
    followers: count(FOLLOWERS, text),
    following: count(FOLLOWING, text),
    posts: count(POSTS, text),
  };
}

function count(pattern: RegExp, text: string | null): number | null {
  const m = text ? pattern.exec(text) : null;
  return m ? parseCount(m[1]!.replace(/mila/i, 'K')) : null;
}

export interface IgMetaPost {
  likes: number | null;
  comments: number | null;
  handle: string | null;
  name: string | null;
  dateText: string | null;
  caption: string | null;
  captionTruncated: boolean;
  mediaKind: 'photo' | 'video' | 'reel' | null;
}

export function readPostMeta(doc: Document): IgMetaPost {
  const description = meta(doc, 'og:description') ?? meta(doc, 'description');
  const twitterTitle = meta(doc, 'twitter:title');
  const ogTitle = meta(doc, 'og:title');
  const handle =
    /\(@([\w.]+)\)/.exec(twitterTitle ?? '')?.[1] ??
    /\(@([\w.]+)\)/.exec(meta(doc, 'title') ?? titleOf(doc) ?? '')?.[1] ??
    /\(@([\w.]+)\)/.exec(description ?? '')?.[1] ??
    /\s[-—–]\s([\w.]+)(?:\s(?:on|в|·)\s|[,:])/.exec(description ?? '')?.[1] ??
    null;
  const name =
    /^(.+?)\s\(@[\w.]+\)/.exec(twitterTitle ?? '')?.[1] ??
    /^(.+?)\s(?:on Instagram|в Instagram|Instagram-да)/.exec(ogTitle ?? '')?.[1] ??
    /(?:video|photo|reel) by (.+?) •/i.exec(titleOf(doc) ?? '')?.[1] ??
    /^(.+?) shared an? (?:post|photo|video|reel) on Instagram/i.exec(description ?? '')?.[1] ??
    null;
  // The raw attribute keeps the caption's line breaks.
  const rawDescription = metaRaw(doc, 'og:description') ?? metaRaw(doc, 'description');
  // The caption is the last quoted part; Instagram may append a sentence of its own after it
  // ("… Follow their account to see 541 posts.") that is not the caption.
  const captionMatch = /:\s*["“«]([\s\S]*)["”»]\s*\.?(?:\s+[^"“”«»:]{1,160})?\s*$/.exec(
    rawDescription ?? '',
  );
  const caption = cleanMultiline(captionMatch?.[1]);
  const kind = /Instagram (photo|video|reel)/i.exec(twitterTitle ?? '')?.[1]?.toLowerCase();
  return {
    likes: count(LIKES, description) ?? count(LIKES_BEFORE, description),
    comments: count(COMMENTS, description) ?? count(COMMENTS_BEFORE, description),
    handle,
    name: cleanText(name),
    dateText: dateTextOf(doc, description),
    caption,
    captionTruncated: Boolean(caption && /(…|\.\.\.)$/.test(caption)),
    mediaKind: (kind as IgMetaPost['mediaKind']) ?? null,
  };
}

/** "Apr 19, 2021 at 6:18 AM" from the title, else "May 29, 2021" from the description. */
function dateTextOf(doc: Document, description: string | null): string | null {
  const title = titleOf(doc) ?? '';
  const fromTitle = /•\s*([A-Z][a-z]{2,8} \d{1,2}, \d{4}(?: at \d{1,2}:\d{2}\s?[AP]M)?)/.exec(
    title,
  );
  if (fromTitle) return fromTitle[1]!;
  const text = description ?? '';
  return (
    /\son\s([A-Z][a-z]+ \d{1,2}, \d{4})/.exec(text)?.[1] ??
    /(\d{1,2} [а-яё]+ \d{4}(?: г\.)?)/i.exec(text)?.[1] ??
    /(\d{4} ж\. \d{1,2} [а-яәғқңөұүһі]+)/i.exec(text)?.[1] ??
    null
  );
}

export interface IgMetaProfile {
  followers: number | null;
  following: number | null;
  posts: number | null;
  handle: string | null;
  name: string | null;
  bio: string | null;
}

export function readProfileMeta(doc: Document): IgMetaProfile {
  const og = meta(doc, 'og:description');
  const description = meta(doc, 'description');
  const counts = og ?? description;
  const title = meta(doc, 'og:title') ?? titleOf(doc);
  const who =
    /([^()]+?)\s*\(@([\w.]+)\)/.exec(title ?? '') ?? /from\s+(.+?)\s*\(@([\w.]+)\)/.exec(og ?? '');
  const bio =
    /\(@[\w.]+\) (?:on Instagram|в Instagram|Instagram-да)\s*:\s*["“«]([\s\S]*)["”»]\s*$/.exec(
      description ?? '',
    )?.[1];
  return {
    followers: count(FOLLOWERS, counts),
    following: count(FOLLOWING, counts),
    posts: count(POSTS, counts),
    handle: who?.[2] ?? null,
    name: cleanText(who?.[1]),
    bio: cleanText(bio),
  };
}
