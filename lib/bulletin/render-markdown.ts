import type { Block, Inline } from './blocks';

// Characters Markdown would read as syntax inside running text.
const escape = (text: string) => text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');

function inline(part: Inline): string {
  if (typeof part === 'string') return escape(part);
  if (part.code) return `\`${part.text.replace(/`/g, '')}\``;
  let text = escape(part.text);
  if (part.strong) text = `**${text}**`;
  if (part.href) text = `[${text}](${part.href.replace(/[()\s]/g, encodeURIComponent)})`;
  return text;
}

const line = (parts: Inline[]) => parts.map(inline).join('').replace(/\n+/g, ' ');

/** Renders the blocks as CommonMark; anchors are inline `<a id>` so capture links resolve. */
export function renderMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') {
      const anchor = block.anchor ? `<a id="${block.anchor}"></a>` : '';
      out.push(`${'#'.repeat(block.level)} ${anchor}${escape(block.text)}`);
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
