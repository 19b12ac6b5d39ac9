import { fold } from '../search/normalize';
import type { Person, PersonAccount } from './person';

/** Why an existing person looks like the one about to be created. */
export type DuplicateReason = 'name' | 'account';

export interface PossibleDuplicate {
  person: Person;
  reason: DuplicateReason;
}

const key = (name: string) => fold(name).replace(/\s+/g, ' ').trim();
const accountKey = (a: Pick<PersonAccount, 'platform' | 'handle'>) =>
  `${a.platform}:${a.handle.replace(/^@/, '').toLowerCase()}`;

/**
 * Existing persons that may be the one being added: the same name or spelling (an alias counts;
 * case, ё/е and spacing ignored), or the same account on a platform. Two records for one person
 * split their evidence; the UI offers the existing record instead (pure; tests in Node).
 */
export function possibleDuplicates(
  candidate: { name: string; aliases?: readonly string[]; accounts?: readonly PersonAccount[] },
  persons: readonly Person[],
): PossibleDuplicate[] {
  const names = new Set([candidate.name, ...(candidate.aliases ?? [])].map(key).filter(Boolean));
  const accounts = new Set((candidate.accounts ?? []).map(accountKey));
  const found: PossibleDuplicate[] = [];
  for (const person of persons) {
    if (person.accounts.some((a) => accounts.has(accountKey(a))))
      found.push({ person, reason: 'account' });
    else if ([person.name, ...person.aliases].some((n) => names.has(key(n))))
      found.push({ person, reason: 'name' });
  }
  return found;
}
