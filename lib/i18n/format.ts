import { dateFormatter, numberLocale } from './dates';
import {
  createCountTranslator,
  type Language,
  type Translate,
  type TranslateCount,
} from './translator';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Formatting for one language, the same in the browser and in Node (reports, pages). */
export interface TextFormat {
  language: Language;
  t: Translate;
  tn: TranslateCount;
  formatNumber(n: number): string;
  /** Bytes as "225 bytes", "1.5 MB", "1,5 МБ". */
  formatBytes(n: number): string;
  /** A calendar date (YYYY-MM-DD) as written, or the day of an ISO time, in UTC. */
  formatDay(iso: string): string;
  /** An ISO time in UTC, to the second, the zone named: records a court reads must not shift. */
  formatUtc(iso: string): string;
}

export function createTextFormat(
  language: Language,
  t: Translate,
  has: (key: string) => boolean,
): TextFormat {
  const locale = numberLocale(language);
  const number = new Intl.NumberFormat(locale);
  const tn = createCountTranslator(language, t, has, (n) => number.format(n));
  const day = dateFormatter(language, { month: 'long', timeZone: 'UTC' });
  const utc = dateFormatter(language, {
    month: 'long',
    time: true,
    seconds: true,
    zoneName: true,
    timeZone: 'UTC',
  });
  return {
    language,
    t,
    tn,
    formatNumber: (n) => number.format(n),
    formatBytes: (n) => formatBytes(locale, tn, n),
    formatDay: (iso) => day(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    formatUtc: (iso) => utc(new Date(iso)),
  };
}

/** Whole bytes are counted words ("225 bytes", "225 байт": Intl says "225 byte"), then kB, MB… */
export function formatBytes(locale: string, tn: TranslateCount, n: number): string {
  if (n < 1024) return tn('countBytes', n);
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
