import { afterEach, describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import type { Extractor } from '../../../lib/platforms/extractor';
import { genericExtractor } from '../../../lib/platforms/generic';
import { xExtractor } from '../../../lib/platforms/x';
import {
  extractDocument,
  extractJson,
  extractorFor,
  extractors,
} from '../../../lib/platforms/registry';
import { extractedRecordSchema } from '../../../lib/platforms/record';

/** A URL each extractor accepts, per page kind it knows; the generic one accepts anything. */
const URLS = [
  'https://www.instagram.com/p/CPeC-Eenc8l/',
  'https://www.instagram.com/stories/someone/1/',
  'https://www.instagram.com/someone/',
  'https://accountscenter.instagram.com/password_and_security/login_activity/',
  'https://m.facebook.com/someone/posts/1',
  'https://www.facebook.com/someone',
  'https://www.facebook.com/checkpoint/1/',
  'https://www.facebook.com/settings?tab=security',
  'https://mail.google.com/mail/u/0/#inbox/x',
  'https://outlook.live.com/mail/0/inbox',
  'https://e.mail.ru/inbox/1/',
  'https://mail.yandex.ru/#message/1',
  'https://x.com/someone/status/1',
  'https://x.com/someone',
  'https://t.me/s/channel',
  'https://www.tiktok.com/@someone/video/1',
  'https://www.youtube.com/watch?v=abc',
  'https://vk.com/someone',
  'https://example.org/article',
];

const GARBAGE = [
  '',
  '<html></html>',
  '\u0000\u0001\u0002 binary garbage \uffff',
  '<html><body><script>window._sharedData = {"entry_data": {</script><script type="application/ld+json">{not json</script></body></html>',
  `<html><body>${'<div>'.repeat(500)}deep${'</div>'.repeat(500)}</body></html>`,
  '<html><head><meta property="og:title"></head><body><abbr data-store="{bad">x</abbr><code><!-- <div data-sigil="marea"><strong class="actor"></strong> --></code></body></html>',
];

describe('every extractor survives garbage and empty documents', () => {
  const rows = URLS.flatMap((url) => GARBAGE.map((html, i) => [url, i, html] as const));
  it.each(rows)('%s with garbage #%d: a valid record, never a throw', (url, _i, html) => {
    const record = extractDocument(parseHtml(html), new URL(url));
    expect(extractedRecordSchema.safeParse(record).success).toBe(true);
    expect(Array.isArray(record.warnings)).toBe(true);
  });

  it.each([null, 42, 'text', [], {}, { payload: { actions: 'x' } }, { html: 5 }])(
    'JSON %j gives a valid record',
    (data) => {
      for (const url of URLS) {
        const record = extractJson(data, new URL(url));
        expect(extractedRecordSchema.safeParse(record).success).toBe(true);
      }
    },
  );

  it('says so when a platform page shows no content and no known notice', () => {
    const record = extractDocument(
      parseHtml('<html><body></body></html>'),
      new URL('https://m.facebook.com/someone/posts/1'),
    );
    expect(record.warnings.join('\n')).toMatch(/no content and no known notice|not found/);
  });
});

describe('registry', () => {
  const original = [...extractors];
  afterEach(() => {
    extractors.splice(0, extractors.length, ...original);
  });

  it('picks the extractor by URL and falls back to generic', () => {
    expect(extractorFor(new URL('https://www.instagram.com/p/x/')).platform).toBe('instagram');
    expect(extractorFor(new URL('https://mail.google.com/mail/u/0/')).platform).toBe('webmail');
    expect(extractorFor(new URL('https://example.org/')).platform).toBe(genericExtractor.platform);
  });

  it('turns a throwing extractor into a generic record with a warning', () => {
    const broken: Extractor = {
      platform: 'vk',
      version: '9.9.9',
      matches: (url) => url.hostname === 'broken.example',
      extract: () => {
        throw new Error('selector exploded');
      },
    };
    extractors.unshift(broken);
    const record = extractDocument(
      parseHtml('<html><head><title>T</title></head><body><p>Body</p></body></html>'),
      new URL('https://broken.example/'),
    );
    expect(record.platform).toBe('generic');
    expect(record.title).toBe('T');
    expect(record.warnings[0]).toBe(
      'vk extractor 9.9.9 failed: selector exploded; generic record instead',
    );
  });

  it('classifies a notice when the extractor found no content', () => {
    const doc = parseHtml(
      "<html><body><main><h2>Sorry, this page isn't available.</h2></main></body></html>",
    );
    const record = extractDocument(doc, new URL('https://www.instagram.com/p/C0ffeeXmpl1/'));
    expect(record.kind).toBe('notice');
    expect(record.notice?.type).toBe('unavailable');
    expect(record.sources?.notice).toBe('dom');
  });

  it('keeps the site of a JSON response read by the generic oEmbed reader', () => {
    const record = extractJson(
      { author_name: 'a', title: 'caption' },
      new URL('https://www.instagram.com/p/x/'),
    );
    expect(record.platform).toBe('instagram');
    expect(record.extractor.name).toBe('generic');
  });
});

describe('generic extractor', () => {
  it('reads OpenGraph, JSON-LD and caps readable text at 20k characters', () => {
    const long = 'word '.repeat(6000);
    const doc =
      parseHtml(`<html><head><meta property="og:title" content="OG"><meta property="og:image" content="https://example.org/i.jpg">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-06-19T10:15:00+05:00","author":{"name":"Dana Example"}}</script></head>
      <body><article><p>${long}</p></article></body></html>`);
    const record = genericExtractor.extract(doc, new URL('https://example.org/a'));
    expect(record.title).toBe('OG');
    expect(record.post?.author.name).toBe('Dana Example');
    expect(record.post?.publishedAt).toBe('2024-06-19T05:15:00Z');
    expect(record.post?.media).toEqual([{ type: 'image', url: 'https://example.org/i.jpg' }]);
    expect(record.text?.length).toBe(20_000);
    expect(record.warnings).toContain('text: cut at 20000 characters');
  });
});

describe('registry: the address when the markup is unknown or the extractor fails', () => {
  it('a TikTok profile address with an unknown layout is an account, never a page or a post', () => {
    const html =
      '<html><head><title>Aigerim Example (@aigerim.example) | TikTok</title><meta property="og:description" content="12K Followers, 80 Following. Правозащитница."></head><body><div class="new-layout"></div></body></html>';
    const record = extractDocument(
      parseHtml(html),
      new URL('https://www.tiktok.com/@aigerim.example'),
    );
    expect(record).toMatchObject({
      kind: 'account',
      account: { handle: 'aigerim.example', name: 'Aigerim Example', followers: 12000 },
    });
  });

  it('a throwing extractor still yields the post the address names, with a warning', () => {
    const original = xExtractor.extract;
    xExtractor.extract = () => {
      throw new Error('boom');
    };
    try {
      const html =
        '<html><head><title>Aigerim on X: "hello" / X</title><meta property="og:description" content="hello"></head><body></body></html>';
      const record = extractDocument(
        parseHtml(html),
        new URL('https://x.com/aigerim_example/status/1790000000000000009'),
      );
      expect(record).toMatchObject({
        platform: 'x',
        kind: 'post',
        post: { id: '1790000000000000009', author: { handle: 'aigerim_example' }, text: 'hello' },
      });
      expect(record.warnings[0]).toMatch(
        /^x extractor .* failed: boom; record from the address and title instead/,
      );
    } finally {
      xExtractor.extract = original;
    }
  });
});
