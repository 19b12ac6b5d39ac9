/**
 * Classic and mobile Facebook ship the page's content as HTML inside comments
 * (`<div class="hidden_elem"><code><!-- … --></code></div>`) and reveal it with JavaScript. A saved
 * page still has them hidden, so they are parsed here — each into its own document by
 * `DOMParser`, which has no browsing context: it neither runs scripts nor loads images — and
 * searched like the rest of the page. (Not `innerHTML`: no markup from a page is ever assigned
 * to an element of ours.) The parser is the document's own window's (linkedom's in Node), or the
 * global one for a document that has no window.
 */
export function revealedRoots(doc: Document): ParentNode[] {
  const roots: ParentNode[] = [doc];
  let parser: DOMParser | undefined;
  for (const code of Array.from(doc.querySelectorAll('code'))) {
    const comment = code.firstChild;
    if (!comment || comment.nodeType !== 8) continue;
    parser ??= new (doc.defaultView?.DOMParser ?? globalThis.DOMParser)();
    roots.push(parser.parseFromString(comment.nodeValue ?? '', 'text/html'));
  }
  return roots;
}

/** First element matching `selector` across all roots. */
export function queryAll(roots: ParentNode[], selector: string): Element[] {
  return roots.flatMap((root) => Array.from(root.querySelectorAll(selector)));
}
