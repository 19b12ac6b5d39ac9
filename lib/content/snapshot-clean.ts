/**
 * Makes a copy of the page's DOM inert before it is serialized: whatever the page did to its own
 * DOM (script-written markup, `javascript:` links, attributes on `<html>`, comments that close
 * early, raw-text elements whose text would parse as markup), the copy carries no script, no
 * event handler and no URL the browser would load or run when the file is opened. Every element
 * is cleaned, including the root. Resources that are shown (images, backgrounds) become tokens the
 * background swaps for `data:` URLs; anything else that names a URL is dropped.
 */

export interface TokenMaker {
  /** The token for an http(s) URL resolved against `base`, a kept `data:` URL, or null. */
  token(raw: string | null | undefined, base: string): string | null;
  css(text: string, base: string): string;
}

/** Elements that run, embed or load something, or whose text is not markup: removed whole. */
const DROP_TAGS = new Set(
  [
    'script',
    'noscript',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'param',
    'template',
    'base',
    'link',
    'portal',
    'fencedframe',
    'style',
    // SVG animation can set an href to a script or remote URL after load; a snapshot is still.
    'set',
    'animate',
    'animatemotion',
    'animatetransform',
    'discard',
    'handler',
    'listener',
  ].map((t) => t.toLowerCase()),
);

/** Whether the element is removed whole from the snapshot. */
export function isDropped(el: Element): boolean {
  const tag = el.localName.toLowerCase();
  return DROP_TAGS.has(tag) || (tag === 'meta' && el.hasAttribute('http-equiv'));
}

/** Raw-text elements: their text is written out unescaped, so `</xmp><img …>` would become markup. */
const RAW_TEXT = new Set(['xmp', 'plaintext', 'noembed', 'noframes', 'listing']);

/** Attributes that load, run or submit something and are never needed to show the page. */
const DROP_ATTRS = new Set([
  'srcdoc',
  'srcset',
  'imagesrcset',
  'imagesizes',
  'ping',
  'action',
  'formaction',
  'manifest',
  'codebase',
  'archive',
  'classid',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'integrity',
  'nonce',
  'http-equiv',
  'attributename',
  'xml:base',
  'xlink:actuate',
]);

const SAFE_ATTR_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** SVG elements whose href is an image or a reference, not a link. */
const SVG_RESOURCE = new Set(['image', 'feimage', 'use', 'textpath', 'mpath', 'pattern', 'filter']);

const COMMENT = 8;
const PROCESSING_INSTRUCTION = 7;
const CDATA = 4;

/**
 * Removes comments, processing instructions and CDATA sections everywhere under `root` (a comment
 * written by script can hold `-->` and end early when the file is parsed). `keepComment` spares
 * Dalel's own markers when a finished file is checked.
 */
function dropNonElements(root: Node, keepComment: (data: string) => boolean): void {
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      const type = child.nodeType;
      if (type === COMMENT && keepComment((child as Comment).data)) continue;
      if (type === COMMENT || type === PROCESSING_INSTRUCTION || type === CDATA) child.remove();
      else if (child.childNodes.length) walk(child);
    }
  };
  walk(root);
}

/** `<xmp>` and friends become `<pre>` with the same text, written escaped. */
function replaceRawText(root: Element): void {
  const doc = root.ownerDocument;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!RAW_TEXT.has(el.localName.toLowerCase())) continue;
    const pre = doc.createElement('pre');
    pre.textContent = el.textContent ?? '';
    el.replaceWith(pre);
  }
}

function isKeptToken(value: string, nonce: string): boolean {
  return value.startsWith(`dalel-${nonce}-`) || /^data:image\/[a-z0-9.+-]+[;,]/i.test(value);
}

/** A link target a reader may follow by clicking: absolute http(s)/mailto/tel, or `#fragment`. */
function linkValue(value: string, base: string): string | null {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return trimmed;
  try {
    const url = new URL(trimmed, base);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function cleanAttributes(el: Element, resources: TokenMaker, base: string, nonce: string): void {
  const tag = el.localName.toLowerCase();
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    const value = attr.value;
    if (!SAFE_ATTR_NAME.test(attr.name) || name.startsWith('on') || DROP_ATTRS.has(name)) {
      el.removeAttribute(attr.name);
    } else if (name === 'style') {
      el.setAttribute(attr.name, resources.css(value, base));
    } else if (name === 'background') {
      const token = resources.token(value, base);
      if (token) el.setAttribute(attr.name, token);
      else el.removeAttribute(attr.name);
    } else if (name === 'src' || name === 'poster') {
      // rewriteMedia already put tokens on <img>, <input type=image> and video posters.
      if (!isKeptToken(value, nonce)) el.removeAttribute(attr.name);
    } else if (name === 'href' || name === 'xlink:href') {
      const kept =
        tag === 'a' || tag === 'area'
          ? linkValue(value, base)
          : SVG_RESOURCE.has(tag) && (value.startsWith('#') || isKeptToken(value, nonce))
            ? value
            : value.trim().startsWith('#')
              ? value.trim()
              : null;
      if (kept === null) el.removeAttribute(attr.name);
      else if (kept !== value) el.setAttribute(attr.name, kept);
    } else if (/^(values|from|to|by)$/.test(name) && /javascript:|url\(/i.test(value)) {
      el.removeAttribute(attr.name);
    }
  }
}

/**
 * Cleans `root` (the copy's `<html>`) in place: drops active elements, comments and raw-text
 * hazards, then cleans every remaining element's attributes, the root's too.
 */
export function cleanTree(
  root: Element,
  resources: TokenMaker,
  base: string,
  nonce: string,
  keepComment: (data: string) => boolean = () => false,
): void {
  for (const el of Array.from(root.querySelectorAll('*'))) if (isDropped(el)) el.remove();
  dropNonElements(root, keepComment);
  replaceRawText(root);
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))])
    cleanAttributes(el, resources, base, nonce);
}
