import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { extractDocument, extractJson } from '../../../lib/platforms/registry';
import { expectationSuites, expectationsIn, HANDMADE_DIR, run } from './expectations';

// VK has no real saved pages yet: the real-page suite only checks that none are missing.
expectationSuites('vk', { describe, it, expect });

describe('vk: page states in en, ru and kk', () => {
  const cases = expectationsIn(HANDMADE_DIR, 'vk', HANDMADE_DIR);
  const expected: Record<string, [string, string | null]> = {
    'page-blocked': ['suspended', 'suspended'],
    'page-deleted': ['removed', 'deleted'],
    'profile-private': ['private', 'private'],
    'community-withheld': ['withheld', 'restricted'],
    'post-deleted': ['removed', null],
  };
  for (const [kind, [type, state]] of Object.entries(expected)) {
    for (const lang of ['en', 'ru', 'kk']) {
      it(`${kind} (${lang}) → ${type}`, async () => {
        const c = cases.find((e) => e.fixture.endsWith(`${kind}-${lang}.html`));
        const { record } = await run(c!);
        expect(record.kind).toBe('notice');
        expect(record.notice?.type).toBe(type);
        expect(record.notice?.language).toBe(lang);
        if (state) expect(record.account?.state).toBe(state);
      });
    }
  }
});

describe('vk: posts', () => {
  it('prefers the exact count in data-count/title over the rounded label', async () => {
    const [c] = expectationsIn(HANDMADE_DIR, 'vk', HANDMADE_DIR).filter((e) =>
      e.fixture.endsWith('post-ru.html'),
    );
    const { record } = await run(c!);
    expect(record.post?.counts.views).toBe(4217);
  });

  it('keeps the words of a date without a zone instead of guessing one', () => {
    const html = `<html><body><div class="post" data-post-id="-1_2"><a class="author" href="/club1">C</a>
      <span class="rel_date">вчера в 12:00</span><div class="wall_post_text">t</div></div></body></html>`;
    const record = extractDocument(parseHtml(html), new URL('https://vk.com/wall-1_2'));
    expect(record.post?.publishedAt).toBeNull();
    expect(record.post?.publishedText).toBe('вчера в 12:00');
    expect(record.warnings.some((w) => w.startsWith('post.publishedAt'))).toBe(true);
  });

  it("an API error is a typed notice with VK's message", () => {
    const record = extractJson(
      { error: { error_code: 15, error_msg: 'Access denied: this profile is private' } },
      new URL('https://api.vk.com/method/wall.get'),
    );
    expect(record.notice).toEqual({
      type: 'private',
      message: 'Access denied: this profile is private',
      language: 'en',
    });
  });
});
