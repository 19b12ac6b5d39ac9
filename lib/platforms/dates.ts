/**
 * Date parsing to ISO 8601 UTC. Only inputs that carry their own zone (unix timestamps, ISO
 * strings with an offset or `Z`, RFC 2822 with a zone) become instants; a wall-clock time without
 * a zone ("Apr 19, 2021 at 6:18 AM", "29 мая 2021 г.") is returned as null so the caller keeps the
 * words instead of guessing the viewer's time zone.
 */

/** Unix seconds (or milliseconds, if clearly so) → ISO UTC; null outside 2000..2100. */
export function fromUnix(value: number | string | null | undefined): string | null {
  if (value == null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0) return null;
  const ms = n > 1e11 ? n : n * 1000;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= 2000 && year <= 2100 ? toIso(date) : null;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const RFC_2822 = /^(\w{3}, )?\d{1,2} \w{3} \d{4} \d{2}:\d{2}(:\d{2})? ([+-]\d{4}|GMT|UTC|Z)$/i;

/** Parses a timestamp that names its zone; anything else → null. */
export function parseDate(input: string | number | null | undefined): string | null {
  if (input == null) return null;
  if (typeof input === 'number') return fromUnix(input);
  const text = input.trim();
  if (/^\d{9,13}$/.test(text)) return fromUnix(text);
  if (ISO_WITH_ZONE.test(text) || RFC_2822.test(text)) {
    const date = new Date(text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (RFC_2822.test(text)) return validIso(new Date(text));
    return validIso(date);
  }
  return null;
}

function validIso(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : toIso(date);
}

/** `2021-05-29T10:00:00Z` (seconds precision, no milliseconds unless present). */
export function toIso(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  янв: 1,
  фев: 2,
  мар: 3,
  апр: 4,
  мая: 5,
  май: 5,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  окт: 10,
  ноя: 11,
  дек: 12,
  қаң: 1,
  ақп: 2,
  нау: 3,
  сәу: 4,
  мам: 5,
  мау: 6,
  шіл: 7,
  там: 8,
  қыр: 9,
  қаз: 10,
  қар: 11,
  жел: 12,
};

/**
 * A calendar date written out in en/ru/kk ("May 29, 2021", "29 мая 2021 г.", "2021 ж. 29 мамыр")
 * → `YYYY-MM-DD`, or null. Only the day is claimed; no time, no zone.
 */
export function parseCalendarDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.toLowerCase();
  const patterns: Array<[RegExp, (m: RegExpExecArray) => [string, string, string]]> = [
    [/([a-zа-яәғқңөұүһі]{3,})\.? (\d{1,2}),? (\d{4})/u, (m) => [m[3]!, m[1]!, m[2]!]],
    [/(\d{1,2}) ([a-zа-яәғқңөұүһі]{3,})\.?,? (\d{4})/u, (m) => [m[3]!, m[2]!, m[1]!]],
    [/(\d{4}) ?ж\.? (\d{1,2}) ([а-яәғқңөұүһі]{3,})/u, (m) => [m[1]!, m[3]!, m[2]!]],
  ];
  for (const [pattern, order] of patterns) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [year, monthName, day] = order(m);
    const month = MONTHS[monthName.slice(0, 3)];
    const d = Number(day);
    if (!month || d < 1 || d > 31) continue;
    return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

const ZONE =
  /(?:\b(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b|\b(UTC|GMT|Z)\b|(?<![\d:])([+-])(\d{2}):?(\d{2})\b)/;
const CLOCK = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?/;

/**
 * A written date and time that names its zone ("October 5, 2026 at 10:20 AM UTC",
 * "5 октября 2026 г. в 10:20 (GMT+5)", "2026-10-05 10:20 +0500") → ISO UTC. Without a year, a
 * clock time or a zone the result is null: e-mails and login pages state their zone or we do not
 * claim an instant.
 */
export function parseZonedDateTime(input: string | null | undefined): string | null {
  if (!input) return null;
  const direct = parseDate(input);
  if (direct) return direct;
  const numeric = /(\d{4})-(\d{2})-(\d{2})/.exec(input);
  const day = numeric ? `${numeric[1]}-${numeric[2]}-${numeric[3]}` : parseCalendarDate(input);
  const afterDate = numeric ? input.slice(numeric.index + numeric[0].length) : input;
  const clock = CLOCK.exec(afterDate.replace(/\b\d{4}\b/, ''));
  const zone = ZONE.exec(input);
  if (!day || !clock || !zone) return null;
  let hours = Number(clock[1]);
  const minutes = Number(clock[2]);
  const seconds = Number(clock[3] ?? 0);
  const meridiem = clock[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hours < 12) hours += 12;
  if (meridiem === 'am' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  let offsetMinutes = 0;
  const sign = zone[1] ?? zone[5];
  if (sign) {
    const h = Number(zone[2] ?? zone[6]);
    const m = Number(zone[3] ?? zone[7] ?? 0);
    offsetMinutes = (sign === '-' ? -1 : 1) * (h * 60 + m);
  }
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, mo - 1, d, hours, minutes, seconds) - offsetMinutes * 60_000;
  return toIso(new Date(utc));
}
