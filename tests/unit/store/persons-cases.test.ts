import { describe, expect, it } from 'vitest';
import { createTestStore } from './test-store';

describe('persons and cases', () => {
  it('creates a person with accounts and finds them by handle and platform id', async () => {
    const { store } = createTestStore();
    const person = await store.persons.create({
      name: 'Aigerim Sadykova',
      aliases: ['Айгерим Садыкова'],
      accounts: [
        { platform: 'instagram', handle: 'Aigerim.S', platformId: '9007199254740993', url: null },
      ],
    });
    expect(person.id).toMatch(/^per_[0-9a-f]{24}$/);
    expect(await store.persons.findByAccountKey('instagram:aigerim.s')).toEqual([person]);
    expect(await store.persons.findByAccountKey('instagram#9007199254740993')).toEqual([person]);
    expect(await store.persons.get(person.id)).toEqual(person);
  });

  it('records each create and update as a chained custody event', async () => {
    const { store } = createTestStore();
    const person = await store.persons.create({ name: 'Daniyar Omarov' });
    const legalCase = await store.cases.create({
      title: 'Omarov case',
      article: 'Art. 405 Part 2',
      officials: [{ name: 'B. Investigator', role: 'investigator', position: 'Astana police' }],
    });
    await store.cases.update(legalCase.id, { status: 'indictment' });
    const events = await store.custody.all();
    expect(events.map((e) => [e.seq, e.type, e.subject.id])).toEqual([
      [0, 'person_created', person.id],
      [1, 'case_created', legalCase.id],
      [2, 'case_updated', legalCase.id],
    ]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect((await store.cases.get(legalCase.id))?.status).toBe('indictment');
  });

  it('rejects invalid input and writes nothing', async () => {
    const { store } = createTestStore();
    await expect(store.persons.create({ name: '' })).rejects.toThrow();
    await expect(store.cases.create({ title: 'x', status: 'bogus' as never })).rejects.toThrow();
    expect(await store.persons.list()).toEqual([]);
    expect(await store.custody.count()).toBe(0);
  });

  it('keeps settings validated', async () => {
    const { store } = createTestStore();
    expect((await store.settings.all()).language).toBe('auto');
    await store.settings.set({ language: 'kk' });
    expect((await store.settings.all()).language).toBe('kk');
    await expect(store.settings.set({ language: 'de' as never })).rejects.toThrow();
  });
});
