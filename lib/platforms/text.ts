/** Text helpers shared by the extractors. Pure string functions; no DOM. */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** Collapses whitespace (incl. NBSP and zero-width characters), trims; empty becomes null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = value.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Like cleanText but keeps line breaks (captions and posts are multi-line). */
export function cleanMultiline(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = value
    .replace(ZERO_WIDTH, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? null : text;
}

/** Normalises typographic quotes and case so phrase tables match what platforms render. */
export function foldForMatch(value: string): string {
  return value
    .replace(/[\u2018\u2019\u02bc\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\u0451/g, '\u0435')
    .replace(/\u0401/g, '\u0415')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Hashtags in first-seen order, without `#`, de-duplicated. */
export function hashtagsOf(text: string | null): string[] {
  if (!text) return [];
  return unique([...text.matchAll(/(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]!));
}

/** @-mentions in first-seen order, without `@`, de-duplicated. */
export function mentionsOf(text: string | null): string[] {
  if (!text) return [];
  return unique(
    [...text.matchAll(/(?:^|[^\w@.])@([A-Za-z0-9_.]{1,30}[A-Za-z0-9_])/g)].map((m) => m[1]!),
  );
}

/** http(s) links in first-seen order, de-duplicated. */
export function linksOf(text: string | null): string[] {
  if (!text) return [];
  return unique(
    [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0].replace(/[.,;:!?]+$/, '')),
  );
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Caps text at `max` characters, reporting whether it was cut. */
export function capText(text: string, max: number): { text: string; truncated: boolean } {
  return text.length <= max
    ? { text, truncated: false }
    : { text: text.slice(0, max), truncated: true };
}
