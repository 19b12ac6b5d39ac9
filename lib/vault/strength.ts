/**
 * The passphrase strength check, one pure function for the UI (as the monitor types) and the
 * background (which refuses a weak passphrase whatever a page sends). A seized laptop's archive
 * is as strong as this passphrase: Argon2id makes each guess cost ~1 s, so what matters is that
 * the passphrase is not among the first guesses an attacker tries — short ones, common passwords,
 * and common passwords dressed up (digits and symbols around them, repeats, l33t spelling, or a
 * Russian word typed on a Latin layout, "ghbdtn" for "привет", which the leaked lists are full of).
 */

/** At least this many characters (Unicode code points). */
export const MIN_PASSPHRASE_LENGTH = 12;
/** At least this many different characters ("aaaaaaaaaaaa" is long and worthless). */
const MIN_DISTINCT = 5;

export type PassphraseProblem = 'too_short' | 'too_few_distinct' | 'common' | 'sequence';

export interface PassphraseVerdict {
  ok: boolean;
  problems: PassphraseProblem[];
}

/** Russian/Kazakh keys of the ЙЦУКЕН layout → the Latin letters on the same keys (QWERTY). */
const CYRILLIC_KEYS: Record<string, string> = Object.fromEntries(
  [...'йцукенгшщзхъфывапролджэячсмитьбюё'].map((c, i) => [
    c,
    "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"[i]!,
  ]),
);
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
  '8': 'b',
};
const SEQUENCES = [
  '0123456789012345678901234567890',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'йцукенгшщзхъфывапролджэячсмитьбю',
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
];

const codePoints = (s: string) => [...s];

/** The passphrase as an attacker's rules would try it: several spellings of its core. */
export function variantsOf(passphrase: string): Set<string> {
  const base = passphrase.normalize('NFKC').toLowerCase().trim();
  const out = new Set<string>();
  const add = (v: string) => {
    const t = v.trim();
    if (t.length >= 4) out.add(t);
  };
  const forms = [base, base.replace(/\s+/g, '')];
  for (const f of forms) {
    add(f);
    add(f.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')); // "!!password2024" → "password"
    add(f.replace(/[^\p{L}\p{N}]/gu, ''));
    add(
      codePoints(f)
        .map((c) => LEET[c] ?? c)
        .join(''),
    );
    add(
      codePoints(f)
        .map((c) => CYRILLIC_KEYS[c] ?? c)
        .join(''),
    );
    add(
      codePoints(f.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
        .map((c) => CYRILLIC_KEYS[c] ?? c)
        .join(''),
    );
  }
  // A repeated unit: "qwertyqwerty" → "qwerty".
  for (const v of [...out]) {
    const m = /^(.+?)\1+$/u.exec(v);
    if (m) add(m[1]!);
  }
  return out;
}

function isSequence(passphrase: string): boolean {
  const p = passphrase.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (p.length < 4) return false;
  const reversed = [...p].reverse().join('');
  return SEQUENCES.some((s) => s.includes(p) || s.includes(reversed));
}

/** Whether `passphrase` may protect the archive, and if not, why (every reason that applies). */
export function checkPassphrase(
  passphrase: string,
  common: ReadonlySet<string>,
): PassphraseVerdict {
  const problems: PassphraseProblem[] = [];
  const chars = codePoints(passphrase.normalize('NFKC'));
  if (chars.length < MIN_PASSPHRASE_LENGTH) problems.push('too_short');
  if (new Set(chars.map((c) => c.toLowerCase())).size < MIN_DISTINCT)
    problems.push('too_few_distinct');
  if (isSequence(passphrase)) problems.push('sequence');
  for (const v of variantsOf(passphrase)) {
    if (common.has(v)) {
      problems.push('common');
      break;
    }
  }
  return { ok: problems.length === 0, problems };
}

/** The list file's entries (one a line, `#` lines are comments) as a set. */
export function parseCommonList(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t && !t.startsWith('#')) out.add(t);
  }
  return out;
}

/** Where the list is shipped inside the extension (generated on install; see scripts/). */
export const COMMON_PASSWORDS_PATH = '/common-passwords.txt';
