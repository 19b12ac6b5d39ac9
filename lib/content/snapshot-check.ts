import { cleanTree, type TokenMaker } from './snapshot-clean';
import { SNAPSHOT_CSP } from './snapshot-document';

/**
 * A second opinion on a finished snapshot: the file is parsed again, as a browser opening it
 * would, and must come out clean — the policy first in `<head>`, and nothing that cleaning would
 * still change (a serializer and a parser can disagree about malformed trees: "mutation XSS").
 */

/** Keeps tokens and `data:` images as they are; any other URL would be a finding. */
export function checkingTokens(nonce: string): TokenMaker {
  const kept = (raw: string) =>
    raw.startsWith(`dalel-${nonce}-`) || /^data:image\/[a-z0-9.+-]+[;,]/i.test(raw);
  return {
    token: (raw) => (raw && kept(raw.trim()) ? raw.trim() : null),
    css: (text) =>
      text.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g, (whole, _q: string, raw: string) =>
        raw.trim() === '' || kept(raw.trim()) ? whole : 'url("")',
      ),
  };
}

const HEAD_ALLOWED = new Set(['meta', 'title', 'style']);

/** Problems found in `html` re-parsed by `parse` (empty when the file is inert). */
export function snapshotProblems(
  html: string,
  nonce: string,
  parse: (html: string) => Document,
  keepComment: (data: string) => boolean = () => false,
): string[] {
  const doc = parse(html);
  const problems: string[] = [];
  const head = doc.head;
  const first = head?.firstElementChild;
  const second = first?.nextElementSibling;
  if (!first || first.localName !== 'meta' || !first.hasAttribute('charset'))
    problems.push('the charset is not the first thing in <head>');
  if (
    !second ||
    second.getAttribute('http-equiv') !== 'Content-Security-Policy' ||
    second.getAttribute('content') !== SNAPSHOT_CSP
  )
    problems.push('the Content-Security-Policy is not the second thing in <head>');
  for (const el of Array.from(head?.children ?? []))
    if (!HEAD_ALLOWED.has(el.localName)) problems.push(`<head> holds <${el.localName}>`);
  head
    ?.querySelectorAll('meta[http-equiv]')
    .forEach((m, i) => i > 0 && problems.push('a second http-equiv <meta>'));
  const body = doc.body;
  if (body) {
    const before = body.outerHTML;
    const probe = body.cloneNode(true) as Element;
    cleanTree(probe, checkingTokens(nonce), 'https://invalid.invalid/', nonce, keepComment);
    if (probe.outerHTML !== before) problems.push('the body is not inert when parsed again');
  }
  for (const attr of Array.from(doc.documentElement.attributes))
    if (/^on|href|src/i.test(attr.name)) problems.push(`<html ${attr.name}> survived`);
  return problems;
}
