/**
 * Classic and mobile Facebook ship the page's content as HTML inside comments
 * (`<div class="hidden_elem"><code><!-- … --></code></div>`) and reveal it with JavaScript. A saved
 * page still has them hidden, so they are parsed here — into an inert `<template>`, which neither
 * runs scripts nor loads images in a browser — and searched like the rest of the page.
 */
export function revealedRoots(doc: Document): ParentNode[] {
  const roots: ParentNode[] = [doc];
  for (const code of Array.from(doc.querySelectorAll('code'))) {
    const comment = code.firstChild;
    if (!comment || comment.nodeType !== 8) continue;
    const template = doc.createElement('template');
    template.innerHTML = comment.nodeValue ?? '';
    roots.push(template.content ?? template);
  }
  return roots;
}

/** First element matching `selector` across all roots. */
export function queryAll(roots: ParentNode[], selector: string): Element[] {
  return roots.flatMap((root) => Array.from(root.querySelectorAll(selector)));
}
