import { cleanTree } from './snapshot-clean';
import { checkingTokens, snapshotProblems } from './snapshot-check';
import { escapeComment, snapshotHtml } from './snapshot-document';

export { SNAPSHOT_CSP } from './snapshot-document';

/**
 * Serialises the rendered page into one self-contained, inert HTML file: a copy of the live DOM
 * (never the page itself) with the stylesheets' rules inlined, scripts and event handlers removed,
 * form state written into attributes, and every image/stylesheet URL replaced by a token the
 * background swaps for the fetched bytes (`data:` URLs). A Content-Security-Policy in the file
 * stops it from loading anything from the network when it is opened later.
 */

export interface SnapshotOptions {
  url: string;
  capturedAt: string;
  /** Random per capture, so a page cannot plant tokens of its own. */
  nonce: string;
  /**
   * Marks elements in the cleaned copy (viewer-identity regions, see `viewer-marks.ts`), given
   * the live and copied elements in the same order; returns a note for the header, or null.
   */
  mark?: (live: Element[], copy: Element[]) => string | null;
  /** Comments the marks wrote, spared by the check. */
  keepComment?: (data: string) => boolean;
  /** The post the monitor chose ("Capture this post"): its copy is marked `data-dalel-target`. */
  target?: Element | null;
}

/** The attribute that marks the chosen post in the snapshot (on the copy, never on the page). */
export const TARGET_ATTRIBUTE = 'data-dalel-target';

export interface Snapshot {
  html: string;
  /** Absolute URLs; `tokenFor(nonce, i)` stands for resource `i` in `html`. */
  resources: string[];
  omissions: string[];
}

export function tokenFor(nonce: string, index: number): string {
  return `dalel-${nonce}-${index}`;
}

const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

class Resources {
  readonly urls: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly nonce: string) {}
  /** The token for an absolute http(s) URL (or the value as is for `data:`), or null. */
  token(raw: string | null | undefined, base: string): string | null {
    if (!raw) return null;
    if (raw.startsWith('data:')) return raw;
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    let i = this.index.get(url.href);
    if (i === undefined) {
      i = this.urls.push(url.href) - 1;
      this.index.set(url.href, i);
    }
    return tokenFor(this.nonce, i);
  }
  css(text: string, base: string): string {
    return text.replace(CSS_URL, (whole, _q: string, raw: string) => {
      const token = this.token(raw.trim(), base);
      return token ? `url("${token}")` : 'url("")';
    });
  }
}

function sheetTexts(doc: Document, resources: Resources, omissions: string[]) {
  const out: Array<{ css: string; media: string }> = [];
  const sheets = [
    ...Array.from(doc.styleSheets ?? []),
    ...((doc as { adoptedStyleSheets?: CSSStyleSheet[] }).adoptedStyleSheets ?? []),
  ];
  for (const sheet of sheets) {
    const base = sheet.href ?? doc.baseURI;
    try {
      const rules = Array.from(sheet.cssRules, (r) => r.cssText).join('\n');
      out.push({ css: resources.css(rules, base), media: sheet.media?.mediaText ?? '' });
    } catch {
      // Cross-origin sheets without CORS cannot be read from script.
      omissions.push(`stylesheet ${sheet.href ?? '(inline)'} could not be read (cross-origin)`);
    }
  }
  return out;
}

/** Copies what the user typed or chose into attributes, so the copy shows it. */
function freezeFormState(live: Element[], copy: Element[]) {
  live.forEach((el, i) => {
    const c = copy[i];
    if (!c) return;
    const tag = el.tagName;
    if (tag === 'INPUT') {
      const input = el as HTMLInputElement;
      if (input.type === 'checkbox' || input.type === 'radio') {
        if (input.checked) c.setAttribute('checked', '');
        else c.removeAttribute('checked');
      } else if (input.type !== 'password' && input.type !== 'file') {
        c.setAttribute('value', input.value ?? '');
      }
    } else if (tag === 'TEXTAREA') {
      c.textContent = (el as HTMLTextAreaElement).value ?? '';
    } else if (tag === 'OPTION') {
      if ((el as HTMLOptionElement).selected) c.setAttribute('selected', '');
      else c.removeAttribute('selected');
    }
  });
}

function rewriteMedia(live: Element[], copy: Element[], resources: Resources, base: string) {
  live.forEach((el, i) => {
    const c = copy[i];
    if (!c) return;
    const tag = el.tagName;
    if (tag === 'IMG') {
      const img = el as HTMLImageElement;
      // The candidate the browser actually chose from srcset is what was on screen.
      const token = resources.token(img.currentSrc || el.getAttribute('src'), base);
      c.removeAttribute('srcset');
      c.removeAttribute('sizes');
      c.removeAttribute('loading');
      if (token) c.setAttribute('src', token);
      else c.removeAttribute('src');
    } else if (tag === 'SOURCE' && el.parentElement?.tagName === 'PICTURE') {
      c.remove();
    } else if (tag === 'VIDEO' || tag === 'AUDIO' || tag === 'SOURCE' || tag === 'TRACK') {
      // Videos are kept byte-exact as media artifacts, not inside the HTML.
      c.removeAttribute('src');
      c.removeAttribute('srcset');
      const poster = resources.token(el.getAttribute('poster'), base);
      if (poster) c.setAttribute('poster', poster);
      else c.removeAttribute('poster');
    } else if (tag === 'INPUT' && (el as HTMLInputElement).type === 'image') {
      const token = resources.token(el.getAttribute('src'), base);
      if (token) c.setAttribute('src', token);
      else c.removeAttribute('src');
    } else if (tag === 'image' || tag === 'IMAGE' || tag === 'use' || tag === 'feImage') {
      for (const attr of ['href', 'xlink:href']) {
        const value = el.getAttribute(attr);
        if (value && !value.startsWith('#')) {
          const token = resources.token(value, base);
          if (token) c.setAttribute(attr, token);
          else c.removeAttribute(attr);
        }
      }
    }
  });
}

/** Parses a finished snapshot again to check it (DOMParser in the browser; linkedom in tests). */
export type HtmlParser = (html: string) => Document;

const browserParser: HtmlParser | null =
  typeof DOMParser === 'undefined'
    ? null
    : (html) => new DOMParser().parseFromString(html, 'text/html');

/**
 * The page as one inert, offline HTML file plus the resources it references. The live DOM is
 * copied into an inert document (nothing loads or runs there), cleaned element by element
 * (`snapshot-clean.ts`), and written with the policy first (`snapshot-document.ts`); the result
 * is parsed again and checked (`snapshot-check.ts`). A page whose markup cannot be made inert
 * gets no HTML snapshot, and the omission says so.
 */
export function serializeSnapshot(
  doc: Document,
  options: SnapshotOptions,
  parse: HtmlParser | null = browserParser,
): Snapshot {
  const omissions: string[] = [];
  const resources = new Resources(options.nonce);
  const base = doc.baseURI || options.url;
  const styles = sheetTexts(doc, resources, omissions);

  // Import into an inert document (no browsing context): its images never load, nothing runs.
  // (DOMs without `implementation`, such as linkedom in tests, get a plain deep clone.)
  const inertDoc = doc.implementation?.createHTMLDocument?.('');
  const root = (
    inertDoc ? inertDoc.importNode(doc.documentElement, true) : doc.documentElement.cloneNode(true)
  ) as Element;
  const live = Array.from(doc.documentElement.querySelectorAll('*'));
  const copy = Array.from(root.querySelectorAll('*'));
  freezeFormState(live, copy);
  // Only Dalel marks the chosen post: a page's own `data-dalel-target` would point elsewhere.
  for (const c of copy) c.removeAttribute(TARGET_ATTRIBUTE);
  const chosen = options.target ? live.indexOf(options.target) : -1;
  if (chosen >= 0) copy[chosen]?.setAttribute(TARGET_ATTRIBUTE, 'post');
  rewriteMedia(live, copy, resources, base);
  if (doc.querySelector('canvas'))
    omissions.push('canvas drawings are not in the HTML snapshot (see the screenshots)');
  if (live.some((el) => (el as Element & { shadowRoot?: unknown }).shadowRoot))
    omissions.push('shadow DOM content is not in the HTML snapshot (see the screenshots)');

  cleanTree(root, resources, base, options.nonce);
  const marks = [
    chosen >= 0 ? `The post the monitor chose carries ${TARGET_ATTRIBUTE}="post".` : null,
    options.mark?.(live, copy) ?? null,
  ].filter((m): m is string => m !== null);
  const header = `<!-- Dalel snapshot of ${escapeComment(options.url)} captured ${escapeComment(options.capturedAt)}. Scripts removed; resources inlined.${marks.map((m) => ` ${m}`).join('')} -->`;
  let html = snapshotHtml({ root, header, styles });
  if (parse) {
    const problems = snapshotProblems(html, options.nonce, parse, options.keepComment);
    if (problems.length) {
      // Parsed again, the page's markup came out differently: clean what the parser made of it.
      const reparsed = parse(html).documentElement;
      cleanTree(reparsed, checkingTokens(options.nonce), base, options.nonce, options.keepComment);
      html = snapshotHtml({ root: reparsed, header, styles });
      const left = snapshotProblems(html, options.nonce, parse, options.keepComment);
      if (left.length) {
        omissions.push(
          `HTML snapshot omitted: the page's markup could not be made inert (${left.join('; ')})`,
        );
        return { html: '', resources: [], omissions };
      }
    }
  }
  return { html, resources: resources.urls, omissions };
}
