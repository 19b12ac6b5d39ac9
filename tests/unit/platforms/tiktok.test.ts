import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { extractDocument, extractJson } from '../../../lib/platforms/registry';
import {
  expectationSuites,
  expectationsIn,
  EXPECTED_DIR,
  HANDMADE_DIR,
  realFixturesDir,
  run,
  foundPageSuites,
} from './expectations';

expectationSuites('tiktok', { describe, it, expect });

const real = realFixturesDir();

describe('tiktok: 64-bit ids stay exact strings', () => {
  it.skipIf(!real)('video 6806030056956251397 from the page and from oEmbed', async () => {
    const cases = expectationsIn(EXPECTED_DIR, 'tiktok', real ?? '').filter((c) =>
      /a3noticias/.test(c.fixture),
    );
    expect(cases).toHaveLength(2);
    for (const c of cases) {
      const { record } = await run(c);
      expect(record.post?.id).toBe('6806030056956251397');
    }
  });

  it('a numeric id in page state is never used (JSON.parse would have rounded it)', () => {
    const state =
      '{"__DEFAULT_SCOPE__":{"webapp.video-detail":{"statusCode":0,"itemInfo":{"itemStruct":{"id":7301234567890123456,"desc":"x","author":{"uniqueId":"a"}}}}}}';
    const html = `<html><body><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${state}</script></body></html>`;
    const record = extractDocument(
      parseHtml(html),
      new URL('https://www.tiktok.com/@a/video/7301234567890123456'),
    );
    expect(record.post?.id).toBeNull();
    expect(record.warnings.join(' ')).toMatch(/post\.id/);
  });
});

describe('tiktok: refusals', () => {
  const cases = expectationsIn(HANDMADE_DIR, 'tiktok', HANDMADE_DIR);
  const expected: Record<string, string> = {
    'video-unavailable': 'not_found',
    'video-private': 'private',
    'video-geo-blocked': 'geo_blocked',
    'account-not-found': 'not_found',
    'account-banned': 'suspended',
    'account-private': 'private',
  };
  for (const [kind, type] of Object.entries(expected)) {
    for (const lang of ['en', 'ru', 'kk']) {
      it(`${kind} (${lang}) → ${type}, with the page's own words`, async () => {
        const c = cases.find((e) => e.fixture.endsWith(`${kind}-${lang}.html`));
        const { record } = await run(c!);
        expect(record.kind).toBe('notice');
        expect(record.notice?.type).toBe(type);
        expect(record.notice?.language).toBe(lang);
        expect(record.notice?.message).not.toMatch(/^statusCode/);
      });
    }
  }

  it('a statusCode with no words on the page still gives a typed notice naming the code', () => {
    const state =
      '{"__DEFAULT_SCOPE__":{"webapp.video-detail":{"statusCode":10216,"statusMsg":"item is under review"}}}';
    const html = `<html><body><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${state}</script></body></html>`;
    const record = extractDocument(parseHtml(html), new URL('https://www.tiktok.com/@a/video/1'));
    expect(record.notice).toEqual({
      type: 'removed',
      message: 'statusCode 10216: item is under review',
      language: null,
    });
  });

  it('item detail API JSON with a refusal is a notice', () => {
    const record = extractJson(
      { statusCode: 10204, statusMsg: "item doesn't exist" },
      new URL('https://www.tiktok.com/api/item/detail/?itemId=1'),
    );
    expect(record.kind).toBe('notice');
    expect(record.notice?.type).toBe('not_found');
  });
});

describe('tiktok: state left from in-app navigation', () => {
  const html = (id: string) =>
    `<html><body><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${JSON.stringify(
      {
        __DEFAULT_SCOPE__: {
          'webapp.video-detail': {
            statusCode: 0,
            itemInfo: { itemStruct: { id, desc: 'first', author: { uniqueId: 'a' } } },
          },
        },
      },
    )}</script></body></html>`;

  it('refuses an item that is not the one in the URL', () => {
    const record = extractDocument(
      parseHtml(html('7301234567890123456')),
      new URL('https://www.tiktok.com/@a/video/7301234567890123999'),
    );
    expect(record.post?.text ?? null).toBeNull();
    expect(record.post?.id).toBe('7301234567890123999');
    expect(record.warnings.some((w) => w.includes('video 7301234567890123456'))).toBe(true);
  });

  it('reads the item that is the one in the URL', () => {
    const record = extractDocument(
      parseHtml(html('7301234567890123456')),
      new URL('https://www.tiktok.com/@a/video/7301234567890123456'),
    );
    expect(record.post?.text).toBe('first');
  });
});

foundPageSuites('tiktok', { describe, it, expect });
