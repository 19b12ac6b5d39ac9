import { describe, expect, it } from 'vitest';
import { MediaFetcher } from '../../../lib/background/capture/fetch-media';
import { mediaFetchRefusal, mediaHostPermissions } from '../../../lib/platforms/media-hosts';

interface Call {
  url: string;
  init: RequestInit;
}

/** A stand-in for the network: answers by URL, records every request as it was made. */
function network(answer: (url: string) => Response): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return answer(url);
  }) as typeof fetch;
  return { fetch: fake, calls };
}

const png = () =>
  new Response(new Uint8Array([137, 80, 78, 71]), {
    headers: { 'content-type': 'image/png', date: 'Mon, 04 May 2026 09:30:00 GMT' },
  });
const POST = 'https://www.instagram.com/p/Dalel/';

describe('media fetch policy', () => {
  it('fetches a platform page only from its own media CDNs, never its main site', () => {
    expect(
      mediaFetchRefusal('instagram', POST, 'https://scontent.cdninstagram.com/v/a.jpg'),
    ).toBeNull();
    expect(
      mediaFetchRefusal('instagram', POST, 'https://scontent-ams2-1.xx.fbcdn.net/v/a.jpg'),
    ).toBeNull();
    expect(
      mediaFetchRefusal('instagram', POST, 'https://www.instagram.com/accounts/edit/?__a=1'),
    ).toMatch(/main site/);
    expect(mediaFetchRefusal('instagram', POST, 'https://i.instagram.com/api/v1/users/')).toMatch(
      /main site/,
    );
    expect(mediaFetchRefusal('instagram', POST, 'https://pbs.twimg.com/a.jpg')).toMatch(
      /not one of instagram's media servers/,
    );
    expect(
      mediaFetchRefusal('x', 'https://x.com/a/status/1', 'https://api.x.com/1.1/account'),
    ).toMatch(/main site/);
    expect(mediaFetchRefusal('instagram', POST, 'http://scontent.cdninstagram.com/a.jpg')).toBe(
      'not https',
    );
    expect(
      mediaFetchRefusal('instagram', POST, 'https://user:pw@scontent.cdninstagram.com/a.jpg'),
    ).toMatch(/credentials/);
  });

  it('fetches an ordinary site only from its own site, never a platform or the local network', () => {
    const page = 'https://news.example.kz/2026/05/a';
    expect(mediaFetchRefusal('generic', page, 'https://img.example.kz/a.jpg')).toBeNull();
    expect(mediaFetchRefusal('generic', page, 'https://tracker.example.com/a.gif')).toMatch(
      /not the page's own site/,
    );
    expect(mediaFetchRefusal('generic', page, 'https://www.facebook.com/me')).toMatch(/main site/);
    expect(mediaFetchRefusal('generic', page, 'https://192.168.1.1/admin')).toMatch(/public host/);
    expect(
      mediaFetchRefusal(
        'webmail',
        'https://mail.google.com/mail/u/0/',
        'https://mail.google.com/x',
      ),
    ).toMatch(/main site/);
  });

  it('asks for host access to the CDNs only, over https', () => {
    const hosts = mediaHostPermissions();
    expect(hosts).toContain('https://*.cdninstagram.com/*');
    for (const h of hosts) expect(h).toMatch(/^https:\/\/\*\.[a-z0-9.-]+\/\*$/);
  });
});

describe('MediaFetcher', () => {
  it('sends no cookies, no referrer and follows no redirect by default; keeps the server Date', async () => {
    const net = network(() => png());
    const fetcher = new MediaFetcher(
      { platform: 'instagram', pageUrl: POST, withSession: false },
      net.fetch,
    );
    const why: string[] = [];
    const got = await fetcher.fetchOne('https://scontent.cdninstagram.com/v/a.jpg', 1 << 20, why);
    expect(got?.bytes).toEqual(new Uint8Array([137, 80, 78, 71]));
    expect(net.calls).toHaveLength(1);
    expect(net.calls[0]!.init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
    });
    expect(fetcher.serverDate).toEqual({
      date: 'Mon, 04 May 2026 09:30:00 GMT',
      origin: 'https://scontent.cdninstagram.com',
    });
  });

  it('sends cookies only when the monitor turned on "fetch with my session"', async () => {
    const net = network(() => png());
    const fetcher = new MediaFetcher(
      { platform: 'instagram', pageUrl: POST, withSession: true },
      net.fetch,
    );
    await fetcher.fetchOne('https://scontent.cdninstagram.com/v/a.jpg', 1 << 20, []);
    expect(net.calls[0]!.init.credentials).toBe('include');
  });

  it('never requests what the page listed on a main site, and keeps no redirect', async () => {
    const net = network((url) =>
      url.includes('redirects')
        ? new Response(null, { status: 302, headers: { location: 'https://www.instagram.com/me' } })
        : png(),
    );
    const fetcher = new MediaFetcher(
      { platform: 'instagram', pageUrl: POST, withSession: false },
      net.fetch,
    );
    const { kept, omissions } = await fetcher.media([
      { url: 'https://www.instagram.com/accounts/edit/', type: 'image' },
      { url: 'https://scontent.cdninstagram.com/redirects.jpg', type: 'image' },
      { url: 'https://scontent.cdninstagram.com/ok.jpg', type: 'image' },
    ]);
    expect(net.calls.map((c) => c.url)).toEqual([
      'https://scontent.cdninstagram.com/redirects.jpg',
      'https://scontent.cdninstagram.com/ok.jpg',
    ]);
    expect(kept.map((k) => k.url)).toEqual(['https://scontent.cdninstagram.com/ok.jpg']);
    expect(omissions.join('\n')).toMatch(
      /accounts\/edit\/: not fetched \(www\.instagram\.com is a platform's main site/,
    );
    expect(omissions.join('\n')).toMatch(/redirects\.jpg: answered with a redirect/);
  });

  it('inlines only allowed snapshot resources; the rest stay empty', async () => {
    const net = network(() => png());
    const fetcher = new MediaFetcher(
      { platform: 'instagram', pageUrl: POST, withSession: false },
      net.fetch,
    );
    const html = '<img src="dalel-abc12345-0"><img src="dalel-abc12345-1">';
    const out = await fetcher.inline(
      html,
      'abc12345',
      ['https://scontent.cdninstagram.com/a.png', 'https://www.instagram.com/api/graphql'],
      new Map(),
    );
    expect(out.html).toBe('<img src="data:image/png;base64,iVBORw=="><img src="">');
    expect(net.calls.map((c) => c.url)).toEqual(['https://scontent.cdninstagram.com/a.png']);
    expect(out.omissions.join()).toMatch(/main site/);
  });
});
