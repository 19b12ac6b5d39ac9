import { describe, expect, it } from 'vitest';
import { createCountTranslator, createTranslator } from '../../../lib/i18n/translator';
import { legalCaseInputSchema } from '../../../lib/model/legal-case';
import { personInputSchema, type Person } from '../../../lib/model/person';
import { possibleDuplicates } from '../../../lib/model/person-duplicates';
import { createTestStore } from '../store/test-store';
import { sampleCapture } from '../store/sample-capture';

const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({
  id,
  name,
  aliases: [],
  accounts: [],
  notes: '',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  ...extra,
});

describe('records stay clean', () => {
  it('refuses a name or title of spaces only, and trims what is typed', () => {
    expect(personInputSchema.safeParse({ name: '   ' }).success).toBe(false);
    expect(personInputSchema.safeParse({ name: '\t\n' }).success).toBe(false);
    expect(personInputSchema.parse({ name: '  Aigerim  ', aliases: [' a ', '', 'a'] })).toEqual({
      name: 'Aigerim',
      aliases: ['a'],
      accounts: [],
      notes: '',
    });
    expect(legalCaseInputSchema.safeParse({ title: '  ' }).success).toBe(false);
    expect(legalCaseInputSchema.parse({ title: ' Case ' }).title).toBe('Case');
  });

  it('finds an existing person by name or spelling (case, ё and spaces ignored) or account', () => {
    const persons = [
      person('per_1', 'Aigerim Kairatkyzy', { aliases: ['Айгерим Кайраткызы'] }),
      person('per_2', 'Фёдор Иванов'),
      person('per_3', 'Someone Else', {
        accounts: [{ platform: 'instagram', handle: 'aigerim.k', platformId: null, url: null }],
      }),
    ];
    const ids = (c: Parameters<typeof possibleDuplicates>[0]) =>
      possibleDuplicates(c, persons).map((d) => [d.person.id, d.reason]);
    expect(ids({ name: 'aigerim  KAIRATKYZY' })).toEqual([['per_1', 'name']]);
    expect(ids({ name: 'айгерим кайраткызы' })).toEqual([['per_1', 'name']]);
    expect(ids({ name: 'Федор Иванов' })).toEqual([['per_2', 'name']]);
    expect(
      ids({
        name: 'New Name',
        accounts: [{ platform: 'instagram', handle: '@Aigerim.K', platformId: null, url: null }],
      }),
    ).toEqual([['per_3', 'account']]);
    expect(ids({ name: 'Aigerim' }), 'a part of a name is not the same person').toEqual([]);
  });

  it('never adds the same tag twice: the existing one is answered, nothing is written', async () => {
    const { store } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_dup');
    await store.captures.seal(capture, artifacts);
    const p = await store.persons.create({ name: 'Aigerim Example' });
    const tag = { captureId: 'cap_dup', personId: p.id, caseId: null, category: 'ground' as const };
    const first = await store.links.add({ ...tag, note: 'first' });
    const before = (await store.custody.head())!.seq;
    const again = await store.links.add({ ...tag, note: 'again' });
    expect(again).toEqual(first);
    expect((await store.custody.head())!.seq, 'no custody event for a duplicate').toBe(before);
    expect(await store.links.forCapture('cap_dup')).toHaveLength(1);
    // Another category is another tag.
    await store.links.add({ ...tag, category: 'account_state' });
    expect(await store.links.forCapture('cap_dup')).toHaveLength(2);
  });

  it('counts with the plural form of each language', () => {
    const catalog = {
      n__one: { message: '$1 capture' },
      n__other: { message: '$1 captures' },
    };
    const ru = {
      n__one: { message: '$1 фиксация' },
      n__few: { message: '$1 фиксации' },
      n__many: { message: '$1 фиксаций' },
      n__other: { message: '$1 фиксации' },
    };
    const kk = { n__one: { message: '$1 тіркеу' }, n__other: { message: '$1 тіркеу' } };
    const count = (lang: 'en' | 'ru' | 'kk', c: Record<string, { message: string }>) =>
      createCountTranslator(lang, createTranslator(c), (k) => k in c);
    expect([1, 2, 5].map((n) => count('en', catalog)('n', n))).toEqual([
      '1 capture',
      '2 captures',
      '5 captures',
    ]);
    expect([1, 2, 5, 21, 1.5].map((n) => count('ru', ru)('n', n))).toEqual([
      '1 фиксация',
      '2 фиксации',
      '5 фиксаций',
      '21 фиксация',
      '1.5 фиксации',
    ]);
    expect([1, 5].map((n) => count('kk', kk)('n', n))).toEqual(['1 тіркеу', '5 тіркеу']);
  });
});
