import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { extractDocument } from '../../../lib/platforms/registry';
import { handleOf, playabilityNotice, ytText } from '../../../lib/platforms/youtube-data';
import {
  expectationSuites,
  expectationsIn,
  HANDMADE_DIR,
  run,
  foundPageSuites,
} from './expectations';

expectationSuites('youtube', { describe, it, expect });

describe('youtube: video states in en, ru and kk', () => {
  const cases = expectationsIn(HANDMADE_DIR, 'youtube', HANDMADE_DIR);
  const expected: Record<string, string> = {
    'video-removed': 'removed',
    'video-terminated': 'suspended',
    'video-private': 'private',
    'video-age-restricted': 'age_restricted',
    'video-geo-blocked': 'geo_blocked',
    'video-members-only': 'members_only',
    'consent-wall': 'consent_wall',
    'channel-terminated': 'suspended',
  };
  for (const [kind, type] of Object.entries(expected)) {
    for (const lang of ['en', 'ru', 'kk']) {
      it(`${kind} (${lang}) → ${type}`, async () => {
        const c = cases.find((e) => e.fixture.endsWith(`${kind}-${lang}.html`));
        const { record } = await run(c!);
        expect(record.kind).toBe('notice');
        expect(record.notice?.type).toBe(type);
        expect(record.notice?.language).toBe(lang);
      });
    }
  }
});

describe('youtube: playabilityStatus', () => {
  it('OK is no notice', () => {
    expect(playabilityNotice({ status: 'OK' }, 'en')).toBeNull();
  });
  it('falls back to the status when the words are unknown, keeping the words', () => {
    const notice = playabilityNotice(
      {
        status: 'LOGIN_REQUIRED',
        errorScreen: { playerErrorMessageRenderer: { reason: { simpleText: 'Lorem ipsum' } } },
      },
      'en',
    );
    expect(notice).toEqual({ type: 'login_required', message: 'Lorem ipsum', language: 'en' });
  });
  it('a page with video id but no player response is not invented', () => {
    const record = extractDocument(
      parseHtml('<html><head><title>YouTube</title></head><body></body></html>'),
      new URL('https://www.youtube.com/watch?v=Xx0Ex4mpl3Q'),
    );
    expect(record.post?.id).toBe('Xx0Ex4mpl3Q');
    expect(record.post?.author.id).toBeNull();
    expect(record.warnings.some((w) => w.startsWith('post.author.id'))).toBe(true);
    expect(record.sources?.['post.id']).toBe('url');
  });
});

describe('youtube: small readers', () => {
  it('reads text objects and handles', () => {
    expect(ytText({ runs: [{ text: '6,8\u00a0K' }, { text: ' vídeos' }] })).toBe(
      '6,8\u00a0K vídeos',
    );
    expect(ytText({ simpleText: 'x' })).toBe('x');
    expect(handleOf('http://www.youtube.com/@OneMedia.')).toBe('OneMedia.');
    expect(handleOf('/user/vatican')).toBeNull();
    expect(handleOf('/channel/UC7E-LYc1wivk33iyt5bR5zQ')).toBeNull();
  });
});

describe('youtube: state left from in-app navigation', () => {
  const page = (player: unknown) =>
    parseHtml(
      `<html><head><title>YouTube</title></head><body><script>var ytInitialPlayerResponse = ${JSON.stringify(player)};</script></body></html>`,
    );
  const player = {
    playabilityStatus: { status: 'OK' },
    videoDetails: {
      videoId: 'AAAAAAAAAAA',
      title: 'First video',
      author: 'Someone',
      channelId: 'UCx0FictionalChannel0001',
    },
  };

  it('reads the state when it describes the URL', () => {
    const record = extractDocument(
      page(player),
      new URL('https://www.youtube.com/watch?v=AAAAAAAAAAA'),
    );
    expect(record.title).toBe('First video');
    expect(record.post?.author.name).toBe('Someone');
  });

  it('refuses state that describes another video, and says why', () => {
    const record = extractDocument(
      page(player),
      new URL('https://www.youtube.com/watch?v=BBBBBBBBBBB'),
    );
    expect(record.post?.id).toBe('BBBBBBBBBBB');
    expect(record.post?.author.name).toBeNull();
    expect(record.title).not.toBe('First video');
    expect(record.warnings.some((w) => w.includes('video AAAAAAAAAAA'))).toBe(true);
  });
});

foundPageSuites('youtube', { describe, it, expect });

describe('youtube: counts from structured data', () => {
  it('reads likes and comments from JSON-LD interactionStatistic when the page state has none', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'VideoObject',
      name: 'Митинг',
      interactionStatistic: [
        {
          '@type': 'InteractionCounter',
          interactionType: { '@type': 'LikeAction' },
          userInteractionCount: 321,
        },
        {
          '@type': 'InteractionCounter',
          interactionType: 'https://schema.org/CommentAction',
          userInteractionCount: 45,
        },
      ],
    };
    const html = `<html><head><title>Митинг - YouTube</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>
      <script>var ytInitialPlayerResponse = {"playabilityStatus":{"status":"OK"},"videoDetails":{"videoId":"Ld0Counts01","title":"Митинг","author":"Канал","channelId":"UC0000000000000000000042","viewCount":"1000"}};</script></body></html>`;
    const record = extractDocument(
      parseHtml(html),
      new URL('https://www.youtube.com/watch?v=Ld0Counts01'),
    );
    expect(record.post?.counts).toMatchObject({ likes: 321, comments: 45, views: 1000 });
    expect(record.sources?.['post.counts.likes']).toBe('json-ld');
  });
});
