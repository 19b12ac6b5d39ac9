import type { Language } from './translator';

// Chromium ships ICU without Kazakh data: Intl says it supports `kk` but prints
// "2021 M05 5". Kazakh dates are therefore assembled here from numeric parts, the same in the
// browser and in Node, in CLDR's Kazakh order ("2021 ж. 5 мамыр, 15:30").
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

/**
 * The locale Intl formats numbers with. Kazakh writes numbers as Russian does (space groups,
 * decimal comma, КБ/МБ), and Chromium has the Russian data.
 */
export function numberLocale(language: Language): string {
  return language === 'kk' ? 'ru' : language;
}

export interface DateFormatOptions {
  /** Include hours and minutes (and seconds when `seconds`). */
  time?: boolean;
  seconds?: boolean;
  /** Name the zone ("UTC", "GMT+5"). */
  zoneName?: boolean;
  /** IANA zone; the device's when absent. */
  timeZone?: string;
  /** Month spelled long ("May") or short ("May"/"мая"/"мамыр" — Kazakh is always long). */
  month?: 'long' | 'short';
}

/** Formats dates in the UI or bulletin language, Kazakh included. */
export function dateFormatter(language: Language, o: DateFormatOptions = {}): (d: Date) => string {
  const base: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    day: 'numeric',
    timeZone: o.timeZone,
    ...(o.time ? { hour: '2-digit', minute: '2-digit' } : {}),
    ...(o.time && o.seconds ? { second: '2-digit' } : {}),
    ...(o.zoneName ? { timeZoneName: 'short' } : {}),
  };
  if (language !== 'kk') {
    const format = new Intl.DateTimeFormat(language, { ...base, month: o.month ?? 'short' });
    return (d) => format.format(d);
  }
  const parts = new Intl.DateTimeFormat('en-US', { ...base, month: 'numeric', hourCycle: 'h23' });
  return (d) => {
    const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
    let text = `${p.year} ж. ${Number(p.day)} ${KK_MONTHS[Number(p.month) - 1]}`;
    if (o.time) text += `, ${p.hour}:${p.minute}${o.seconds ? `:${p.second}` : ''}`;
    if (o.zoneName) text += ` ${p.timeZoneName}`;
    return text;
  };
}
