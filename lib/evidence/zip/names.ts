// Entry names are checked before anything is extracted or trusted. Packages we write use only
// ASCII names built from ids, so anything else is refused with the precise reason (integrity.md Z2–Z4).

/** Why a single name is unsafe, or null when it is fine. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter in name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name';
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return '".." segment (path traversal)';
  if (segments.some((s) => s === '.')) return '"." segment in name';
  if (segments.some((s) => s === '')) return 'empty path segment (trailing or double slash)';
  if (name.normalize('NFC') !== name) return 'name is not Unicode NFC';
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return 'characters outside A-Z a-z 0-9 . _ - /';
  return null;
}

/** The form two names collide under on case-insensitive or normalising file systems. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export interface NameProblem {
  name: string;
  reason: string;
}

/** Every unsafe, duplicate or colliding name in a list (in order). */
export function nameProblems(names: readonly string[]): NameProblem[] {
  const problems: NameProblem[] = [];
  const exact = new Set<string>();
  const folded = new Map<string, string>();
  for (const name of names) {
    const reason = unsafeNameReason(name);
    if (reason) problems.push({ name, reason });
    if (exact.has(name)) {
      problems.push({ name, reason: 'duplicate entry name' });
      continue;
    }
    exact.add(name);
    const key = collisionKey(name);
    const twin = folded.get(key);
    if (twin !== undefined) {
      problems.push({
        name,
        reason: `collides with "${twin}" after Unicode normalisation or case folding`,
      });
    } else {
      folded.set(key, name);
    }
  }
  return problems;
}
