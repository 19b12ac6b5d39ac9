import type { AccountRecord, NoticeRecord, PostRecord } from './record';
import { hashtagsOf, linksOf, mentionsOf } from './text';

/** Types and helpers the X JSON readers (x-json.ts, x-api.ts) share. */

export type XJsonResult =
  | { kind: 'account'; account: AccountRecord; notice: NoticeRecord | null }
  | { kind: 'post'; post: PostRecord; notice: NoticeRecord | null; canonical: string | null }
  | { kind: 'notice'; notice: NoticeRecord; account: AccountRecord | null };

export type Obj = Record<string, unknown>;

export const obj = (value: unknown): Obj | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;

/**
 * The API gives codes, not words: the message quotes the field so a reader sees where it came
 * from. `XX` means "withheld in all countries" and is not a country.
 */
export function withheldNotice(codes: string[]): NoticeRecord {
  const countries = codes.filter((c) => /^[A-Z]{2}$/.test(c) && c !== 'XX');
  return {
    type: 'withheld',
    message: `withheld.country_codes: ${codes.join(', ')}`,
    countries: countries.length ? countries : null,
    language: null,
  };
}

export function fillEntities(post: PostRecord): void {
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
}

/** `Wed Jun 19 10:15:00 +0000 2024` (v1.1 and GraphQL) → the RFC 2822 order parseDate reads. */
export function twitterDate(value: string | null): string | null {
  const m = /^\w{3} (\w{3}) (\d{2}) ([\d:]{8}) ([+-]\d{4}) (\d{4})$/.exec(value ?? '');
  return m ? `${m[2]} ${m[1]} ${m[5]} ${m[3]} ${m[4]}` : null;
}
