import type { Block, Inline } from './blocks';

/** An inline part as plain text: a web link as "text (address)", an in-document one as its text. */
function inline(part: Inline): string {
  if (typeof part === 'string') return part;
  if (part.href && /^https?:/i.test(part.href) && part.href !== part.text)
    return `${part.text} (${part.href})`;
  return part.text;
}

const line = (parts: Inline[]) =>
  parts
    .map(inline)
    .join('')
    .replace(/\s*\n+\s*/g, ' ');

/**
 * Renders the blocks as plain text to paste into Facebook, Telegram or a messenger, which show
 * markup characters as they are: no `#`, `**` or backslashes; a person's name on its own line in
 * capitals, lists with "–" and numbers, links written out.
 */
export function renderText(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'heading')
      out.push(block.level === 2 ? block.text.toLocaleUpperCase() : block.text);
    else if (block.type === 'paragraph') out.push(line(block.content));
    else
      out.push(
        block.items
          .map((item, i) => `${block.ordered ? `${i + 1})` : '–'} ${line(item)}`)
          .join('\n'),
      );
  }
  return `${out.join('\n\n')}\n`;
}
