import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractJson } from '../../../lib/platforms/registry';
import { snowflakeTime } from '../../../lib/platforms/snowflake';
import { countsFromLabel, parseXTitle, xTarget } from '../../../lib/platforms/x-shared';
import {
  HANDMADE_DIR,
  expectationSuites,
  realFixturesDir,
  run,
  expectationsIn,
  EXPECTED_DIR,
  foundPageSuites,
} from './expectations';

expectationSuites('x', { describe, it, expect });

const real = realFixturesDir();

describe('x: 64-bit ids stay exact strings', () => {
  it.skipIf(!real)(
    'tweet 1222907250383245320 from the rendered page and the og-only page',
    async () => {
      const cases = expectationsIn(EXPECTED_DIR, 'x/post', real ?? '').filter((c) =>
        c.fixture.includes('1222907250383245320'),
      );
      expect(cases).toHaveLength(2);
      for (const c of cases) {
        const { record } = await run(c);
        expect(record.post?.id).toBe('1222907250383245320');
      }
    },
  );

  it('never uses a rounded numeric id from JSON (v1.1 id vs id_str)', () => {
    const raw =
      '{"id": 1803370890654646395, "id_str": "1803370890654646395", "full_text": "x", "user": {"id": 1700000000000000001, "id_str": "1700000000000000001", "screen_name": "a"}}';
    const parsed = JSON.parse(raw) as { id: number };
    expect(String(parsed.id)).not.toBe('1803370890654646395');
    const record = extractJson(parsed, new URL('https://api.x.com/1.1/statuses/show.json'));
    expect(record.post?.id).toBe('1803370890654646395');
    expect(record.post?.author.id).toBe('1700000000000000001');
  });

  it('hand-made API fixture keeps both ids exact', async () => {
    const [c] = expectationsIn(HANDMADE_DIR, 'x', HANDMADE_DIR).filter((e) =>
      e.fixture.endsWith('.json'),
    );
    const { record } = await run(c!);
    expect(record.post?.id).toBe('1803370890654646395');
  });
});

describe('x: snowflake time', () => {
  it('derives the creation time, floored to seconds', () => {
    expect(snowflakeTime('1222907250383245320')).toBe('2020-01-30T15:39:43Z');
    expect(snowflakeTime('436461658601713664')).toBe('2014-02-20T11:25:43Z');
  });
  it('refuses pre-snowflake and malformed ids', () => {
    expect(snowflakeTime('25712847277')).toBeNull();
    expect(snowflakeTime('12ab')).toBeNull();
    expect(snowflakeTime('x1222907250383245320')).toBeNull();
    expect(snowflakeTime(null)).toBeNull();
  });
  it('dates the first snowflake-sized id, 10^15', () => {
    expect(snowflakeTime('1000000000000000')).toBe('2010-11-06T19:56:33Z');
    expect(snowflakeTime('999999999999999')).toBeNull();
  });
});

describe('x: small parsers', () => {
  it('reads exact counts from the action bar label, en and ru', () => {
    expect(
      countsFromLabel('18151 replies, 15635 reposts, 76091 likes, 49 bookmarks, 3692 views'),
    ).toEqual({
      comments: 18151,
      shares: 15635,
      likes: 76091,
      views: 3692,
    });
    expect(countsFromLabel('5 ответов, 2 репоста, 40 отметок «Нравится», 1000 просмотров')).toEqual(
      {
        comments: 5,
        shares: 2,
        likes: 40,
        views: 1000,
      },
    );
  });
  it('splits titles and URLs', () => {
    expect(parseXTitle('Donald J. Trump (@realDonaldTrump) on X')).toEqual({
      name: 'Donald J. Trump',
      handle: 'realDonaldTrump',
    });
    expect(xTarget(new URL('https://x.com/Forbes/status/2016058596782670275'))).toEqual({
      statusId: '2016058596782670275',
      handle: 'Forbes',
    });
    expect(xTarget(new URL('https://x.com/i/web/status/1')).handle).toBeNull();
  });
});

describe('x: notices in en, ru and kk', () => {
  const cases = expectationsIn(HANDMADE_DIR, 'x', HANDMADE_DIR);
  const kinds = [
    'profile-suspended',
    'profile-withheld',
    'post-withheld',
    'post-unavailable',
    'profile-not-found',
    'login-wall',
  ];
  for (const kind of kinds) {
    it(`${kind} exists in en, ru and kk and yields one notice type`, async () => {
      const types = new Set<string>();
      for (const lang of ['en', 'ru', 'kk']) {
        const c = cases.find((e) => e.fixture.endsWith(`${kind}-${lang}.html`));
        expect(c, `${kind}-${lang}`).toBeDefined();
        const { record } = await run(c!);
        expect(record.notice?.language).toBe(lang);
        types.add(record.notice!.type);
      }
      expect(types.size).toBe(1);
    });
  }
});

describe('x: provenance and absent fields', () => {
  it.skipIf(!real)(
    'the og-only page says where each field came from and warns about counts',
    async () => {
      const [c] = expectationsIn(EXPECTED_DIR, 'x/post', real ?? '').filter((e) =>
        e.fixture.endsWith('_og-only.html'),
      );
      const { record } = await run(c!);
      expect(record.sources).toMatchObject({
        'post.id': 'meta',
        'post.text': 'meta',
        'post.author.name': 'meta',
        'post.publishedAt': 'derived',
      });
      expect(record.post?.counts.likes).toBeNull();
      expect(record.warnings.some((w) => w.startsWith('post.counts'))).toBe(true);
    },
  );

  it.skipIf(!real)('the rendered page reads every field from the DOM', async () => {
    const [c] = expectationsIn(EXPECTED_DIR, 'x/post', real ?? '').filter((e) =>
      e.fixture.endsWith('1222907250383245320.html'),
    );
    const { record } = await run(c!);
    expect(record.sources?.['post.publishedAt']).toBe('dom');
    expect(record.sources?.['post.counts.likes']).toBe('dom');
  });
});

describe('x: snowflake property', () => {
  it('the derived time is the id’s millisecond field floored to the second, for any id', () => {
    const epoch = 1288834974657;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2011-01-01'), max: Date.parse('2099-12-31') }),
        fc.integer({ min: 0, max: 2 ** 22 - 1 }),
        (ms, low) => {
          const id = ((BigInt(ms - epoch) << 22n) | BigInt(low)).toString();
          const expected = new Date(Math.floor(ms / 1000) * 1000)
            .toISOString()
            .replace('.000Z', 'Z');
          expect(snowflakeTime(id)).toBe(expected);
        },
      ),
    );
  });
});

foundPageSuites('x', { describe, it, expect });
