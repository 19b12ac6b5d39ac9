/**
 * Writes the snapshot file around a cleaned copy of the page. The beginning of the file is fixed
 * text, not a serialization of the page's tree: `<!DOCTYPE html>`, a comment, `<html>` with only
 * safe attributes, then `<head>` whose first children are the charset and the
 * Content-Security-Policy. Whatever the page put before its `<head>` (a text node pushes the
 * parser into `<body>`, where a CSP `<meta>` is ignored), the policy is in force before any of the
 * page's markup is parsed.
 */

export const SNAPSHOT_CSP =
  "default-src 'none'; img-src data:; media-src data:; font-src data:; style-src 'unsafe-inline' data:; form-action 'none'; base-uri 'none'";

/** The fixed start of every snapshot's `<head>`: nothing of the page comes before it. */
export const SNAPSHOT_HEAD_START = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}"><meta name="referrer" content="no-referrer">`;

const ROOT_ATTRS = new Set(['lang', 'dir', 'class', 'style', 'id', 'xml:lang']);

export function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for inside `<!-- … -->`: no `--`, and no `<!`/`>` that could end or nest it. */
export function escapeComment(text: string): string {
  return text.replace(/--/g, '-\u2010').replace(/[<>]/g, (c) => (c === '<' ? '\u2039' : '\u203a'));
}

function attributes(el: Element, keep: (name: string) => boolean): string {
  return Array.from(el.attributes)
    .filter((a) => /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(a.name) && keep(a.name.toLowerCase()))
    .map((a) => ` ${a.name}="${escapeAttr(a.value)}"`)
    .join('');
}

/** `<html>` keeps only what styles may select on; never a handler or a URL. */
const rootAttributes = (root: Element) =>
  attributes(root, (name) => ROOT_ATTRS.has(name) || name.startsWith('data-'));

/** Text of a `<style>` element: `</style` inside would end it early, so it is broken up. */
function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export interface SnapshotParts {
  /** The cleaned copy of `<html>`. */
  root: Element;
  header: string;
  styles: ReadonlyArray<{ css: string; media: string }>;
}

/**
 * The whole file. Of the page's `<head>` only `<title>` and `<meta name|property>` are kept (the
 * rest is not shown, and stylesheets come back as `styles`); nodes outside `<head>` and `<body>`
 * are moved into `<body>`, where the browser showed them.
 */
export function snapshotHtml({ root, header, styles }: SnapshotParts): string {
  const head = Array.from(root.children).find((c) => c.localName.toLowerCase() === 'head');
  const body = Array.from(root.children).find((c) => c.localName.toLowerCase() === 'body');
  const headKept = head
    ? Array.from(head.children)
        .filter((el) => {
          const tag = el.localName.toLowerCase();
          return (
            tag === 'title' ||
            (tag === 'meta' && (el.hasAttribute('name') || el.hasAttribute('property')))
          );
        })
        .map((el) => el.outerHTML)
        .join('')
    : '';
  const styleTags = styles
    .map(
      ({ css, media }) =>
        `<style${media ? ` media="${escapeAttr(media)}"` : ''}>${styleText(css)}</style>`,
    )
    .join('\n');
  // Nodes the page put directly under <html> (outside <head> and <body>) go into <body>.
  const before: string[] = [];
  const after: string[] = [];
  let passedBody = false;
  for (const n of Array.from(root.childNodes)) {
    if (n === body) passedBody = true;
    if (n === head || n === body) continue;
    const markup =
      n.nodeType === 3
        ? escapeText(n.textContent ?? '')
        : n.nodeType === 1
          ? (n as Element).outerHTML
          : '';
    (passedBody ? after : before).push(markup);
  }
  const bodyAttrs = body ? attributes(body, () => true) : '';
  const bodyInner = body ? body.innerHTML : '';
  return (
    `<!DOCTYPE html>\n${header}\n<html${rootAttributes(root)}><head>${SNAPSHOT_HEAD_START}\n` +
    `${headKept}\n${styleTags}\n</head>\n` +
    `<body${bodyAttrs}>${before.join('')}${bodyInner}${after.join('')}</body>\n</html>\n`
  );
}
