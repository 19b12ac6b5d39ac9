/**
 * A CSS path that names one element of a document by position (`html > body > div:nth-child(2) >
 * article:nth-child(5)`) as the page was when it was captured (the MHTML keeps that page; the HTML
 * snapshot drops scripts, so there the element is marked with an attribute instead). Uses only
 * `parentElement` and `children`, which both the browser DOM and linkedom provide.
 */
export function cssPath(element: Element): string {
  const parts: string[] = [];
  let el: Element | null = element;
  while (el) {
    const tag = el.tagName.toLowerCase();
    const parent: Element | null = el.parentElement;
    if (!parent) {
      parts.unshift(tag);
      break;
    }
    const index = Array.from(parent.children).indexOf(el) + 1;
    parts.unshift(`${tag}:nth-child(${index})`);
    el = parent;
  }
  return parts.join(' > ');
}

/** The outermost ancestor-or-self of `element` matching `selector` (a shared post's outer post). */
export function outermost(element: Element, selector: string): Element | null {
  let found: Element | null = null;
  for (let el: Element | null = element.closest(selector); el;) {
    found = el;
    el = el.parentElement?.closest(selector) ?? null;
  }
  return found;
}
