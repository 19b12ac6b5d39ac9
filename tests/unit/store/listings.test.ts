import { describe, expect, it } from 'vitest';
import { LISTING_VERSION, listingOf } from '../../../lib/search/capture-listing';
import { sampleCapture } from './sample-capture';
import { createTestStore } from './test-store';

async function withCaptures(...ids: string[]) {
  const { db, store } = createTestStore();
  for (const [i, id] of ids.entries()) {
    const { capture, artifacts } = sampleCapture(id, {
      sealedAt: `2026-05-0${i + 1}T10:00:00.000Z`,
      record: {
        platform: 'instagram',
        kind: 'post',
        url: 'https://www.instagram.com/p/x/',
        canonicalUrl: null,
        warnings: [],
        extractor: { name: 'instagram', version: '1.0.0' },
        text: `Ёлка number ${i}`,
      },
    });
    await store.captures.seal(capture, artifacts);
  }
  return { db, store };
}

describe('capture listings (derived list rows, v4)', () => {
  it('derives a missing listing from its capture on first read, stores it, and reuses it', async () => {
    const { db, store } = await withCaptures('cap_a', 'cap_b');
    expect(await db.listings.count()).toBe(0);
    const listings = await store.listings.all();
    expect(listings.map((l) => l.id)).toEqual(['cap_a', 'cap_b']);
    expect(listings[0]).toEqual(listingOf((await store.captures.get('cap_a'))!));
    expect(listings[0]!.text).toContain('елка number 0'); // folded: case and ё
    expect(await db.listings.count()).toBe(2);
    // A stored listing is used as it is (not re-derived): proven by a marker only it carries.
    await db.listings.update('cap_a', { excerpt: 'from the stored row' });
    expect((await store.listings.all())[0]!.excerpt).toBe('from the stored row');
  });

  it('re-derives listings of an older version and leaves out listings without a capture', async () => {
    const { db, store } = await withCaptures('cap_a', 'cap_b');
    const stale = { ...listingOf((await store.captures.get('cap_a'))!), v: LISTING_VERSION - 1 };
    // A listing whose capture is not stored cannot arise (captures are never deleted), but a
    // raw write could leave one: it is not listed.
    await db.listings.bulkPut([
      { ...stale, excerpt: 'stale' },
      { ...stale, id: 'cap_gone', v: LISTING_VERSION },
    ]);
    const listings = await store.listings.all();
    expect(listings.map((l) => [l.id, l.v, l.excerpt])).toEqual([
      ['cap_a', LISTING_VERSION, 'Ёлка number 0'],
      ['cap_b', LISTING_VERSION, 'Ёлка number 1'],
    ]);
    expect((await db.listings.get('cap_a'))!.v).toBe(LISTING_VERSION);
  });

  it('never touches the captures, the custody log or anything else', async () => {
    const { db, store } = await withCaptures('cap_a', 'cap_b');
    const before = {
      captures: await db.captures.toArray(),
      custody: await db.custody.toArray(),
    };
    await store.listings.all();
    expect({
      captures: await db.captures.toArray(),
      custody: await db.custody.toArray(),
    }).toEqual(before);
  });
});
