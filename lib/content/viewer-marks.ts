import { isMark, markEnd, markStart, type ViewerRegion } from '../capture/redaction';
import type { ViewerElement } from '../platforms/viewer-identity';

function isFixed(win: Window, el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const position = win.getComputedStyle?.(at).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

/** Where each viewer-identity element is on screen now (viewport CSS px), numbered from 0. */
export function viewerRegions(win: Window, found: readonly ViewerElement[]): ViewerRegion[] {
  return found.map(({ element, label }, id) => {
    const r = element.getBoundingClientRect?.() ?? { x: 0, y: 0, width: 0, height: 0 };
    return {
      id,
      label,
      x: r.x,
      y: r.y,
      width: r.width,
      height: r.height,
      fixed: isFixed(win, element),
    };
  });
}

/**
 * Snapshot options that wrap each viewer-identity element's copy in a pair of comments carrying
 * the capture's nonce (`redactSnapshot` replaces what lies between them), and let the inertness
 * check keep exactly those comments.
 */
export function markViewer(
  found: readonly ViewerElement[],
  nonce: string,
  regions: ViewerRegion[],
) {
  if (found.length === 0) return {};
  return {
    mark: (live: Element[], copy: Element[]) => {
      const at = new Map(live.map((el, i) => [el, i]));
      let marked = 0;
      found.forEach(({ element }, id) => {
        const c = copy[at.get(element) ?? -1];
        if (!c || !c.parentNode) return; // dropped from the snapshot
        const doc = c.ownerDocument;
        const r = regions[id]!;
        c.before(doc.createComment(markStart(nonce, id, r.width, r.height)));
        c.after(doc.createComment(markEnd(nonce, id)));
        marked++;
      });
      return marked ? `Viewer identity marked: ${marked} element(s).` : null;
    },
    keepComment: isMark(nonce),
  };
}
