import { findAssignedJson, tryParseJson } from './json-scan';
import { cleanText } from './text';

/**
 * Small pure DOM helpers. They use only what both the live browser DOM and linkedom provide
 * (querySelector(All), getAttribute, textContent) so the same extractor runs in the content
 * script and in Node.
 */

export { cleanText, cleanMultiline, hashtagsOf, mentionsOf, linksOf } from './text';
export { parseCount } from './counts';
export { parseDate, fromUnix, parseCalendarDate } from './dates';
export { findAssignedJson, scanBalanced, dig, asString, asNumber, asArray } from './json-scan';

/** Content of `<meta property|name|itemprop="key">` (first non-empty), cleaned; null if absent. */
export function meta(doc: Document, key: string): string | null {
  for (const attr of ['property', 'name', 'itemprop']) {
    for (const el of Array.from(doc.querySelectorAll(`meta[${attr}="${key}"]`))) {
      const value = cleanText(el.getAttribute('content'));
      if (value) return value;
    }
  }
  return null;
}

/** Raw (uncleaned) meta content, for captions whose line breaks matter. */
export function metaRaw(doc: Document, key: string): string | null {
  for (const attr of ['property', 'name', 'itemprop']) {
    const el = doc.querySelector(`meta[${attr}="${key}"]`);
    const value = el?.getAttribute('content');
    if (value) return value;
  }
  return null;
}

/** Trimmed text of the first element matching `selector`, or null. */
export function text(root: ParentNode, selector: string): string | null {
  return cleanText(root.querySelector(selector)?.textContent);
}

/** Attribute of the first element matching `selector`, or null. */
export function attr(root: ParentNode, selector: string, name: string): string | null {
  return cleanText(root.querySelector(selector)?.getAttribute(name));
}

export function canonicalUrl(doc: Document): string | null {
  return attr(doc, 'link[rel="canonical"]', 'href') ?? meta(doc, 'og:url');
}

export function titleOf(doc: Document): string | null {
  return cleanText(doc.querySelector('title')?.textContent);
}

/**
 * Every JSON-LD object on the page (top-level arrays and `@graph` flattened). Broken blocks add a
 * warning instead of throwing: platforms ship malformed JSON-LD more often than one would hope.
 */
export function jsonLd(doc: Document, warnings: string[] = []): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const blocks = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'));
  blocks.forEach((el, index) => {
    const raw = el.textContent ?? '';
    if (!raw.trim()) return;
    const parsed = tryParseJson(raw.trim().replace(/;\s*$/, ''));
    if (!parsed.ok) {
      warnings.push(`json-ld block ${index + 1} is not valid JSON (${parsed.error})`);
      return;
    }
    flattenLd(parsed.value, out);
  });
  return out;
}

function flattenLd(value: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(value)) {
    value.forEach((item) => flattenLd(item, out));
    return;
  }
  if (value == null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  out.push(obj);
  if (Array.isArray(obj['@graph'])) flattenLd(obj['@graph'], out);
}

/** First JSON-LD object whose `@type` is (or includes) one of `types`. */
export function jsonLdOfType(
  items: Record<string, unknown>[],
  ...types: string[]
): Record<string, unknown> | null {
  return (
    items.find((item) => {
      const t = item['@type'];
      const list = Array.isArray(t) ? t : [t];
      return list.some((x) => typeof x === 'string' && types.includes(x));
    }) ?? null
  );
}

/** Parsed JSON of `<script id="…">` (e.g. TikTok's `__UNIVERSAL_DATA_FOR_REHYDRATION__`). */
export function scriptJsonById(doc: Document, id: string, warnings: string[] = []): unknown {
  const el = doc.querySelector(`script[id="${id}"]`);
  if (!el) return undefined;
  const parsed = tryParseJson((el.textContent ?? '').trim());
  if (parsed.ok) return parsed.value;
  warnings.push(`script#${id} is not valid JSON (${parsed.error})`);
  return undefined;
}

/** Inline script sources (no `src`), in document order. */
export function inlineScripts(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('script'))
    .filter((el) => !el.getAttribute('src'))
    .map((el) => el.textContent ?? '');
}

/**
 * JSON values assigned to a global in any inline script (`window._sharedData = {...};`,
 * `var ytInitialPlayerResponse = {...};`). Parse failures go to `warnings`.
 */
export function assignedJson(doc: Document, name: string, warnings: string[] = []): unknown[] {
  const values: unknown[] = [];
  for (const source of inlineScripts(doc)) {
    if (!source.includes(name)) continue;
    const found = findAssignedJson(source, name);
    values.push(...found.values);
    warnings.push(...found.errors);
  }
  return values;
}

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'HEAD']);

/**
 * Visible-ish text of a subtree: text nodes outside script/style/template/noscript, with block
 * boundaries as line breaks. (`innerText` is not available in linkedom.)
 */
export function visibleText(
  root: Node | null | undefined,
  max = Infinity,
  /** Break lines at every element, for lists whose CSS makes spans into lines. */
  everyElementIsBlock = false,
): string {
  if (!root) return '';
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    if (length >= max) return;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as Element).tagName?.toUpperCase();
    if (tag && SKIP_TEXT.has(tag)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = tag ? everyElementIsBlock || BLOCK.has(tag) : false;
    if (block) parts.push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts.join('');
}

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'MAIN',
  'ASIDE',
  'NAV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BR',
  'TR',
  'TD',
  'TH',
  'TABLE',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'DD',
  'DT',
  'DL',
  'FORM',
  'BODY',
]);
