import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../../../lib/content/extract-record';
import { ogMedia } from '../../../lib/content/og-media';
import { serializeSnapshot, SNAPSHOT_CSP, tokenFor } from '../../../lib/content/snapshot';

const URL_ = 'https://www.instagram.com/p/DalelPost01/';
const PAGE = `<!doctype html><html><head>
<title>Post</title>
<base href="https://www.instagram.com/">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<link rel="stylesheet" href="/static/app.css">
<style>.a { background: url(/img/bg.png) }</style>
<script>alert(1)</script>
<meta property="og:title" content="A post">
<meta property="og:image" content="/media/one.jpg">
<script type="application/ld+json">{ broken</script>
</head><body onload="steal()">
<p class="caption" onclick="x()">Сегодня на площади</p>
<img src="/media/one.jpg" srcset="/media/one-2x.jpg 2x" loading="lazy">
<img src="data:image/png;base64,AAAA">
<a href="javascript:alert(1)">bad</a><a href="/u/">profile</a>
<div style="background-image: url('https://cdn.example/bg2.png')"></div>
<input value="typed">
<iframe src="https://ads.example/"></iframe>
<noscript>enable JS</noscript>
<video src="https://cdn.example/v.mp4" poster="https://cdn.example/poster.jpg"></video>
</body></html>`;

function load() {
  const { document } = parseHTML(PAGE);
  return document as unknown as Document;
}

describe('HTML snapshot serializer', () => {
  const nonce = 'abc123xyz';
  const snap = serializeSnapshot(load(), {
    url: URL_,
    capturedAt: '2026-05-04T09:30:00.000Z',
    nonce,
  });

  it('starts with a header naming the source and time, and a CSP that blocks the network', () => {
    expect(
      snap.html.startsWith(
        '<!DOCTYPE html>\n<!-- Dalel snapshot of https://www.instagram.com/p/DalelPost01/ captured 2026-05-04T09:30:00.000Z.',
      ),
    ).toBe(true);
    const csp = parseHTML(snap.html).document.querySelector(
      'meta[http-equiv="Content-Security-Policy"]',
    );
    expect(csp?.getAttribute('content')).toBe(SNAPSHOT_CSP);
    expect(SNAPSHOT_CSP).toContain("default-src 'none'");
  });

  it('drops scripts, noscript, frames, base, refresh and stylesheet links, and every event handler', () => {
    for (const gone of [
      '<script',
      'alert(1)',
      '<noscript',
      '<iframe',
      '<base',
      'http-equiv="refresh"',
      '<link',
      'onload',
      'onclick',
      'javascript:',
    ])
      expect(snap.html, gone).not.toContain(gone);
    expect(snap.html).toContain('Сегодня на площади');
  });

  it('replaces image and CSS URLs with per-capture tokens, resolved against the page', () => {
    expect(snap.resources).toEqual(
      expect.arrayContaining([
        'https://www.instagram.com/media/one.jpg',
        'https://cdn.example/bg2.png',
        'https://cdn.example/poster.jpg',
      ]),
    );
    const i = snap.resources.indexOf('https://www.instagram.com/media/one.jpg');
    expect(snap.html).toContain(`src="${tokenFor(nonce, i)}"`);
    expect(snap.html).not.toContain('srcset');
    expect(snap.html).toContain('src="data:image/png;base64,AAAA"');
    expect(snap.html).toContain('href="https://www.instagram.com/u/"');
    // Videos are media artifacts; only their poster is inlined.
    expect(snap.html).not.toContain('v.mp4');
  });

  it('keeps form state and does not touch the live document', () => {
    const doc = load();
    const before = doc.documentElement.outerHTML;
    const again = serializeSnapshot(doc, { url: URL_, capturedAt: 'now', nonce });
    expect(again.html).toContain('value="typed"');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('record extraction in the content script', () => {
  it('runs the platform extractor and lists the post media, else OpenGraph media', () => {
    const doc = load();
    const { record, media } = extractRecord(doc, new URL(URL_));
    expect(record.platform).toBe('instagram');
    expect(record.url).toBe(URL_);
    const og = ogMedia(doc, new URL(URL_));
    expect(og).toEqual([{ url: 'https://www.instagram.com/media/one.jpg', type: 'image' }]);
    expect(media.length).toBeGreaterThan(0);
    for (const m of media) expect(m.url).toMatch(/^https:\/\//);
  });

  it('reads a generic site with the generic extractor', () => {
    const { document } = parseHTML(
      '<html><head><title>News</title><meta property="og:title" content="Белсенді сотталды"></head><body><p>Text</p></body></html>',
    );
    const { record, media } = extractRecord(
      document as unknown as Document,
      new URL('https://news.example.kz/a'),
    );
    expect(record).toMatchObject({ platform: 'generic', extractor: { name: 'generic' } });
    expect(media).toEqual([]);
  });
});
