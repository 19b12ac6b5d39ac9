// person.update and case.update carry a patch: only the fields it names may change. The patch
// schemas must not fill in the input schemas' defaults, which would erase every field left out.
import { describe, expect, it } from 'vitest';
import { coreHandlers } from '../../../lib/background/handlers/core';
import { requestSchema } from '../../../lib/messaging/protocol';
import { createTestStore } from '../store/test-store';

describe('update patches', () => {
  it('parse to just the fields sent', () => {
    expect(
      requestSchema.parse({ type: 'person.update', id: 'per_1', patch: { notes: 'n' } }),
    ).toEqual({ type: 'person.update', id: 'per_1', patch: { notes: 'n' } });
    expect(
      requestSchema.parse({ type: 'case.update', id: 'case_1', patch: { caseNumber: '17' } }),
    ).toEqual({ type: 'case.update', id: 'case_1', patch: { caseNumber: '17' } });
    // What a patch names is still cleaned and checked as on create.
    expect(
      requestSchema.parse({
        type: 'person.update',
        id: 'per_1',
        patch: { aliases: ['A', 'A', ''] },
      }),
    ).toMatchObject({ patch: { aliases: ['A'] } });
    for (const patch of [{ name: ' ' }, { title: '' }, { unknown: 1 }])
      expect(
        requestSchema.safeParse({ type: 'case.update', id: 'case_1', patch }).success,
        JSON.stringify(patch),
      ).toBe(false);
  });

  it('change only those fields, and custody names only those', async () => {
    const { store } = createTestStore();
    const h = coreHandlers(store, { extensionVersion: '0', probeTab: async () => ({}) as never });
    const send = <T>(message: unknown) => {
      const request = requestSchema.parse(message);
      return (h[request.type as keyof typeof h] as (r: unknown) => Promise<T>)(request);
    };
    const person = await store.persons.create({ name: 'Aigerim', aliases: ['Aika'] });
    const legalCase = await store.cases.create({ title: 'Case', article: 'Art. 174' });
    await send({ type: 'person.update', id: person.id, patch: { notes: 'n' } });
    await send({ type: 'case.update', id: legalCase.id, patch: { caseNumber: '17' } });
    expect(await store.persons.get(person.id)).toMatchObject({ aliases: ['Aika'], notes: 'n' });
    expect(await store.cases.get(legalCase.id)).toMatchObject({
      article: 'Art. 174',
      caseNumber: '17',
    });
    const events = (await store.custody.all()).slice(-2);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['person_updated', { fields: ['notes'] }],
      ['case_updated', { fields: ['caseNumber'] }],
    ]);
  });
});
