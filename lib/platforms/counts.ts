/**
 * Parses the counts platforms display ("1.2K", "1,234", "1,2 тыс.", "12 млн", "3 мың") into
 * integers. Returns null rather than guessing when the string is ambiguous ("1,5" with no unit).
 */

const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^(k|тыс\.?|тысяч[аи]?|мың|k\.)$/i, 1e3],
  [/^(m|mln|млн\.?|миллион(а|ов)?|million)$/i, 1e6],
  [/^(b|bn|млрд\.?|миллиард(а|ов)?|billion)$/i, 1e9],
];

const NUMBER_WITH_UNIT = /(\d[\d\s\u00a0\u202f.,']*)\s*([^\s\d.,]+\.?)?/u;

export function parseCount(input: string | number | null | undefined): number | null {
  if (input == null) return null;
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) && input >= 0 ? input : null;
  }
  const text = input.trim();
  const match = NUMBER_WITH_UNIT.exec(text);
  // "-3" is not a count a platform would show; refuse rather than drop the sign.
  if (!match || text[match.index - 1] === '-') return null;
  const digits = match[1]!.replace(/[\s\u00a0\u202f']+/g, ' ').trim();
  const unit = match[2] ? multiplierOf(match[2]) : 1;
  if (unit == null) return parsePlain(digits);
  if (unit === 1) return parsePlain(digits);
  const decimal = Number(digits.replace(/\s/g, '').replace(',', '.'));
  if (!Number.isFinite(decimal) || /[.,].*[.,]/.test(digits)) return null;
  return Math.round(decimal * unit);
}

function multiplierOf(unit: string): number | null {
  for (const [pattern, value] of MULTIPLIERS) if (pattern.test(unit)) return value;
  // A word after the number ("Followers", "подписчиков") is not a multiplier.
  return null;
}

/** Plain integers: thousands grouped by space, comma or dot in groups of exactly three. */
function parsePlain(digits: string): number | null {
  const compact = digits.replace(/\s/g, '');
  // Spaces only between groups of three: "12 34" is two numbers, not 1234.
  if (/^\d+$/.test(digits)) return Number(digits);
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  if (/^\d{1,3}( \d{3})+$/.test(digits)) return Number(compact);
  return null;
}
