import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { instagramRoute, mediaIdFromShortcode } from '../../../lib/platforms/instagram-ids';
import { extractDocument } from '../../../lib/platforms/registry';
import {
  EXPECTED_DIR,
  HANDMADE_DIR,
  expectationSuites,
  expectationsIn,
  realFixturesDir,
  run,
} from './expectations';

expectationSuites('instagram', { describe, it, expect });

const real = realFixturesDir();

describe('instagram: 64-bit ids stay exact strings', () => {
  it('derives media ids from shortcodes with BigInt, beyond 2^53', () => {
    expect(mediaIdFromShortcode('CPeC-Eenc8l')).toBe('2584516297666449189');
    expect(mediaIdFromShortcode('ySl7G9tO_q')).toBe('905953264702648298');
    // A JS number would have rounded this id.
    expect(String(Number('2584516297666449189'))).not.toBe('2584516297666449189');
  });

  it('keeps a 2^53 + 1 user id from _sharedData as its exact string', async () => {
    const [c] = expectationsIn(HANDMADE_DIR, 'instagram', HANDMADE_DIR).filter((e) =>
      e.fixture.includes('verified-profile'),
    );
    const { record } = await run(c!);
    expect(record.account?.id).toBe('9007199254740993');
  });

  it.skipIf(!real)('reads the same media id from 2021 state and from 2024 meta', async () => {
    const cases = expectationsIn(EXPECTED_DIR, 'instagram/post', real ?? '').filter((c) =>
      c.fixture.includes('CPeC-Eenc8l'),
    );
    expect(cases).toHaveLength(2);
    const records = await Promise.all(cases.map(async (c) => (await run(c)).record));
    expect(records.map((r) => r.post?.id)).toEqual(['2584516297666449189', '2584516297666449189']);
    expect(records.map((r) => r.sources?.['post.id']).sort()).toEqual(['embedded-json', 'meta']);
  });
});

describe('instagram: routes', () => {
  const route = (href: string) => instagramRoute(new URL(href));
  it.each([
    ['https://www.instagram.com/p/CPeC-Eenc8l/', 'post'],
    ['https://www.instagram.com/willyrex/p/CPeC-Eenc8l/', 'post'],
    ['https://www.instagram.com/reel/CN2VQ1yI_MA/', 'post'],
    ['https://www.instagram.com/tv/CIoLRFIIL50/', 'post'],
    ['https://www.instagram.com/stories/jaimelorentelo/2591639087680304855/', 'story'],
    ['https://www.instagram.com/pluto__travel/', 'profile'],
    [
      'https://accountscenter.instagram.com/password_and_security/login_activity/',
      'login_activity',
    ],
    ['https://www.instagram.com/explore/', 'other'],
  ])('%s is a %s page', (href, page) => expect(route(href).page).toBe(page));
});

describe('instagram: shortcodes', () => {
  it('drops the 28-character suffix of a private-account shortcode', () => {
    expect(mediaIdFromShortcode(`CPeC-Eenc8l${'A'.repeat(28)}`)).toBe('2584516297666449189');
  });

  it('derives no id from a shortcode that is too long or not URL-safe base 64', () => {
    expect(mediaIdFromShortcode('CPeC-Eenc8lCPeC-Ee')).toBeNull();
    expect(mediaIdFromShortcode('CPeC!Eenc8l')).toBeNull();
    expect(mediaIdFromShortcode('CPeC-Eenc8l!')).toBeNull();
    expect(mediaIdFromShortcode('')).toBeNull();
  });
});

describe('instagram: route shapes', () => {
  const route = (href: string) => instagramRoute(new URL(href));

  it.each([
    ['p', 'p'],
    ['reel', 'reel'],
    ['reels', 'reel'],
    ['tv', 'tv'],
  ])('a /%s/ link is a post of variant %s', (segment, variant) => {
    expect(route(`https://www.instagram.com/${segment}/CPeC-Eenc8l/`)).toEqual({
      page: 'post',
      shortcode: 'CPeC-Eenc8l',
      variant,
    });
  });

  it('a hashtag page whose tag is a post segment is not a post', () => {
    expect(route('https://www.instagram.com/explore/tags/tv/top/')).toEqual({ page: 'other' });
  });

  it('a story is its handle and numeric id', () => {
    expect(route('https://www.instagram.com/stories/dana.example/3000000000000000001/')).toEqual({
      page: 'story',
      handle: 'dana.example',
      storyId: '3000000000000000001',
    });
  });

  it('a story without a numeric id has no story id', () => {
    expect(route('https://www.instagram.com/stories/dana.example/')).toEqual({
      page: 'story',
      handle: 'dana.example',
      storyId: null,
    });
    expect(route('https://www.instagram.com/stories/dana.example/x3000000000000000001/')).toEqual({
      page: 'story',
      handle: 'dana.example',
      storyId: null,
    });
    expect(route('https://www.instagram.com/stories/dana.example/3000000000000000001x/')).toEqual({
      page: 'story',
      handle: 'dana.example',
      storyId: null,
    });
  });

  it('the stories root and story highlights are not a story', () => {
    expect(route('https://www.instagram.com/stories/')).toEqual({ page: 'other' });
    expect(route('https://www.instagram.com/stories/highlights/17900000000000001/')).toEqual({
      page: 'other',
    });
  });

  it('a tab of a profile is the profile', () => {
    expect(route('https://www.instagram.com/dana.example/tagged/')).toEqual({
      page: 'profile',
      handle: 'dana.example',
    });
  });

  it('the home page and a first segment that cannot be a username are no profile', () => {
    expect(route('https://www.instagram.com/')).toEqual({ page: 'other' });
    expect(route('https://www.instagram.com/dana-example/')).toEqual({ page: 'other' });
  });
});

describe('instagram: notices only where there is no content', () => {
  it('does not mistake a caption quoting a notice for the notice', () => {
    const doc = parseHtml(`<html><head>
      <meta property="og:description" content='5 likes, 1 comments - dana.example.kz on May 1, 2024: "They wrote: Sorry, this page isn&#39;t available."'>
      <meta name="twitter:title" content="Dana (@dana.example.kz) • Instagram photo">
      </head><body><main><h1>They wrote: Sorry, this page isn't available.</h1></main></body></html>`);
    const record = extractDocument(doc, new URL('https://www.instagram.com/p/C0ffeeXmpl1/'));
    expect(record.kind).toBe('post');
    expect(record.notice ?? null).toBeNull();
    expect(record.post?.author.handle).toBe('dana.example.kz');
  });

  it('flags a story it cannot show instead of inventing media', () => {
    const doc = parseHtml('<html><head><title>Instagram</title></head><body></body></html>');
    const record = extractDocument(
      doc,
      new URL('https://www.instagram.com/stories/dana.example.kz/3000000000000000001/'),
    );
    expect(record.post?.id).toBe('3000000000000000001');
    expect(record.post?.media).toEqual([]);
    expect(record.warnings.join('\n')).toMatch(/story media is not in the page/);
  });
});
