import type { LegalCase } from '../../model/legal-case';
import type { Link } from '../../model/link';
import type { Person } from '../../model/person';

/**
 * Persons and cases with the ones tagged most recently first (then the newest records, then by
 * name), so the popup offers what the monitor is working on at the top of the type-ahead.
 */
export function recentFirst(persons: Person[], cases: LegalCase[], links: Link[]) {
  const lastUse = new Map<string, string>();
  for (const link of links)
    for (const id of [link.personId, link.caseId])
      if (id && (lastUse.get(id) ?? '') < link.createdAt) lastUse.set(id, link.createdAt);
  const order =
    <T extends { id: string; createdAt: string }>(label: (x: T) => string) =>
    (a: T, b: T) =>
      (lastUse.get(b.id) ?? '').localeCompare(lastUse.get(a.id) ?? '') ||
      b.createdAt.localeCompare(a.createdAt) ||
      label(a).localeCompare(label(b));
  return {
    persons: [...persons].sort(order<Person>((p) => p.name)),
    cases: [...cases].sort(order<LegalCase>((c) => c.title)),
    /** Ids tagged at least once, most recent first: the "recent" group. */
    recentIds: [...lastUse.entries()].sort((a, b) => b[1].localeCompare(a[1])).map(([id]) => id),
  };
}
