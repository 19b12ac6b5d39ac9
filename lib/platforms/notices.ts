import { countriesIn } from './countries';
import { meta, titleOf, visibleText } from './dom';
import { NOTICE_PHRASES } from './notice-phrases';
import { MORE_PHRASES } from './notice-phrases-more';
import type { NoticeRecord, NoticeType } from './record';
import { cleanText, foldForMatch } from './text';

/**
 * The multilingual notice classifier: finds the platform's own notice wording ("Sorry, this page
 * isn't available.", "Аккаунт заблокирован", …) on a page or in a string, and returns its type,
 * the message as shown, its language and, for withheld / geo-blocked notices, the countries.
 */

interface CompiledPhrase {
  type: NoticeType;
  language: string;
  phrase: string;
  priority: number;
}

const merged = new Set<NoticeType>();
const PHRASES: readonly CompiledPhrase[] = NOTICE_PHRASES.flatMap((set, priority) => {
  // The other languages join the first set of their type (so a VK-only early set stays lean).
  const more = merged.has(set.type) ? {} : (MORE_PHRASES[set.type] ?? {});
  merged.add(set.type);
  const byLanguage: Array<[string, string[]]> = [
    ['en', set.en],
    ['ru', set.ru],
    ['kk', set.kk],
    ...Object.entries(set.other ?? {}),
    ...Object.entries(more),
  ];
  return byLanguage.flatMap(([language, phrases]) =>
    phrases.map((phrase) => ({ type: set.type, language, phrase: foldForMatch(phrase), priority })),
  );
});

const MESSAGE_MAX = 400;

/**
 * The best phrase in `text`: the most specific type wins; within a type, the phrase shown first
 * (the heading before its explanation), then the longer one.
 */
export function matchPhrase(text: string): CompiledPhrase | null {
  const folded = foldForMatch(text);
  let best: CompiledPhrase | null = null;
  let bestAt = Infinity;
  for (const candidate of PHRASES) {
    if (best && candidate.priority > best.priority) break;
    const at = folded.indexOf(candidate.phrase);
    if (at < 0) continue;
    if (!best || at < bestAt || (at === bestAt && candidate.phrase.length > best.phrase.length)) {
      best = candidate;
      bestAt = at;
    }
  }
  return best;
}

/** Classifies a message string (e.g. from embedded JSON); the message is kept verbatim (cleaned). */
export function classifyText(text: string | null | undefined): NoticeRecord | null {
  const message = cleanText(text);
  if (!message) return null;
  const match = matchPhrase(message);
  return match ? noticeOf(match, message) : null;
}

/**
 * Looks for a notice on the page: in the visible body text first (the message is the smallest
 * block that shows the phrase, with its short surroundings), then the title and meta tags.
 */
export function classifyDocument(doc: Document): NoticeRecord | null {
  const body = doc.body ?? doc.documentElement;
  const match = body ? matchPhrase(visibleText(body)) : null;
  if (match && body) {
    const message = cleanText(messageAround(body, match.phrase));
    if (message) return noticeOf(match, capMessage(message, match.phrase));
  }
  for (const text of [titleOf(doc), meta(doc, 'og:title'), meta(doc, 'description')]) {
    const notice = classifyText(text);
    if (notice) return notice;
  }
  return null;
}

function noticeOf(match: CompiledPhrase, message: string): NoticeRecord {
  const notice: NoticeRecord = {
    type: match.type,
    message,
    // A phrase of any language but English or Russian settles it: short Kazakh messages may lack
    // the letters Russian lacks ("Жазба табылмады"), Ukrainian and Kyrgyz are Cyrillic too, and
    // the script test would call them Russian (or Kyrgyz "ө ү ң" Kazakh).
    language:
      match.language === 'en' || match.language === 'ru'
        ? (detectLanguage(message) ?? match.language)
        : match.language,
  };
  if (match.type === 'withheld' || match.type === 'geo_blocked') {
    const countries = countriesIn(message);
    notice.countries = countries.length ? countries : null;
  }
  return notice;
}

/**
 * The deepest element whose text still contains the phrase: the platform's own notice line. A
 * short explanatory sibling right after a heading ("The link you followed may be broken…") is
 * part of the same notice; form controls and long blocks are not.
 */
function messageAround(root: Element, phrase: string): string {
  let current = root;
  for (;;) {
    const next = Array.from(current.children).find((child) =>
      foldForMatch(visibleText(child)).includes(phrase),
    );
    if (!next) break;
    current = next;
  }
  const own = cleanText(visibleText(current)) ?? '';
  // Wrappers that hold nothing but the notice line (<span><h2>…</h2></span>) are the same line.
  while (
    current.parentElement &&
    current !== root &&
    cleanText(visibleText(current.parentElement)) === own
  ) {
    current = current.parentElement;
  }
  const sibling = current.nextElementSibling;
  const siblingText = sibling ? (cleanText(visibleText(sibling)) ?? '') : '';
  const isHeading = /^H[1-6]$/i.test(current.tagName) || own.length <= 80;
  const plainSibling = sibling && !sibling.querySelector('input, textarea, select, form, button');
  if (isHeading && plainSibling && siblingText && siblingText.length <= 200)
    return `${own} ${siblingText}`;
  return own;
}

function capMessage(message: string, phrase: string): string {
  if (message.length <= MESSAGE_MAX) return message;
  const at = foldForMatch(message).indexOf(phrase);
  const start = Math.max(0, at - 100);
  return message.slice(start, start + MESSAGE_MAX).trim();
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const CYRILLIC = /[а-яё]/i;
const LATIN = /[a-z]/i;

/**
 * Language of a short UI message: Kazakh has letters Russian lacks (ә ғ қ ң ө ұ ү һ і), Russian is
 * other Cyrillic, English is Latin script; anything else is unknown (null).
 */
export function detectLanguage(text: string): string | null {
  const letters = text.replace(
    /https?:\/\/\S+|@\w+|youtube|facebook|instagram|google|cookie/gi,
    '',
  );
  if (KAZAKH_LETTERS.test(letters)) return 'kk';
  const cyrillic = (letters.match(/[а-яё]/gi) ?? []).length;
  const latin = (letters.match(/[a-z]/gi) ?? []).length;
  if (cyrillic === 0 && latin === 0) return null;
  if (cyrillic >= latin && CYRILLIC.test(letters)) return 'ru';
  if (
    LATIN.test(letters) &&
    /\b(the|this|is|your|to|of|and|not|in|has|been|sorry|account|page)\b/i.test(letters)
  ) {
    return 'en';
  }
  return null;
}
