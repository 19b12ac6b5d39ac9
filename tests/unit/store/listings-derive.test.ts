// Deriving capture listings (lib/store/repositories/listings-repo.ts), beyond listings.test.ts:
// a stored listing is kept while the missing ones are derived; ids that are not stored give no
// listing, also past the first chunk; a failed write still answers the listings and is logged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleCapture } from './sample-capture';
import { createTestStore } from './test-store';

async function withCaptures(...ids: string[]) {
  const s = createTestStore();
  for (const id of ids) {
    const { capture, artifacts } = sampleCapture(id);
    await s.store.captures.seal(capture, artifacts);
  }
  return s;
}

afterEach(() => vi.restoreAllMocks());

describe('capture listings: deriving', () => {
  it('derives only the missing listings: a stored one is used as it is', async () => {
    const { store, db } = await withCaptures('cap_a', 'cap_b');
    await store.listings.all();
    await db.listings.update('cap_a', { excerpt: 'from the stored row' });
    const { capture, artifacts } = sampleCapture('cap_c');
    await store.captures.seal(capture, artifacts);
    const listings = await store.listings.all();
    expect(listings.map((l) => l.id)).toEqual(['cap_a', 'cap_b', 'cap_c']);
    expect(listings[0]!.excerpt).toBe('from the stored row');
    expect((await db.listings.get('cap_a'))!.excerpt).toBe('from the stored row');
  });

  it('leaves out a capture whose listing could not be derived (gone meanwhile)', async () => {
    const { store } = await withCaptures('cap_a', 'cap_b');
    await store.listings.all();
    const { capture, artifacts } = sampleCapture('cap_c');
    await store.captures.seal(capture, artifacts);
    vi.spyOn(store.listings, 'derive').mockResolvedValue([]);
    expect((await store.listings.all()).map((l) => l.id)).toEqual(['cap_a', 'cap_b']);
  });

  it('gives no listing for an id not stored, in any chunk', async () => {
    const { store } = await withCaptures('cap_a');
    expect(await store.listings.derive(['cap_gone'])).toEqual([]);
    const ids = [...Array.from({ length: 500 }, (_, i) => `cap_gone_${i}`), 'cap_a'];
    expect((await store.listings.derive(ids)).map((l) => l.id)).toEqual(['cap_a']);
  });

  it('a failed write still answers the listings, and says so in the log', async () => {
    const { store, db } = await withCaptures('cap_a');
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.spyOn(db.listings, 'bulkPut').mockRejectedValue(new Error('QuotaExceededError'));
    expect((await store.listings.derive(['cap_a'])).map((l) => l.id)).toEqual(['cap_a']);
    expect(info).toHaveBeenCalledWith('[dalel] listings.store_failed', { listings: 1 });
  });
});
