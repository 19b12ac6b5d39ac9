import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot, SNAPSHOT_CSP } from '../../../lib/content/snapshot';
import { snapshotProblems } from '../../../lib/content/snapshot-check';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const NONCE = 'n0nce1234';
const snap = (doc: Document) =>
  serializeSnapshot(
    doc,
    {
      url: 'https://www.instagram.com/p/Hostile/',
      capturedAt: '2026-05-04T09:30:00Z',
      nonce: NONCE,
    },
    parse,
  );

/** A page as a hostile script leaves it: markup parsed, then the DOM changed by hand. */
function hostile(body: string, after?: (doc: Document) => void): Document {
  const doc = parse(
    `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`,
  );
  after?.(doc);
  return doc;
}

/** What a browser opening the file would find active in it. */
function activeIn(html: string): string[] {
  const doc = parse(html);
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (
      [
        'script',
        'iframe',
        'frame',
        'object',
        'embed',
        'noscript',
        'base',
        'link',
        'set',
        'animate',
      ].includes(tag)
    )
      found.push(`<${tag}>`);
    if (
      tag === 'meta' &&
      el.hasAttribute('http-equiv') &&
      el.getAttribute('content') !== SNAPSHOT_CSP
    )
      found.push('meta http-equiv');
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) found.push(`${tag} ${a.name}`);
      if (
        /javascript:|vbscript:|evil\.example/i.test(a.value) &&
        !(tag === 'a' && a.name === 'href' && /^https:/.test(a.value))
      )
        found.push(`${tag} ${a.name}=${a.value}`);
    }
  }
  return found;
}

function cspFirst(html: string) {
  const head = parse(html).head!;
  expect(head.firstElementChild?.getAttribute('charset')).toBe('utf-8');
  expect(head.firstElementChild?.nextElementSibling?.getAttribute('content')).toBe(SNAPSHOT_CSP);
  // And as text: nothing of the page comes before the policy.
  const at = html.indexOf(SNAPSHOT_CSP);
  expect(html.slice(0, at)).not.toMatch(/<(body|div|p|img|svg|a)\b/i);
}

describe('HTML snapshot against hostile pages', () => {
  it('puts the CSP first in <head> when the page put text before its <head>', () => {
    const doc = hostile('<p>post</p>', (d) => {
      d.documentElement.insertBefore(d.createTextNode('pushed into body'), d.head);
    });
    const { html } = snap(doc);
    cspFirst(html);
    expect(html).toContain('pushed into body');
    expect(snapshotProblems(html, NONCE, parse)).toEqual([]);
  });

  it('cleans the attributes of <html> and <body> too', () => {
    const doc = hostile('<p>x</p>', (d) => {
      const root = d.documentElement;
      root.setAttribute('onclick', 'steal()');
      root.setAttribute('manifest', 'https://evil.example/m');
      root.setAttribute('style', "background:url('https://evil.example/beacon.png')");
      root.setAttribute('lang', 'ru');
      d.body.setAttribute('onload', 'steal()');
      d.body.setAttribute('background', 'https://evil.example/bg.png');
    });
    const { html, resources } = snap(doc);
    expect(activeIn(html)).toEqual([]);
    expect(html).toMatch(
      /<html lang="ru" style="background:url\(&quot;dalel-n0nce1234-\d+&quot;\)"/,
    );
    expect(html).not.toContain('manifest');
    expect(resources).toContain('https://evil.example/beacon.png');
  });

  it('drops javascript: and other script URLs in every spelling and place', () => {
    const doc = hostile(
      `<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a>
       <a href="java&#x09;script:alert(1)">c</a><a href="vbscript:x">d</a>
       <a href="data:text/html,<script>alert(1)</script>">e</a>
       <svg><a xlink:href="javascript:alert(1)"><text>f</text></a><a href="javascript:alert(2)"><text>g</text></a></svg>
       <form action="javascript:alert(1)"><button formaction="javascript:alert(2)">h</button></form>
       <math href="javascript:alert(1)"><mi>i</mi></math>
       <a href="https://www.instagram.com/u/" ping="https://evil.example/ping">ok</a>`,
    );
    const { html } = snap(doc);
    expect(activeIn(html)).toEqual([]);
    expect(html).not.toMatch(/javascript|vbscript|data:text/i);
    expect(html).toContain('href="https://www.instagram.com/u/"');
    expect(html).not.toContain('ping=');
  });

  it('drops frames, objects, refreshes, scripts, SVG scripts and animations that set links', () => {
    const doc = hostile(
      `<iframe srcdoc="<script>x</script>"></iframe><object data="https://evil.example/o"></object>
       <embed src="https://evil.example/e"><meta http-equiv="refresh" content="0;url=https://evil.example/r">
       <link rel="prefetch" href="https://evil.example/p"><noscript><img src="https://evil.example/n"></noscript>
       <svg onload="x()"><script>alert(1)</script><set attributeName="href" to="https://evil.example/s"/>
       <animate attributeName="href" values="javascript:alert(1)"/><image href="https://evil.example/i.png"/>
       <foreignObject><div onclick="y()">fo</div></foreignObject></svg>
       <img src="https://evil.example/img.png" srcset="https://evil.example/2x.png 2x" onerror="z()">
       <input type="image" src="https://evil.example/input.png">
       <video poster="https://evil.example/poster.png" src="https://evil.example/v.mp4"></video>`,
    );
    const { html } = snap(doc);
    expect(activeIn(html)).toEqual([]);
    expect(html).not.toContain('evil.example');
    expect(html).toContain('fo');
  });

  it('a comment or raw text written by script cannot end early and become markup', () => {
    const doc = hostile('<p>x</p><xmp>raw</xmp><plaintext>p</plaintext>', (d) => {
      d.body.appendChild(
        d.createComment('--><img src="https://evil.example/c.png" onerror="alert(1)"><!--'),
      );
      d.querySelector('xmp')!.textContent =
        '</xmp><meta http-equiv="refresh" content="0;url=https://evil.example/x">';
      d.title = '</title><script>alert(1)</script>';
    });
    const { html } = snap(doc);
    expect(activeIn(html)).toEqual([]);
    expect(snapshotProblems(html, NONCE, parse)).toEqual([]);
    expect(html).not.toMatch(/<img[^>]*evil/);
    expect(html).toContain('&lt;/xmp&gt;');
  });

  it('the checker finds what a naive serialization would have let through', () => {
    // What a browser makes of text before <head> (linkedom does not move it; Chromium does, and
    // tests/e2e/hostile-snapshot.spec.ts opens the real files there).
    const naive =
      '<!DOCTYPE html>\n<html><head></head><body>x<meta charset="utf-8">' +
      `<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}"><p onclick="a()"></p><script>b()</script></body></html>`;
    const problems = snapshotProblems(naive, NONCE, parse);
    expect(problems).toEqual(
      expect.arrayContaining([
        'the charset is not the first thing in <head>',
        'the body is not inert when parsed again',
      ]),
    );
  });
});
