import { describe, expect, it } from 'vitest';
import { accountKeyOf } from '../../../lib/capture/account-key';
import { DEFAULT_CAPS, mediaSizeRefusal, planTiles, selectMedia } from '../../../lib/capture/caps';
import {
  addressWarnings,
  browserFromUserAgent,
  buildMetadata,
} from '../../../lib/capture/metadata';
import { baseMediaType, mediaArtifactName } from '../../../lib/capture/naming';
import { accountCapture, withRecord } from './make-capture';

describe('full-page tiles', () => {
  it('covers the page with viewport steps, the last one flush with the bottom', () => {
    expect(planTiles(2000, 800)).toEqual({ offsets: [0, 800, 1200], height: 2000, warning: null });
    expect(planTiles(500, 800)).toEqual({ offsets: [0], height: 800, warning: null });
  });

  it('cuts a long feed at the height cap with a warning', () => {
    const plan = planTiles(100_000, 800);
    expect(plan.height).toBe(Math.min(DEFAULT_CAPS.maxFullPageHeight, DEFAULT_CAPS.maxTiles * 800));
    expect(plan.offsets.length).toBeLessThanOrEqual(DEFAULT_CAPS.maxTiles);
    expect(plan.offsets.at(-1)).toBe(plan.height - 800);
    expect(plan.warning).toMatch(/cut at 16000 px of 100000 px/);
  });

  it('refuses a nonsensical viewport', () => {
    expect(() => planTiles(100, 0)).toThrow(/viewport height/);
  });
});

describe('media caps', () => {
  it('de-duplicates and keeps the first N, warning about the rest', () => {
    const media = Array.from({ length: 25 }, (_, i) => ({
      url: `https://cdn/${i % 23}.jpg`,
      type: 'image' as const,
    }));
    const { selected, warning } = selectMedia(media);
    expect(selected).toHaveLength(20);
    expect(selected[0]!.url).toBe('https://cdn/0.jpg');
    expect(warning).toBe('3 of 23 media files not fetched (cap: 20 per capture)');
    expect(selectMedia(media.slice(0, 2)).warning).toBeNull();
  });

  it('refuses a file over the per-file cap and over the per-capture total', () => {
    const mb = 1024 * 1024;
    expect(mediaSizeRefusal('u', 65 * mb, 0)).toMatch(/65 MB is over the 64 MB cap per file/);
    expect(mediaSizeRefusal('u', 10 * mb, 190 * mb)).toMatch(/would exceed 192 MB/);
    expect(mediaSizeRefusal('u', 10 * mb, 0)).toBeNull();
  });
});

describe('artifact names', () => {
  it('numbers media from 1 with the served type’s extension', () => {
    expect(mediaArtifactName(0, 'image/jpeg')).toBe('media/01.jpg');
    expect(mediaArtifactName(11, 'video/mp4; codecs=avc1')).toBe('media/12.mp4');
    expect(mediaArtifactName(2, 'application/x-unknown')).toBe('media/03.bin');
    // Active content keeps its bytes but not a name that opens it as a page or image.
    expect(mediaArtifactName(3, 'image/svg+xml')).toBe('media/04.svg.txt');
    expect(mediaArtifactName(4, 'text/html; charset=utf-8')).toBe('media/05.bin.txt');
    expect(baseMediaType('Image/PNG ; charset=x')).toBe('image/png');
    expect(baseMediaType('<html>')).toBe('application/octet-stream');
  });
});

describe('account key', () => {
  it('prefers the platform id, else the lower-cased handle, else none', () => {
    expect(accountKeyOf(accountCapture({}).record)).toBe('instagram#17841400000000001');
    expect(accountKeyOf(accountCapture({ id: null, handle: '@Aigerim.Example' }).record)).toBe(
      'instagram:aigerim.example',
    );
    expect(
      accountKeyOf({
        ...withRecord({ kind: 'notice', notice: { type: 'removed', message: 'x', language: 'en' } })
          .record,
        url: 'https://www.instagram.com/p/Gone01/',
      }),
    ).toBeNull();
    expect(accountKeyOf({ ...accountCapture({}).record, platform: 'generic' })).toBeNull();
  });

  it('puts a notice shown at a profile URL on that account, but not one at a post URL', () => {
    const notice = (url: string, platform: 'instagram' | 'x' | 'telegram' = 'instagram') =>
      accountKeyOf({
        ...withRecord({
          kind: 'notice',
          notice: { type: 'not_found', message: 'x', language: 'en' },
        }).record,
        platform,
        url,
      });
    expect(notice('https://www.instagram.com/Kairat.Deleted/')).toBe('instagram:kairat.deleted');
    expect(notice('https://www.instagram.com/p/DalelPost01/')).toBeNull();
    expect(notice('https://www.instagram.com/explore/')).toBeNull();
    expect(notice('https://x.com/SuspendedOne', 'x')).toBe('x:suspendedone');
    expect(notice('https://x.com/settings', 'x')).toBeNull();
    expect(notice('https://t.me/s/some_channel', 'telegram')).toBe('telegram:some_channel');
  });
});

describe('capture metadata', () => {
  const page = {
    url: 'https://www.instagram.com/p/x/',
    navigationUrl: 'https://www.instagram.com/p/x/',
    title: 'Post',
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    language: 'ru-RU',
    timeZone: 'Asia/Almaty',
    viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
  };
  const base = {
    tabUrl: page.url,
    page,
    serverDate: {
      date: 'Mon, 04 May 2026 09:30:00 GMT',
      origin: 'https://scontent.cdninstagram.com',
    },
    startedAt: new Date('2026-05-04T09:30:00Z'),
    endedAt: new Date('2026-05-04T09:30:01.2Z'),
    extensionVersion: '0.1.0',
    extractor: { name: 'instagram', version: '1.2.0' },
    omissions: ['MHTML: not offered by this browser'],
  };

  it('assembles and validates the metadata, labelling who reported each value', () => {
    const m = buildMetadata(base);
    expect(m).toMatchObject({
      requestedUrl: page.url,
      finalUrl: page.url,
      tabUrl: page.url,
      startedAt: '2026-05-04T09:30:00.000Z',
      endedAt: '2026-05-04T09:30:01.200Z',
      browser: 'Chrome 156.0.0.0',
      timeZone: 'Asia/Almaty',
      serverDate: 'Mon, 04 May 2026 09:30:00 GMT',
      serverDateFrom: 'https://scontent.cdninstagram.com',
      omissions: ['MHTML: not offered by this browser'],
    });
    expect(m.sources).toMatchObject({
      requestedUrl: 'browser',
      tabUrl: 'browser',
      finalUrl: 'page',
      title: 'page',
      serverDate: 'server',
      startedAt: 'device',
    });
    expect(addressWarnings(m)).toEqual([]);
  });

  it('keeps the loaded address, the tab address and what the page reports apart (history.replaceState)', () => {
    const m = buildMetadata({
      ...base,
      tabUrl: 'https://www.instagram.com/p/forged/',
      page: { ...page, url: 'https://www.instagram.com/p/forged/' },
    });
    expect(m.requestedUrl).toBe('https://www.instagram.com/p/x/');
    expect(m.finalUrl).toBe('https://www.instagram.com/p/forged/');
    expect(m.tabUrl).toBe('https://www.instagram.com/p/forged/');
    expect(addressWarnings(m)).toEqual([
      expect.stringContaining(
        'reports the address https://www.instagram.com/p/forged/ but was loaded from https://www.instagram.com/p/x/',
      ),
    ]);
  });

  it('records no server date when no server answered, and falls back to the tab address', () => {
    const m = buildMetadata({ ...base, serverDate: null, page: { ...page, navigationUrl: null } });
    expect(m.serverDate).toBeNull();
    expect(m.serverDateFrom).toBeNull();
    expect(m.requestedUrl).toBe(page.url);
  });

  it('refuses an end before the start', () => {
    expect(() =>
      buildMetadata({
        ...base,
        startedAt: new Date('2026-05-04T09:30:01Z'),
        endedAt: new Date('2026-05-04T09:30:00Z'),
      }),
    ).toThrow(/ended before it started/);
  });

  it('names the browser from its user agent', () => {
    expect(
      browserFromUserAgent(
        'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
      ),
    ).toBe('Firefox 140.0');
    expect(browserFromUserAgent('… HeadlessChrome/156.0.0.0 Safari/537.36')).toBe(
      'Chrome (headless) 156.0.0.0',
    );
    expect(browserFromUserAgent('curl/8')).toBe('unknown');
  });
});
