import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import {
  facebookRoute,
  handleFromHref,
  profileIdFromHref,
} from '../../../lib/platforms/facebook-ids';
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

describe('facebook: route shapes', () => {
  const route = (href: string) => facebookRoute(new URL(href));

  it('a story.php link is the post story_fbid of the owner id', () => {
    expect(route('https://www.facebook.com/story.php?story_fbid=827163017327807&id=149')).toEqual({
      page: 'post',
      id: '827163017327807',
      owner: '149',
      variant: 'post',
    });
  });

  it('a first segment that only contains story.php is a profile, not a story link', () => {
    expect(route('https://www.facebook.com/mystory.php?story_fbid=1')).toEqual({
      page: 'profile',
      handle: 'mystory.php',
      id: null,
    });
    expect(route('https://www.facebook.com/story.php5?story_fbid=1')).toEqual({
      page: 'profile',
      handle: 'story.php5',
      id: null,
    });
  });

  it.each(['photo.php', 'photo'])('a /%s?fbid= link is the photo post fbid', (segment) => {
    expect(route(`https://www.facebook.com/${segment}?fbid=4194934713924283&set=a.1`)).toEqual({
      page: 'post',
      id: '4194934713924283',
      owner: null,
      variant: 'photo',
    });
  });

  it('a /watch/?v= link is the video v', () => {
    expect(route('https://www.facebook.com/watch/?v=10154107990797381')).toEqual({
      page: 'post',
      id: '10154107990797381',
      owner: null,
      variant: 'video',
    });
  });

  it('the watch home without a video, or a v query elsewhere, is no video', () => {
    expect(route('https://www.facebook.com/watch/')).toEqual({ page: 'other' });
    expect(route('https://www.facebook.com/Nintendo/?v=1')).toEqual({
      page: 'profile',
      handle: 'Nintendo',
      id: null,
    });
  });

  it('a group without a post in its path is the group, with its id only when numeric', () => {
    expect(route('https://www.facebook.com/groups/1500000000000007/')).toEqual({
      page: 'profile',
      handle: '1500000000000007',
      id: '1500000000000007',
    });
    expect(route('https://www.facebook.com/groups/kz.lawyers2024/about/')).toEqual({
      page: 'profile',
      handle: 'kz.lawyers2024',
      id: null,
    });
    expect(route('https://www.facebook.com/groups/2024lawyers/')).toEqual({
      page: 'profile',
      handle: '2024lawyers',
      id: null,
    });
  });

  it('a post on a page is variant post, with the page as owner', () => {
    expect(route('https://m.facebook.com/Nintendo/posts/4188053201279101')).toEqual({
      page: 'post',
      id: '4188053201279101',
      owner: 'Nintendo',
      variant: 'post',
    });
  });

  it('a video under a title slug is the video id', () => {
    expect(
      route('https://www.facebook.com/acolono/videos/drupal-meetup-vienna/10154107990797381'),
    ).toEqual({ page: 'post', id: '10154107990797381', owner: 'acolono', variant: 'video' });
  });

  it('a photo under several set segments is the photo id', () => {
    expect(
      route(
        'https://www.facebook.com/Nintendo/photos/pcb.4194934/a.271203266297467/4194934713924283/',
      ),
    ).toEqual({ page: 'post', id: '4194934713924283', owner: 'Nintendo', variant: 'photo' });
  });

  it('a pfbid post under a slug segment is the whole pfbid', () => {
    expect(
      route('https://www.facebook.com/dana.example/posts/hearing/pfbid02Xmpl1ExampleOnly'),
    ).toEqual({
      page: 'post',
      id: 'pfbid02Xmpl1ExampleOnly',
      owner: 'dana.example',
      variant: 'post',
    });
  });

  it('a post id followed by more path is still the whole post id', () => {
    expect(route('https://www.facebook.com/Nintendo/posts/4188053201279101/comments')).toEqual({
      page: 'post',
      id: '4188053201279101',
      owner: 'Nintendo',
      variant: 'post',
    });
    expect(
      route('https://www.facebook.com/dana.example/posts/pfbid02Xmpl1ExampleOnly/comments'),
    ).toEqual({
      page: 'post',
      id: 'pfbid02Xmpl1ExampleOnly',
      owner: 'dana.example',
      variant: 'post',
    });
  });

  it('an album photo followed by more path is the photo id', () => {
    expect(
      route('https://www.facebook.com/Nintendo/photos/a.271203266297467/4194934713924283/likes'),
    ).toEqual({ page: 'post', id: '4194934713924283', owner: 'Nintendo', variant: 'photo' });
  });

  it('a posts segment deeper than the second is not a post', () => {
    expect(route('https://www.facebook.com/Nintendo/community/posts/4188053201279101')).toEqual({
      page: 'profile',
      handle: 'Nintendo',
      id: null,
    });
  });

  it('a non-numeric id after a slug segment is not a post', () => {
    expect(route('https://www.facebook.com/Nintendo/posts/draft/4188053201279101x/more')).toEqual({
      page: 'profile',
      handle: 'Nintendo',
      id: null,
    });
  });

  it('a profile.php link is the profile id, without a handle', () => {
    expect(route('https://www.facebook.com/profile.php?id=100001234567890')).toEqual({
      page: 'profile',
      handle: null,
      id: '100001234567890',
    });
  });

  it('a checkpoint under /login/ is a checkpoint', () => {
    expect(route('https://www.facebook.com/login/checkpoint/')).toEqual({ page: 'checkpoint' });
  });

  it('a bare /checkpoint address is a checkpoint', () => {
    expect(route('https://www.facebook.com/checkpoint')).toEqual({ page: 'checkpoint' });
  });

  it('a page whose handle starts with checkpoint is that page, not a checkpoint', () => {
    expect(route('https://www.facebook.com/checkpointsoftware/posts/4188053201279101')).toEqual({
      page: 'post',
      id: '4188053201279101',
      owner: 'checkpointsoftware',
      variant: 'post',
    });
  });

  it('a checkpoint segment below a profile is the profile', () => {
    expect(route('https://www.facebook.com/Nintendo/checkpoint/')).toEqual({
      page: 'profile',
      handle: 'Nintendo',
      id: null,
    });
  });

  it('a security tab outside settings is not the login activity', () => {
    expect(route('https://www.facebook.com/Nintendo/?tab=security')).toEqual({
      page: 'profile',
      handle: 'Nintendo',
      id: null,
    });
  });
});

describe('facebook: handles and ids in links', () => {
  it('reads the handle of a page link, relative or absolute', () => {
    expect(handleFromHref('/Nintendo/?__tn__=C-R')).toBe('Nintendo');
    expect(handleFromHref('https://m.facebook.com/Nintendo')).toBe('Nintendo');
  });

  it.each([null, undefined, ''])('has no handle for the missing link %s', (href) => {
    expect(handleFromHref(href)).toBeNull();
  });

  it('has no handle for a link to another site, even one starting with facebook.com', () => {
    expect(handleFromHref('https://example.com/Nintendo')).toBeNull();
    expect(handleFromHref('https://facebook.com.example.net/Nintendo')).toBeNull();
  });

  it('has no handle for .php pages or reserved paths', () => {
    expect(handleFromHref('/profile.php?id=1')).toBeNull();
    expect(handleFromHref('/groups/1500000000000007/')).toBeNull();
  });

  it('takes a first segment that only contains .php as a handle', () => {
    expect(handleFromHref('/dana.php.fan/')).toBe('dana.php.fan');
  });

  it('has no handle for an unparseable link', () => {
    expect(handleFromHref('https://')).toBeNull();
  });

  it('reads the id of a profile.php link', () => {
    expect(profileIdFromHref('/profile.php?id=100001234567890&__tn__=C')).toBe('100001234567890');
    expect(profileIdFromHref('/profile.php')).toBeNull();
  });

  it('has no profile id for other links', () => {
    expect(profileIdFromHref(null)).toBeNull();
    expect(profileIdFromHref('/Nintendo/?id=1')).toBeNull();
    expect(profileIdFromHref('/profile.php/photos?id=1')).toBeNull();
    expect(profileIdFromHref('https://')).toBeNull();
  });
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
