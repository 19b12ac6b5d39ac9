import { describe, expect, it, vi } from 'vitest';
import { dashboardHandlers } from '../../../lib/background/handlers/dashboard';
import { CipherSession } from '../../../lib/store/encryption/cipher-session';
import { sampleCapture } from '../store/sample-capture';
import { createTestStore } from '../store/test-store';

// Five distinct seal times for 24 captures: most pages end inside a run of equal times.
const TIMES = ['05', '01', '04', '02', '03'].map((d) => `2026-05-${d}T10:00:00.000Z`);
const IDS = Array.from({ length: 24 }, (_, i) => `cap_${((i * 7) % 24).toString(36)}${i}`);

async function archive() {
  const { store, db } = createTestStore();
  for (const [i, id] of IDS.entries()) {
    const platform = i % 3 === 0 ? 'x' : 'instagram';
    const { capture, artifacts } = sampleCapture(id, { sealedAt: TIMES[i % 5]!, platform });
    await store.captures.seal(capture, artifacts);
  }
  const person = await store.persons.create({ name: 'Zhanar Akhmetova' });
  const legalCase = await store.cases.create({ title: 'Akhmetova case' });
  for (const id of IDS.filter((_, i) => i % 4 === 0))
    await store.links.add({ captureId: id, personId: person.id, caseId: null, category: 'ground' });
  await store.links.add({
    captureId: IDS[5]!,
    personId: person.id,
    caseId: legalCase.id,
    category: 'hack_evidence',
  });
  return { store, db };
}

const unfiltered = (limit: number) => ({ type: 'capture.search' as const, filters: {}, limit });

describe('the newest page from the sealedAt index (a worker that has just started)', () => {
  for (const limit of [1, 3, 7, 10, 24, 100]) {
    it(`is the full index's own first page (limit ${limit}, ties in the seal time)`, async () => {
      const { store } = await archive();
      await store.listings.all(); // listings derived, as any earlier list leaves them
      const fresh = dashboardHandlers(store); // a new worker: no index yet
      const newest = vi.spyOn(store.listings, 'newest');
      const all = vi.spyOn(store.listings, 'all');
      const quick = await fresh['capture.search'](unfiltered(limit));
      expect(newest).toHaveBeenCalledTimes(1);
      expect(await newest.mock.results[0]!.value).not.toBeNull();
      // The full index, built behind the answer, now answers the same question.
      const full = await fresh['capture.search'](unfiltered(limit));
      expect(all).toHaveBeenCalled();
      expect(newest).toHaveBeenCalledTimes(1);
      expect(quick).toEqual(full);
      expect(quick.total).toBe(IDS.length);
      expect(quick.hits).toHaveLength(Math.min(limit, IDS.length));
    });
  }

  it('carries the tags of the page', async () => {
    const { store } = await archive();
    await store.listings.all();
    const page = await dashboardHandlers(store)['capture.search'](unfiltered(100));
    const tagged = page.hits.find((h) => h.id === IDS[5]);
    expect(tagged?.categories).toEqual(['hack_evidence']);
    expect(tagged?.caseIds).toHaveLength(1);
    expect(page.hits.filter((h) => h.personIds.length > 0)).toHaveLength(7);
  });

  it('is not used for a long page (tags are looked up per capture)', async () => {
    const { store } = await archive();
    await store.listings.all();
    const newest = vi.spyOn(store.listings, 'newest');
    const page = await dashboardHandlers(store)['capture.search'](unfiltered(501));
    expect(newest).not.toHaveBeenCalled();
    expect(page.total).toBe(IDS.length);
  });

  it('is not used for a filtered list', async () => {
    const { store } = await archive();
    await store.listings.all();
    const handlers = dashboardHandlers(store);
    const newest = vi.spyOn(store.listings, 'newest');
    const page = await handlers['capture.search']({
      type: 'capture.search',
      filters: { platform: 'x' },
      limit: 100,
    });
    expect(newest).not.toHaveBeenCalled();
    expect(page.total).toBe(8);
  });

  it('steps aside while a capture has no listing yet, and the list is still whole', async () => {
    const { store } = await archive();
    await store.listings.all();
    const late = sampleCapture('cap_late', { sealedAt: '2026-06-01T00:00:00.000Z' });
    await store.captures.seal(late.capture, late.artifacts);
    expect(await store.listings.newest(5)).toBeNull();
    const page = await dashboardHandlers(store)['capture.search'](unfiltered(5));
    expect(page.total).toBe(IDS.length + 1);
    expect(page.hits[0]!.id).toBe('cap_late');
  });

  it('steps aside for a listing of an older derivation', async () => {
    const { store, db } = await archive();
    await store.listings.all();
    const [newestRow] = (await store.listings.newest(1))!.listings;
    await db.listings.put({ ...newestRow!, v: 0, excerpt: 'stale' });
    expect(await store.listings.newest(3)).toBeNull();
    const page = await dashboardHandlers(store)['capture.search'](unfiltered(100));
    expect(page.hits.every((h) => h.excerpt !== 'stale')).toBe(true);
  });

  it('steps aside under the passphrase lock, where the index holds blind values', async () => {
    const { store } = await archive();
    await store.listings.all();
    const session = new CipherSession();
    (store.ctx as { cipher?: CipherSession }).cipher = session;
    expect(await store.listings.newest(3)).not.toBeNull();
    session.mode = 'sealed';
    expect(await store.listings.newest(3)).toBeNull();
    session.mode = 'plain';
    session.migrating = true;
    expect(await store.listings.newest(3)).toBeNull();
  });
});
