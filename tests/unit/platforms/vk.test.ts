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
    // "Страница удалена либо ещё не создана": VK cannot tell deleted from never created.
    'page-not-found': ['not_found', null],
    'profile-hidden': ['private', 'private'],
    'community-blocked': ['suspended', 'suspended'],
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

describe('vk: pages whose layout the extractor does not know', () => {
  it('a profile in an unknown layout is an account from its address and title, not a page', async () => {
    const [c] = expectationsIn(HANDMADE_DIR, 'vk', HANDMADE_DIR).filter((e) =>
      e.fixture.endsWith('profile-unknown-layout-en.html'),
    );
    const { record, misses } = await run(c!);
    expect(misses).toEqual([]);
    expect(record.kind).toBe('account');
    expect(record.account?.name).toBe('Aigerim Example');
  });

  it('a community address with only a <title> still names the community, never kind page', () => {
    const html =
      '<html><head><title>Сот хабарлары | ВКонтакте</title></head><body><div class="x"></div></body></html>';
    const record = extractDocument(parseHtml(html), new URL('https://vk.com/public123'));
    expect(record).toMatchObject({
      kind: 'account',
      account: { handle: 'public123', id: '-123', name: 'Сот хабарлары' },
    });
  });

  it('a wall-post address with an unknown layout is a post with its id from the address', () => {
    const html =
      '<html><head><title>Запись | ВКонтакте</title><meta property="og:description" content="Приговор вынесен."></head><body></body></html>';
    const record = extractDocument(parseHtml(html), new URL('https://vk.com/wall-5_77'));
    expect(record).toMatchObject({
      kind: 'post',
      post: { id: '-5_77', text: 'Приговор вынесен.' },
    });
  });
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
