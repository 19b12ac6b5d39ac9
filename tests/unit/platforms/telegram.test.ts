import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { extractDocument } from '../../../lib/platforms/registry';
import { parseDataPost } from '../../../lib/platforms/telegram-widget';
import { expectationSuites, expectationsIn, HANDMADE_DIR, run } from './expectations';

expectationSuites('telegram', { describe, it, expect });

describe('telegram: feed pages', () => {
  it('a t.me/s feed is the channel plus every post it shows, in page order', async () => {
    const [feed] = expectationsIn(HANDMADE_DIR, 'telegram', HANDMADE_DIR).filter((e) =>
      e.fixture.endsWith('feed-channel.html'),
    );
    const { record } = await run(feed!);
    expect(record.kind).toBe('account');
    expect(record.posts?.map((p) => p.id)).toEqual(['101', '102', '103']);
    // The reply's quoted text belongs to the other message, not to this one.
    expect(record.posts?.[2]?.text).toBe('Приговор оглашён.');
  });

  it('a rounded view count is kept as shown and flagged', async () => {
    const [feed] = expectationsIn(HANDMADE_DIR, 'telegram', HANDMADE_DIR).filter((e) =>
      e.fixture.endsWith('feed-at-post.html'),
    );
    const { record } = await run(feed!);
    expect(record.post?.counts.views).toBe(2100);
    expect(record.warnings.some((w) => w.includes('"2.1K"'))).toBe(true);
  });

  it('a page with no message, channel or notice says so instead of guessing', () => {
    const record = extractDocument(
      parseHtml('<html><body><p>hello</p></body></html>'),
      new URL('https://t.me/s/nobody_here'),
    );
    expect(record.platform).toBe('telegram');
    expect(record.kind).toBe('page');
    expect(record.warnings.length).toBeGreaterThan(0);
  });
});

describe('telegram: notices in en, ru and kk', () => {
  const cases = expectationsIn(HANDMADE_DIR, 'telegram', HANDMADE_DIR);
  const expected: Record<string, string> = {
    'channel-blocked': 'suspended',
    'channel-withheld': 'withheld',
    'post-not-found': 'not_found',
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

describe('telegram: data-post', () => {
  it('splits channel and id, rejects other shapes', () => {
    expect(parseDataPost('anna_news/46908')).toEqual({ handle: 'anna_news', id: '46908' });
    expect(parseDataPost('anna_news')).toBeNull();
    expect(parseDataPost(null)).toBeNull();
  });
});
