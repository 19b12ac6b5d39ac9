// Persons, cases and tags (persons-repo.ts, cases-repo.ts, links-repo.ts): every change appends
// its custody event on the chain with what changed; a change of something not stored is refused
// and writes nothing; lists come back in their documented order.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../lib/evidence/custody';
import type { LegalCase } from '../../../lib/model/legal-case';
import type { Person } from '../../../lib/model/person';
import { sampleCapture } from './sample-capture';
import { createTestStore } from './test-store';

async function lastEvent(store: ReturnType<typeof createTestStore>['store']) {
  const all = await store.custody.all();
  const [prev, head] = [all.at(-2), all.at(-1)];
  expect(head!.prevHash).toBe(prev?.hash ?? GENESIS_HASH);
  return { type: head!.type, subject: head!.subject, data: head!.data };
}

describe('persons', () => {
  it('records a creation with the name, and an update with the sorted fields it was given', async () => {
    const { store } = createTestStore();
    await store.persons.create({ name: 'Zeynep' });
    const p = await store.persons.create({ name: 'Aigerim' });
    expect(await lastEvent(store)).toEqual({
      type: 'person_created',
      subject: { kind: 'person', id: p.id },
      data: { name: 'Aigerim' },
    });
    const updated = await store.persons.update(p.id, { notes: 'n', aliases: ['A'] });
    expect(updated).toMatchObject({ name: 'Aigerim', notes: 'n', aliases: ['A'] });
    expect(await lastEvent(store)).toEqual({
      type: 'person_updated',
      subject: { kind: 'person', id: p.id },
      data: { fields: ['aliases', 'notes'] },
    });
  });

  it('refuses to update a person not stored, writing nothing', async () => {
    const { store, db } = createTestStore();
    await store.persons.create({ name: 'Aigerim' });
    const events = await db.custody.count();
    await expect(store.persons.update('per_gone', { notes: 'n' })).rejects.toThrow(
      'no person with id per_gone',
    );
    expect(await db.custody.count()).toBe(events);
    expect(await db.persons.count()).toBe(1);
  });

  it('lists persons by name, not in the order of their ids', async () => {
    const { store } = createTestStore();
    const at = '2026-05-01T10:00:00.000Z';
    const person = (id: string, name: string): Person => ({
      id,
      name,
      aliases: [],
      accounts: [],
      notes: '',
      createdAt: at,
      updatedAt: at,
    });
    // Ids in the reverse order of the names: the table gives them back by id.
    await store.persons.insertImported(person('per_a', 'Zeynep'));
    await store.persons.insertImported(person('per_b', 'Marat'));
    await store.persons.insertImported(person('per_c', 'Aigerim'));
    expect((await store.persons.list()).map((p) => p.id)).toEqual(['per_c', 'per_b', 'per_a']);
  });
});

describe('cases', () => {
  it('records a creation with title, article and number, and an update with its sorted fields', async () => {
    const { store } = createTestStore();
    const c = await store.cases.create({ title: 'Case', article: '174', caseNumber: 'N-1' });
    expect(await lastEvent(store)).toEqual({
      type: 'case_created',
      subject: { kind: 'case', id: c.id },
      data: { title: 'Case', article: '174', caseNumber: 'N-1' },
    });
    await store.cases.update(c.id, { title: 'Renamed', caseNumber: 'N-2' });
    expect(await lastEvent(store)).toEqual({
      type: 'case_updated',
      subject: { kind: 'case', id: c.id },
      data: { fields: ['caseNumber', 'title'] },
    });
    expect(await store.cases.get(c.id)).toMatchObject({ title: 'Renamed', caseNumber: 'N-2' });
  });

  it('refuses to update a case not stored, writing nothing', async () => {
    const { store, db } = createTestStore();
    await store.cases.create({ title: 'Case' });
    const events = await db.custody.count();
    await expect(store.cases.update('case_gone', { title: 'x' })).rejects.toThrow(
      'no case with id case_gone',
    );
    expect(await db.custody.count()).toBe(events);
  });

  it('lists cases most recently updated first; a case stored before grounds reads with none', async () => {
    const { store, db } = createTestStore();
    const a = await store.cases.create({ title: 'A' });
    const b = await store.cases.create({ title: 'B' });
    await store.cases.create({ title: 'C' });
    await store.cases.update(a.id, { title: 'A2' });
    expect((await store.cases.list()).map((c) => c.title)).toEqual(['A2', 'C', 'B']);
    // Ids are random: with seven cases, their key order matches the expected one by chance only
    // once in 5040 runs, so a list that forgot to sort does not pass by luck.
    const more = [];
    for (const title of ['D', 'E', 'F', 'G']) more.push(await store.cases.create({ title }));
    await store.cases.update(more[1]!.id, { title: 'E2' });
    expect((await store.cases.list()).map((c) => c.title)).toEqual([
      'E2',
      'G',
      'F',
      'D',
      'A2',
      'C',
      'B',
    ]);
    const { grounds: _g, ...old } = (await db.cases.get(b.id))!;
    await db.cases.put(old as LegalCase);
    expect((await store.cases.get(b.id))!.grounds).toEqual([]);
    expect((await store.cases.list()).find((c) => c.id === b.id)!.grounds).toEqual([]);
  });
});

describe('tags', () => {
  async function withCapture() {
    const s = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_1');
    await s.store.captures.seal(capture, artifacts);
    const person = await s.store.persons.create({ name: 'Aigerim' });
    const other = await s.store.persons.create({ name: 'Marat' });
    const legalCase = await s.store.cases.create({ title: 'Case' });
    return { ...s, person, other, legalCase };
  }

  it('a tag differing in person, case or category is a new tag; only the very same one is reused', async () => {
    const { store, db, person, other, legalCase } = await withCapture();
    const base = {
      captureId: 'cap_1',
      personId: person.id,
      caseId: legalCase.id,
      category: 'ground' as const,
    };
    const first = await store.links.add(base);
    expect(first.note).toBe('');
    expect(await store.links.add({ ...base })).toEqual(first);
    await store.links.add({ ...base, personId: other.id });
    await store.links.add({ ...base, caseId: null });
    await store.links.add({ ...base, category: 'other' });
    expect(await db.links.count()).toBe(4);
    expect((await store.custody.ofType('tagged')).length).toBe(4);
  });

  it('refuses a tag of a person or case not stored, writing nothing', async () => {
    const { store, db, person, legalCase } = await withCapture();
    const events = await db.custody.count();
    const base = { captureId: 'cap_1', category: 'ground' as const };
    await expect(
      store.links.add({ ...base, personId: 'per_gone', caseId: legalCase.id }),
    ).rejects.toThrow('no person per_gone');
    await expect(
      store.links.add({ ...base, personId: person.id, caseId: 'case_gone' }),
    ).rejects.toThrow('no case case_gone');
    expect(await db.links.count()).toBe(0);
    expect(await db.custody.count()).toBe(events);
  });

  it('removing a tag records `untagged` with what it was; an unknown tag is refused', async () => {
    const { store, db, person } = await withCapture();
    const link = await store.links.add({
      captureId: 'cap_1',
      personId: person.id,
      caseId: null,
      category: 'ground',
    });
    await store.links.remove(link.id);
    expect(await db.links.count()).toBe(0);
    expect(await lastEvent(store)).toEqual({
      type: 'untagged',
      subject: { kind: 'capture', id: 'cap_1' },
      data: { linkId: link.id, personId: person.id, caseId: null, category: 'ground' },
    });
    const events = await db.custody.count();
    await expect(store.links.remove(link.id)).rejects.toThrow(`no link ${link.id}`);
    expect(await db.custody.count()).toBe(events);
  });
});
