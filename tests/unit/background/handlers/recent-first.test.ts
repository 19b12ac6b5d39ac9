// recentFirst (lib/background/handlers/recent-first.ts), behind recent.list: the popup's
// type-ahead offers the persons and cases tagged most recently first, then the newest records,
// then by name; recentIds is the "recent" group, most recent first.
import { describe, expect, it } from 'vitest';
import { recentFirst } from '../../../../lib/background/handlers/recent-first';
import type { LegalCase } from '../../../../lib/model/legal-case';
import type { Link } from '../../../../lib/model/link';
import type { Person } from '../../../../lib/model/person';

const at = (day: number) => `2026-05-${String(day).padStart(2, '0')}T10:00:00.000Z`;

function person(id: string, name: string, createdDay: number): Person {
  const createdAt = at(createdDay);
  return { id, name, aliases: [], accounts: [], notes: '', createdAt, updatedAt: createdAt };
}

function legalCase(id: string, title: string, createdDay: number): LegalCase {
  const createdAt = at(createdDay);
  return {
    id,
    title,
    article: '',
    caseNumber: '',
    jurisdiction: '',
    status: 'investigation',
    officials: [],
    dates: [],
    grounds: [],
    notes: '',
    createdAt,
    updatedAt: createdAt,
  };
}

function link(personId: string | null, caseId: string | null, day: number): Link {
  return {
    id: `link_${personId}_${caseId}_${day}`,
    captureId: 'cap_1',
    personId,
    caseId,
    category: 'other',
    note: '',
    createdAt: at(day),
  };
}

describe('recentFirst', () => {
  it('orders persons by last tag, then newest record, then name', () => {
    const persons = [
      person('per_old_untagged', 'Zhanar', 1),
      person('per_new_untagged', 'Yerlan', 5),
      person('per_same_day_b', 'Bolat', 2),
      person('per_same_day_a', 'Asel', 2),
      person('per_tagged_early', 'Dana', 1),
      person('per_tagged_late', 'Erzhan', 1),
    ];
    const links = [
      link('per_tagged_late', null, 9),
      link('per_tagged_early', null, 7),
      // An older tag listed after a newer one does not move the person back.
      link('per_tagged_late', null, 3),
    ];
    const { persons: ordered, recentIds } = recentFirst(persons, [], links);
    expect(ordered.map((p) => p.id)).toEqual([
      'per_tagged_late',
      'per_tagged_early',
      'per_new_untagged',
      'per_same_day_a',
      'per_same_day_b',
      'per_old_untagged',
    ]);
    expect(recentIds).toEqual(['per_tagged_late', 'per_tagged_early']);
  });

  it('a tag naming a person and a case makes both recent; the inputs stay as they were', () => {
    const persons = [person('per_a', 'Aigerim', 1), person('per_b', 'Bolat', 2)];
    const cases = [legalCase('case_a', 'Alpha', 1), legalCase('case_b', 'Beta', 2)];
    const links = [link('per_a', 'case_a', 4), link(null, 'case_b', 3)];
    const before = [...persons.map((p) => p.id), ...cases.map((c) => c.id)];
    const result = recentFirst(persons, cases, links);
    expect(result.persons.map((p) => p.id)).toEqual(['per_a', 'per_b']);
    expect(result.cases.map((c) => c.id)).toEqual(['case_a', 'case_b']);
    expect(result.recentIds).toEqual(['per_a', 'case_a', 'case_b']);
    expect([...persons.map((p) => p.id), ...cases.map((c) => c.id)]).toEqual(before);
  });

  it('with no tags at all: newest first, then by title', () => {
    const cases = [
      legalCase('case_1', 'Beta', 1),
      legalCase('case_2', 'Alpha', 1),
      legalCase('case_3', 'Gamma', 3),
    ];
    const result = recentFirst([], cases, []);
    expect(result.cases.map((c) => c.title)).toEqual(['Gamma', 'Alpha', 'Beta']);
    expect(result.recentIds).toEqual([]);
  });
});
