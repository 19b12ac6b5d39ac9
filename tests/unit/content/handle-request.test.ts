// The capture content script's request handling (lib/content) on linkedom documents: what it
// answers, that it answers instead of throwing, and that it never changes the page it reads
// (ARCHITECTURE.md, Invariants: a changed page would change the bytes being hashed).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SCRIPT_VERSION, handleContentRequest } from '../../../lib/content/handle-request';
import {
  collectedSchema,
  detectionSchema,
  metricsSchema,
} from '../../../lib/messaging/content-protocol';
import { repoRoot } from '../../support/shared-fixtures';
import { fakeWindow } from './fake-window';

const POST_URL = 'https://www.instagram.com/p/DalelPost01/';
const POST = readFileSync(path.join(repoRoot, 'tests/fixtures/site/instagram-post.html'), 'utf8');
const ARTICLE = readFileSync(
  path.join(repoRoot, 'tests/fixtures/site/generic-article.html'),
  'utf8',
);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A fetch that records its calls: the content script must make none. */
function noRequests() {
  const fetch = vi.fn(async () => new Response(null, { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('requests the content script refuses', () => {
  it('answers an error for anything that is not a known, well-formed request', async () => {
    const page = fakeWindow(POST, POST_URL);
    for (const message of [
      null,
      'cs.detect',
      { type: 'cs.unknown' },
      { type: 'cs.detect', extra: 1 },
      { type: 'cs.collect', nonce: 'short' },
      { type: 'cs.collect', nonce: 'UPPERCASE123' },
      { type: 'cs.scroll', x: '1', y: 0 },
      { type: 'capture.run', tabId: 1 },
    ])
      expect(await handleContentRequest(message, page.win, 's1'), JSON.stringify(message)).toEqual({
        error: 'unknown request',
      });
  });

  it('turns a failure while answering into an error answer, never a throw into the page', async () => {
    const page = fakeWindow(POST, POST_URL);
    const broken = { ...page.win, location: { href: 'not a url' } } as unknown as Window;
    const answer = (await handleContentRequest({ type: 'cs.detect' }, broken, 's1')) as {
      error: string;
    };
    expect(answer.error).toMatch(/URL/i);
  });
});

describe('what it answers', () => {
  it('cs.detect: the page, its platform and the script version', async () => {
    const page = fakeWindow(POST, POST_URL);
    const answer = detectionSchema.parse(
      await handleContentRequest({ type: 'cs.detect' }, page.win, 's1'),
    );
    expect(answer).toEqual({
      url: POST_URL,
      title: page.document.title,
      platform: 'instagram',
      contentScriptVersion: CONTENT_SCRIPT_VERSION,
    });
    expect(answer.title).toContain('Aigerim Example');
  });

  it('cs.check: the session of this injection and the current URL', async () => {
    const page = fakeWindow(POST, POST_URL);
    expect(await handleContentRequest({ type: 'cs.check' }, page.win, 'session-7')).toEqual({
      session: 'session-7',
      url: POST_URL,
    });
  });

  it('cs.metrics: scroll position, viewport, pixel ratio and the taller of html and body', async () => {
    const page = fakeWindow(POST, POST_URL);
    Object.defineProperty(page.document.documentElement, 'scrollHeight', { value: 3000 });
    Object.defineProperty(page.document.body, 'scrollHeight', { value: 4200 });
    expect(
      metricsSchema.parse(await handleContentRequest({ type: 'cs.metrics' }, page.win, 's')),
    ).toEqual({
      scrollX: 0,
      scrollY: 0,
      innerWidth: 1280,
      innerHeight: 800,
      scrollHeight: 4200,
      devicePixelRatio: 2,
    });
  });

  it('cs.scroll: scrolls instantly, waits two frames, answers where the page is', async () => {
    const page = fakeWindow(POST, POST_URL);
    const answer = metricsSchema.parse(
      await handleContentRequest({ type: 'cs.scroll', x: 0, y: 1600 }, page.win, 's'),
    );
    expect(page.scrolls).toEqual([{ left: 0, top: 1600, behavior: 'instant' }]);
    expect(page.frames()).toBe(2);
    expect(answer.scrollY).toBe(1600);
  });

  it('cs.collect: the environment, an inert snapshot, the record and media, and no request of its own', async () => {
    // A HEAD for the server's Date would tell the platform who captured what (issue 15): the
    // server's time comes from the background's media fetches instead.
    const fetch = noRequests();
    const page = fakeWindow(POST, POST_URL);
    const collected = collectedSchema.parse(
      await handleContentRequest({ type: 'cs.collect', nonce: 'nonce12345' }, page.win, 's9'),
    );
    expect(fetch).not.toHaveBeenCalled();
    expect(collected.session).toBe('s9');
    expect(collected.environment).toMatchObject({
      url: POST_URL,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Test',
      language: 'kk-KZ',
      viewport: { width: 1280, height: 800, devicePixelRatio: 2 },
      screen: { width: 1920, height: 1080 },
    });
    expect(collected.environment).not.toHaveProperty('serverDate');
    expect(collected.html).toContain('Сегодня на площади');
    expect(collected.html).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
    expect(collected.record.platform).toBe('instagram');
    expect(collected.omissions.filter((o) => o.startsWith('server Date'))).toEqual([]);
  });

  it('cs.collect on a generic page answers without a request either', async () => {
    const fetch = noRequests();
    const url = 'https://news.example.org/2026/05/article';
    const page = fakeWindow(ARTICLE, url);
    const collected = collectedSchema.parse(
      await handleContentRequest({ type: 'cs.collect', nonce: 'nonce12345' }, page.win, 's'),
    );
    expect(fetch).not.toHaveBeenCalled();
    expect(collected.record.platform).toBe('generic');
    expect(collected.environment.url).toBe(url);
  });
});

describe('the page is never written to', () => {
  for (const [name, html, url] of [
    ['instagram post', POST, POST_URL],
    ['generic article', ARTICLE, 'https://news.example.org/2026/05/article'],
  ] as const)
    it(`${name}: the document is byte for byte the same after every request`, async () => {
      const fetch = noRequests();
      const page = fakeWindow(html, url);
      const before = page.markup();
      for (const message of [
        { type: 'cs.detect' },
        { type: 'cs.metrics' },
        { type: 'cs.collect', nonce: 'nonce12345' },
        { type: 'cs.scroll', x: 0, y: 10 },
        { type: 'cs.check' },
      ])
        await handleContentRequest(message, page.win, 's');
      expect(page.markup()).toBe(before);
      expect(fetch).not.toHaveBeenCalled();
    });
});
