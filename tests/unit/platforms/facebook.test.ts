import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { facebookRoute } from '../../../lib/platforms/facebook-ids';
import { extractDocument, extractJson } from '../../../lib/platforms/registry';
import {
  HANDMADE_DIR,
  expectationSuites,
  expectationsIn,
  foundPageSuites,
  run,
  FOUND_DIR,
} from './expectations';

expectationSuites('facebook', { describe, it, expect });

describe('facebook: routes', () => {
  const route = (href: string) => facebookRoute(new URL(href));
  it('reads post ids from every permalink shape', () => {
    expect(
      route('https://www.facebook.com/permalink.php?story_fbid=827163017327807&id=149460691764713'),
    ).toMatchObject({ page: 'post', id: '827163017327807', owner: '149460691764713' });
    expect(route('https://m.facebook.com/Nintendo/posts/4188053201279101')).toMatchObject({
      page: 'post',
      id: '4188053201279101',
      owner: 'Nintendo',
    });
    expect(
      route('https://m.facebook.com/Nintendo/photos/a.271203266297467/4194934713924283/?type=3'),
    ).toMatchObject({ page: 'post', id: '4194934713924283', variant: 'photo' });
    expect(route('https://www.facebook.com/acolono/videos/10154107990797381/')).toMatchObject({
      variant: 'video',
      id: '10154107990797381',
    });
    expect(
      route('https://www.facebook.com/groups/1500000000000007/posts/2200000000000042/'),
    ).toMatchObject({ variant: 'group', id: '2200000000000042' });
    expect(
      route('https://www.facebook.com/dana.example/posts/pfbid02Xmpl1ExampleOnly'),
    ).toMatchObject({ id: 'pfbid02Xmpl1ExampleOnly' });
  });
  it.each([
    ['https://www.facebook.com/checkpoint/1501092823525282/', 'checkpoint'],
    ['https://www.facebook.com/settings?tab=security', 'login_activity'],
    ['https://accountscenter.facebook.com/password_and_security/login_activity', 'login_activity'],
    ['https://www.facebook.com/profile.php?id=100001234567890', 'profile'],
    ['https://m.facebook.com/Nintendo/posts/', 'profile'],
  ])('%s is a %s page', (href, page) => expect(route(href).page).toBe(page));
});

describe('facebook: 64-bit ids stay exact strings', () => {
  it('keeps the shared original post id 9100000000000000123 exact', async () => {
    const [c] = expectationsIn(HANDMADE_DIR, 'facebook', HANDMADE_DIR).filter((e) =>
      e.fixture.includes('shared-post'),
    );
    const { record } = await run(c!);
    expect(record.post?.repostOf?.id).toBe('9100000000000000123');
    expect(typeof record.post?.author.id).toBe('string');
  });

  it('never turns an oEmbed numeric id into a rounded number', () => {
    const record = extractJson(
      JSON.parse(
        '{"author_name":"A","url":"https://www.facebook.com/a/posts/9100000000000000123"}',
      ),
      new URL('https://www.facebook.com/a/posts/9100000000000000123'),
    );
    expect(record.post?.id).toBe('9100000000000000123');
  });
});

describe('facebook: hidden <code> blocks and checkpoints', () => {
  it('reads a post that is only inside a commented-out <code> block', () => {
    const doc = parseHtml(
      `<html><body><div class="hidden_elem"><code><!-- <div data-sigil="marea"><a data-sigil="actor-link" href="/dana.example/"><strong class="actor">Dana Example</strong></a><div class="msg"><div>Hearing today.</div></div><abbr data-store="{&quot;time&quot;:1718792100}">19 June</abbr></div> --></code></div></body></html>`,
    );
    const record = extractDocument(
      doc,
      new URL('https://m.facebook.com/dana.example/posts/731234567890123'),
    );
    expect(record.post?.author).toMatchObject({ name: 'Dana Example', handle: 'dana.example' });
    expect(record.post?.publishedAt).toBe('2024-06-19T10:15:00Z');
  });

  it('types an unrecognised checkpoint screen from its address and says so', () => {
    const doc = parseHtml('<html><body><h2>Something new from Facebook</h2></body></html>');
    const record = extractDocument(doc, new URL('https://www.facebook.com/checkpoint/1/'));
    expect(record.notice).toMatchObject({
      type: 'checkpoint',
      message: 'Something new from Facebook',
    });
    expect(record.warnings.join('\n')).toMatch(/typed from the \/checkpoint\/ address/);
  });
});

foundPageSuites('facebook', { describe, it, expect });

describe('facebook: a story cut from the news feed', () => {
  const feed = path.join(
    FOUND_DIR,
    'facebook/feed/propublica_wwwfb_newsfeed_2017-08_sponsored.html',
  );

  it('one story alone, saved at the feed address, is that post, not a page', () => {
    const whole = parseHtml(readFileSync(feed, 'utf8'));
    const story = whole.querySelector('#hyperfeed_story_id_594474fe329fb7047789758')!;
    const record = extractDocument(
      parseHtml(story.outerHTML),
      new URL('https://www.facebook.com/'),
    );
    expect(record.kind).toBe('post');
    expect(record.post).toMatchObject({
      id: '1518542398170141',
      author: { name: 'Office for Businesses', handle: 'office365' },
      counts: { comments: 13, shares: 48 },
    });
  });

  it('a feed of several stories lists them as the page posts', () => {
    const record = extractDocument(
      parseHtml(readFileSync(feed, 'utf8')),
      new URL('https://www.facebook.com/'),
    );
    expect(record.kind).toBe('page');
    expect(record.posts?.map((p) => p.id)).toEqual([
      '1518542398170141',
      '1449167498498976',
      '537016036689880',
      '1781989011815738',
      '1463371563721670',
    ]);
  });
});
