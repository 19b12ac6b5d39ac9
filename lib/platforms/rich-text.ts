/**
 * Post text as the platform displays it. `textContent` drops emoji that platforms render as
 * `<img alt="😀">` and turns `<br>` into nothing, so posts are read by walking the nodes.
 */

export interface RichTextOptions {
  /** Collapse source whitespace (HTML `white-space: normal`, e.g. Telegram); X keeps it (pre-wrap). */
  collapse: boolean;
  /** Elements to leave out (hidden links, quoted posts inside the text block). */
  skip?: (element: Element) => boolean;
}

export function richText(
  root: Element | null | undefined,
  options: RichTextOptions,
): string | null {
  if (!root) return null;
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(options.collapse ? value.replace(/\s+/g, ' ') : value);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    if (options.skip?.(element)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    if (tag === 'IMG') {
      parts.push(element.getAttribute('alt') ?? '');
      return;
    }
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  const text = parts
    .join('')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .split('\n')
    .map((line) => (options.collapse ? line.trim() : line.replace(/\s+$/, '')))
    .join('\n')
    .trim();
  return text === '' ? null : text;
}

/** Decodes the HTML entities that oEmbed `html` strings carry (named basics and numeric). */
export function decodeEntities(value: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
    mdash: '\u2014',
    ndash: '\u2013',
    hellip: '\u2026',
    laquo: '\u00ab',
    raquo: '\u00bb',
  };
  return value.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

/** Text of an HTML fragment without a DOM (oEmbed JSON in the CLI): tags out, `<br>` → newline. */
export function htmlFragmentText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/[^\S\n]+/g, ' '),
  ).trim();
}
