import type { Language } from '../i18n/translator';
import type { Block, Inline } from './blocks';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

// Only web and in-document links are written as links; anything else stays text.
const safeHref = (href: string) => /^(https?:\/\/|#)/i.test(href);

function inline(part: Inline): string {
  if (typeof part === 'string') return escape(part);
  let html = part.code ? `<code>${escape(part.text)}</code>` : escape(part.text);
  if (part.strong) html = `<strong>${html}</strong>`;
  if (part.href && safeHref(part.href)) html = `<a href="${escape(part.href)}">${html}</a>`;
  return html;
}

const STYLE = `body{font:16px/1.5 system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:#1c2430;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d5dbe1}h3{font-size:1.05rem}
code{font:0.9em ui-monospace,'DejaVu Sans Mono',monospace;background:#f4f6f8;padding:0 .2em;word-break:break-all}
a{color:#0b5cad}li{margin:.25rem 0}`;

/** Renders the blocks as one self-contained HTML document: no scripts, no external resources. */
export function renderHtml(blocks: Block[], language: Language): string {
  const title = blocks.find((b) => b.type === 'heading')?.text ?? 'Dalel';
  const body = blocks.map((block) => {
    if (block.type === 'heading') {
      const id = block.anchor ? ` id="${escape(block.anchor)}"` : '';
      return `<h${block.level}${id}>${escape(block.text)}</h${block.level}>`;
    }
    if (block.type === 'paragraph') return `<p>${block.content.map(inline).join('')}</p>`;
    const tag = block.ordered ? 'ol' : 'ul';
    const items = block.items.map((item) => `<li>${item.map(inline).join('')}</li>`).join('\n');
    return `<${tag}>\n${items}\n</${tag}>`;
  });
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
