// Entry names are checked before anything is extracted or trusted. Packages we write use only
// ASCII names built from ids, so anything else is refused with the precise reason (integrity.md Z2–Z4).
import { outcome, renderOutcome, type Outcome } from '../verify-messages';

type NameCode =
  | 'name_empty'
  | 'name_backslash'
  | 'name_absolute'
  | 'name_drive'
  | 'name_control'
  | 'name_traversal'
  | 'name_dot'
  | 'name_empty_segment'
  | 'name_not_nfc'
  | 'name_charset';

/** Why a single name is unsafe (as a code), or null when it is fine. */
export function unsafeName(name: string): NameCode | null {
  if (name.length === 0) return 'name_empty';
  if (name.includes('\\')) return 'name_backslash';
  if (name.startsWith('/')) return 'name_absolute';
  if (/^[A-Za-z]:/.test(name)) return 'name_drive';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'name_control';
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return 'name_traversal';
  if (segments.some((s) => s === '.')) return 'name_dot';
  if (segments.some((s) => s === '')) return 'name_empty_segment';
  if (name.normalize('NFC') !== name) return 'name_not_nfc';
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return 'name_charset';
  return null;
}

/** Why a single name is unsafe, in English, or null when it is fine. */
export function unsafeNameReason(name: string): string | null {
  const code = unsafeName(name);
  return code && renderOutcome(outcome(code));
}

/** The form two names collide under on case-insensitive or normalising file systems. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export interface NameProblem {
  name: string;
  outcome: Outcome;
  reason: string;
}

const problem = (name: string, o: Outcome): NameProblem => ({
  name,
  outcome: o,
  reason: renderOutcome(o),
});

/**
 * Every unsafe, duplicate or colliding name in a list (in order). With `directories`, a name
 * ending in "/" is a directory entry and is judged without that slash.
 */
export function nameProblems(names: readonly string[], directories = false): NameProblem[] {
  const problems: NameProblem[] = [];
  const exact = new Set<string>();
  const folded = new Map<string, string>();
  for (const name of names) {
    const code = unsafeName(directories && name.endsWith('/') ? name.slice(0, -1) : name);
    if (code) problems.push(problem(name, outcome(code)));
    if (exact.has(name)) {
      problems.push(problem(name, outcome('name_duplicate')));
      continue;
    }
    exact.add(name);
    const key = collisionKey(name);
    const twin = folded.get(key);
    if (twin !== undefined) {
      problems.push(problem(name, outcome('name_collision', { other: twin })));
    } else {
      folded.set(key, name);
    }
  }
  return problems;
}
