import { describe, expect, it } from 'vitest';
import { dashboardHandlers } from '../../../lib/background/handlers/dashboard';
import { sampleCapture } from '../store/sample-capture';
import { createTestStore } from '../store/test-store';

async function setup() {
  const { store } = createTestStore();
  const handlers = dashboardHandlers(store);
  const a = sampleCapture('cap_a', { sealedAt: '2026-05-01T10:00:00.000Z' });
  const b = sampleCapture('cap_b', { sealedAt: '2026-05-02T10:00:00.000Z', platform: 'x' });
  await store.captures.seal(a.capture, a.artifacts);
  await store.captures.seal(b.capture, b.artifacts);
  return { store, handlers };
}

describe('dashboard handlers', () => {
  it('searches captures and sees tags added after the first search', async () => {
    const { store, handlers } = await setup();
    const search = (filters: object) =>
      handlers['capture.search']({ type: 'capture.search', filters, limit: 500 });
    expect((await search({})).hits.map((h) => h.id)).toEqual(['cap_b', 'cap_a']);
    expect(await search({ text: 'Zhanar' })).toEqual({ total: 0, hits: [] });
    const person = await store.persons.create({ name: 'Zhanar Akhmetova' });
    await store.links.add({
      captureId: 'cap_a',
      personId: person.id,
      caseId: null,
      category: 'ground',
    });
    const found = await search({ text: 'zhanar' });
    expect(found.hits.map((h) => [h.id, h.personIds, h.categories])).toEqual([
      ['cap_a', [person.id], ['ground']],
    ]);
    expect((await search({ platform: 'x' })).hits.map((h) => h.id)).toEqual(['cap_b']);
  });

  it('answers a page of the newest matches with the count of all, from derived listings', async () => {
    const { store, handlers } = await setup();
    const page = await handlers['capture.search']({
      type: 'capture.search',
      filters: {},
      limit: 1,
    });
    expect(page.total).toBe(2);
    expect(page.hits.map((h) => h.id)).toEqual(['cap_b']);
    // The list was built from listings, which the search derived and stored.
    expect(await store.listings.count()).toBe(2);
  });

  it('offers recently tagged persons and cases first', async () => {
    const { store, handlers } = await setup();
    const older = await store.persons.create({ name: 'Aaa Older' });
    const newer = await store.persons.create({ name: 'Bbb Newer' });
    const legalCase = await store.cases.create({ title: 'Case one' });
    await store.links.add({
      captureId: 'cap_a',
      personId: older.id,
      caseId: legalCase.id,
      category: 'other',
    });
    const recent = await handlers['recent.list']();
    expect(recent.persons.map((p) => p.name)).toEqual(['Aaa Older', 'Bbb Newer']);
    expect(recent.recentIds).toEqual(expect.arrayContaining([older.id, legalCase.id]));
    expect(recent.recentIds).not.toContain(newer.id);
  });

  it('generates a bulletin for a case and refuses one with no scope', async () => {
    const { store, handlers } = await setup();
    const person = await store.persons.create({ name: 'Erlan Zhaksybekov' });
    const legalCase = await store.cases.create({ title: 'Zhaksybekov case', article: 'Art. 174' });
    await store.links.add({
      captureId: 'cap_b',
      personId: person.id,
      caseId: legalCase.id,
      category: 'ground',
    });
    const out = await handlers['bulletin.generate']({
      type: 'bulletin.generate',
      caseId: legalCase.id,
      language: 'kk',
      format: 'markdown',
    });
    expect(out).toMatchObject({ persons: 1, captures: 1, language: 'kk' });
    expect(out.content).toContain('## Erlan Zhaksybekov');
    expect(out.content).toContain('Бап: Art. 174');
    // The evidence list cites each capture by its full seal, so a reader can look it up.
    expect(out.content).toContain(`\`sha256:${'a'.repeat(64)}\``);
    await expect(
      handlers['bulletin.generate']({ type: 'bulletin.generate', language: 'en', format: 'html' }),
    ).rejects.toThrow(/needs caseId, or from and to/);
  });
});
