import type { Person, PersonAccount } from '../../lib/model/person';
import { possibleDuplicates, type PossibleDuplicate } from '../../lib/model/person-duplicates';
import { request } from '../../lib/messaging/client';

/**
 * The recorded persons a new one may duplicate. The store is asked again rather than trusting the
 * list on screen: a form opened a moment ago may not have loaded it yet (a quick Enter created a
 * second record of the same person), and another tab may have added someone since. If the store
 * cannot answer, the list shown is the best there is.
 */
export async function recordedDuplicates(
  candidate: { name: string; aliases?: readonly string[]; accounts?: readonly PersonAccount[] },
  shown: readonly Person[],
): Promise<PossibleDuplicate[]> {
  const recorded = await request('person.list').catch(() => shown);
  return possibleDuplicates(candidate, recorded);
}
