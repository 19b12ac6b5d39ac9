import type { Block, Inline } from './blocks';

/**
 * Escapes only what CommonMark would read as syntax where it stands, so names and handles
 * (`aigerim_k`, "5 * 3", "[sic]") come out as written, with no stray backslashes when the text is
 * read or pasted as it is, while `*bold*`, `<tag>` or `[x](y)` in a captured post stay text.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/`/g, '\\`')
      // Emphasis: `*` or `_` next to a non-space can open or close it; `_` inside a word cannot.
      .replace(/\*(?=\S)|(?<=\S)\*/g, '\\*')
      .replace(/(?<![\p{L}\p{N}])_(?=\S)|(?<=\S)_(?![\p{L}\p{N}])/gu, '\\_')
      .replace(/~~/g, '\\~\\~')
      // A link or image: `[` with a later `](` or `][`.
      .replace(/\[(?=[^\]]*\][([])/g, '\\[')
      // An HTML tag, comment or autolink.
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      // An entity would be shown decoded.
      .replace(/&(?=#?\w+;)/g, '\\&')
  );
}

/** Escapes what would make a line a heading, quote, list item or rule at its start. */
const lineStart = (line: string) =>
  line.replace(/^(\s*)([#>+=-]|\d+[.)])(?=\s|$)/, (_, space: string, mark: string) =>
    /\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  if (part.code) return `\`${part.text.replace(/`/g, '')}\``;
  let text = escapeMarkdown(part.text);
  if (part.strong) text = `**${text}**`;
  if (part.href) text = `[${text}](${part.href.replace(/[()\s]/g, encodeURIComponent)})`;
  return text;
}

const line = (parts: Inline[]) => lineStart(parts.map(inline).join('').replace(/\n+/g, ' '));

/** Renders the blocks as CommonMark; anchors are inline `<a id>` so evidence links resolve. */
export function renderMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') {
      const anchor = block.anchor ? `<a id="${block.anchor}"></a>` : '';
      out.push(`${'#'.repeat(block.level)} ${anchor}${escapeMarkdown(block.text)}`);
    } else if (block.type === 'paragraph') out.push(line(block.content));
    else
      out.push(
        block.items
          .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${line(item)}`)
          .join('\n'),
      );
  }
  return `${out.join('\n\n')}\n`;
}
