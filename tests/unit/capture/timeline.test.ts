import { describe, expect, it } from 'vitest';
import { accountTimeline, mergedTimeline } from '../../../lib/capture/timeline';
import { accountCapture, hash, withRecord } from './make-capture';

const avatarArtifact = (url: string, sha: string) => ({
  name: 'media/01.png',
  role: 'media' as const,
  mediaType: 'image/png',
  size: 10,
  sha256: sha,
  sourceUrl: url,
});

describe('account timeline diff', () => {
  it('has no changes for the first capture or an unchanged account', () => {
    const timeline = accountTimeline([accountCapture({}), accountCapture({})]);
    expect(timeline.map((e) => e.changes)).toEqual([[], []]);
  });

  it('reports a rename, a new handle, a new bio and changed counts, against the previous capture', () => {
    const [, second] = accountTimeline([
      accountCapture({}),
      accountCapture({
        name: 'Hacked',
        handle: 'crypto.deals',
        bio: 'Buy now',
        followers: 90,
        posts: 0,
      }),
    ]);
    expect(second!.changes).toEqual([
      { field: 'name', before: 'Aigerim Example', after: 'Hacked' },
      { field: 'handle', before: 'aigerim.example', after: 'crypto.deals' },
      { field: 'bio', before: 'Journalist', after: 'Buy now' },
      { field: 'followers', before: 100, after: 90 },
      { field: 'posts', before: 5, after: 0 },
    ]);
  });

  it('reports private, verified and state changes, and a bio that was removed', () => {
    const [, second] = accountTimeline([
      accountCapture({}),
      accountCapture({ private: true, verified: true, state: 'private', bio: null }),
    ]);
    expect(second!.changes).toEqual([
      { field: 'bio', before: 'Journalist', after: null },
      { field: 'verified', before: false, after: true },
      { field: 'private', before: false, after: true },
      { field: 'state', before: 'active', after: 'private' },
    ]);
  });

  it('compares avatars by image hash when both captures hold the image, not by CDN URL', () => {
    const a = accountCapture(
      { avatarUrl: 'https://cdn/a.jpg?sig=1' },
      { artifacts: [avatarArtifact('https://cdn/a.jpg?sig=1', hash('a'))] },
    );
    const sameImageNewUrl = accountCapture(
      { avatarUrl: 'https://cdn/a.jpg?sig=2' },
      { artifacts: [avatarArtifact('https://cdn/a.jpg?sig=2', hash('a'))] },
    );
    const newImage = accountCapture(
      { avatarUrl: 'https://cdn/b.jpg' },
      { artifacts: [avatarArtifact('https://cdn/b.jpg', hash('b'))] },
    );
    const timeline = accountTimeline([a, sameImageNewUrl, newImage]);
    expect(timeline[1]!.changes).toEqual([]);
    expect(timeline[2]!.changes).toEqual([
      { field: 'avatar', before: hash('a'), after: hash('b') },
    ]);
  });

  it('falls back to the avatar URL when an image was not kept', () => {
    const timeline = accountTimeline([
      accountCapture({ avatarUrl: 'https://cdn/a.jpg' }),
      accountCapture({ avatarUrl: 'https://cdn/b.jpg' }),
    ]);
    expect(timeline[1]!.changes).toEqual([
      { field: 'avatar', before: 'https://cdn/a.jpg', after: 'https://cdn/b.jpg' },
    ]);
  });

  it('turns a "page isn\'t available" notice into "unavailable" (not "deleted") and keeps earlier facts', () => {
    const notice = withRecord({
      kind: 'notice',
      notice: { type: 'unavailable', message: "Sorry, this page isn't available.", language: 'en' },
    });
    const timeline = accountTimeline([
      accountCapture({}),
      notice,
      accountCapture({ name: 'Back' }),
    ]);
    expect(timeline[1]!.changes).toEqual([
      { field: 'state', before: 'active', after: 'unavailable' },
    ]);
    // Name compared with the last capture that showed it, state with the notice.
    expect(timeline[2]!.changes).toEqual([
      { field: 'name', before: 'Aigerim Example', after: 'Back' },
      { field: 'state', before: 'unavailable', after: 'active' },
    ]);
  });

  it('does not report fields a capture could not see (unknown counts, post pages)', () => {
    const post = withRecord({
      kind: 'post',
      post: {
        id: '1',
        author: { handle: 'aigerim.example', name: 'Aigerim Example', id: null },
        publishedAt: null,
        text: 'x',
        media: [],
        counts: { likes: null, comments: null, shares: null, views: null },
        hashtags: [],
        mentions: [],
        links: [],
      },
    });
    const timeline = accountTimeline([
      accountCapture({}),
      accountCapture({ followers: null, state: 'unknown' }),
      post,
    ]);
    expect(timeline[1]!.changes).toEqual([]);
    expect(timeline[2]!.changes).toEqual([]);
  });

  it('lists feed posts that disappeared between feed captures', () => {
    const feed = (ids: string[]) =>
      withRecord({
        kind: 'account',
        account: accountCapture({}).record.account,
        posts: ids.map((id) => ({
          id,
          author: { handle: 'aigerim.example', name: null, id: null },
          publishedAt: null,
          text: null,
          media: [],
          counts: { likes: null, comments: null, shares: null, views: null },
          hashtags: [],
          mentions: [],
          links: [],
        })),
      });
    const timeline = accountTimeline([feed(['1', '2', '3']), feed(['1', '3', '4']), feed(['4'])]);
    expect(timeline[1]!.changes).toEqual([
      { field: 'posts.disappeared', before: ['2'], after: null },
    ]);
    expect(timeline[2]!.changes).toEqual([
      { field: 'posts.disappeared', before: ['1', '3'], after: null },
    ]);
  });
});

describe('one account under several keys', () => {
  it('diffs the captures found by platform id and by handle as one account (a bio change shows)', () => {
    const byId = { ...accountCapture({ bio: 'Journalist' }), id: 'cap_a' };
    const byHandle = {
      ...accountCapture({ bio: 'Buy now' }),
      id: 'cap_b',
      sealedAt: '2099-01-01T00:00:00.000Z',
    };
    // Each key alone has a single capture, so nothing would seem to change.
    expect(accountTimeline([byId])[0]!.changes).toEqual([]);
    const merged = mergedTimeline([[byId], [byHandle, byId]]);
    expect(merged.map((e) => e.capture.id)).toEqual(['cap_a', 'cap_b']);
    expect(merged[1]!.changes).toEqual([{ field: 'bio', before: 'Journalist', after: 'Buy now' }]);
  });
});
