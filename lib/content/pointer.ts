/**
 * The element under the pointer when the monitor last opened the context menu on a page, for
 * "Capture this post". A tiny listener (entrypoints/pointer.content.ts, on the platforms' pages
 * only) remembers it; the capture script, injected later into the same isolated world, reads it.
 * Nothing is written to the page: the reference lives in the extension's isolated world (a
 * WeakRef, so a removed element is not kept alive), never in the DOM, and page scripts cannot see
 * it. No message is sent: the element stays in the tab until a capture asks for it.
 */

const KEY = Symbol.for('dalel.contextmenu-target');
/** A right-click older than this is not the one that opened "Capture this post". */
const MAX_AGE_MS = 10 * 60_000;

interface Remembered {
  ref: WeakRef<Element>;
  at: number;
}

type Scope = Record<symbol, Remembered | undefined>;

/** Listens for context-menu openings (capture phase, passive: the page's own handlers run as ever). */
export function rememberPointer(win: Window, scope: object = globalThis): void {
  const store = scope as Scope;
  win.addEventListener(
    'contextmenu',
    (event) => {
      // The innermost element, even inside an open shadow root.
      const target = (event.composedPath?.()[0] ?? event.target) as Element | null;
      if (target && target.nodeType === 1)
        store[KEY] = { ref: new WeakRef(target), at: Date.now() };
    },
    { capture: true, passive: true },
  );
}

/** The element last right-clicked, if it is still in the document and recent; else null. */
export function pointerTarget(scope: object = globalThis, now = Date.now()): Element | null {
  const remembered = (scope as Scope)[KEY];
  const element = remembered?.ref.deref() ?? null;
  if (!element || !element.isConnected || now - remembered!.at > MAX_AGE_MS) return null;
  return element;
}
