import { request } from '../../lib/messaging/client';
import { useLoad } from './use-request';

/**
 * The names of persons and the titles of cases by id, so lists and logs show "Aigerim
 * Kairatkyzy", not `per_3f…`. An id not (or no longer) in the archive shows as null.
 */
export function useNames() {
  const persons = useLoad(() => request('person.list'));
  const cases = useLoad(() => request('case.list'));
  const personNames = new Map((persons.data ?? []).map((p) => [p.id, p.name]));
  const caseTitles = new Map((cases.data ?? []).map((c) => [c.id, c.title]));
  return {
    person: (id: string | null | undefined) => (id ? (personNames.get(id) ?? null) : null),
    case: (id: string | null | undefined) => (id ? (caseTitles.get(id) ?? null) : null),
    error: persons.error ?? cases.error,
  };
}
