// The edges of date parsing (lib/platforms/dates.ts) that mutation testing found untested: an
// instant is claimed only when the text names its zone, 12 AM is midnight, and out-of-range
// values are refused rather than rolled over.
import { describe, expect, it } from 'vitest';
import {
  fromUnix,
  parseCalendarDate,
  parseDate,
  parseZonedDateTime,
  toIso,
} from '../../../lib/platforms/dates';

describe('fromUnix', () => {
  it('refuses absent, empty, non-numeric, zero and negative values', () => {
    for (const v of [null, undefined, '', 'abc', 0, -1622318373, Number.NaN, Infinity])
      expect(fromUnix(v), String(v)).toBeNull();
  });

  it('reads seconds and milliseconds, keeping milliseconds when there are some', () => {
    expect(fromUnix('1622318373')).toBe('2021-05-29T19:59:33Z');
    expect(fromUnix(1622318373123)).toBe('2021-05-29T19:59:33.123Z');
  });

  it('accepts exactly the years 2000 to 2100', () => {
    expect(fromUnix(946684800)).toBe('2000-01-01T00:00:00Z');
    expect(fromUnix(946684799)).toBeNull();
    expect(fromUnix(4133980799)).toBe('2100-12-31T23:59:59Z');
    expect(fromUnix(4133980800)).toBeNull();
  });
});

describe('parseDate: an instant only when the zone is named', () => {
  it('takes numbers and digit strings of 9 to 13 digits as unix time', () => {
    expect(parseDate(1622318373)).toBe('2021-05-29T19:59:33Z');
    expect(parseDate(' 1622318373 ')).toBe('2021-05-29T19:59:33Z');
    expect(parseDate('946684800')).toBe('2000-01-01T00:00:00Z');
    expect(parseDate('94668480')).toBeNull();
    expect(parseDate('16223183731234')).toBeNull();
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
  });

  it('reads ISO 8601 with an offset written with or without a colon, and a space for T', () => {
    expect(parseDate('2021-05-29 19:59:33+0200')).toBe('2021-05-29T17:59:33Z');
    expect(parseDate('2021-05-29T19:59:33-02:30')).toBe('2021-05-29T22:29:33Z');
    expect(parseDate('2021-05-29T19:59Z')).toBe('2021-05-29T19:59:00Z');
    expect(parseDate('2021-05-29T19:59:33.250Z')).toBe('2021-05-29T19:59:33.250Z');
  });

  it('refuses ISO strings without a zone or with text around them', () => {
    expect(parseDate('2021-05-29 19:59:33')).toBeNull();
    expect(parseDate('posted 2021-05-29T19:59:33Z')).toBeNull();
    expect(parseDate('2021-05-29T19:59:33Z, edited')).toBeNull();
  });

  it('reads RFC 2822 with a numeric zone or a zone name, with or without the weekday', () => {
    expect(parseDate('Sat, 29 May 2021 19:59:33 +0500')).toBe('2021-05-29T14:59:33Z');
    expect(parseDate('29 May 2021 19:59 UTC')).toBe('2021-05-29T19:59:00Z');
    expect(parseDate('Sat, 29 May 2021 19:59:33 -0130')).toBe('2021-05-29T21:29:33Z');
  });

  it('refuses zone-less RFC 2822 dates instead of reading them in the machine’s zone', () => {
    expect(parseDate('Sat, 29 May 2021 19:59:33')).toBeNull();
    expect(parseDate('29 May 2021 19:59')).toBeNull();
    expect(parseDate('Sat, 29 May 2021 19:59:33 +05')).toBeNull();
  });

  it('takes only bare digits as unix time, not a sign or a fraction', () => {
    expect(parseDate('+1622318373')).toBeNull();
    expect(parseDate('1622318373.5')).toBeNull();
  });

  it('refuses dates that match the form but do not exist', () => {
    expect(parseDate('2021-13-45T10:00:00Z')).toBeNull();
    expect(parseDate('2021-05-29T19:59:33+9999')).toBeNull();
    expect(parseDate('2021-05-29 19:59:33+9999')).toBeNull();
    expect(parseDate('Sat, 29 Foo 2021 19:59:33 GMT')).toBeNull();
  });
});

describe('toIso', () => {
  it('drops .000 but keeps other milliseconds', () => {
    expect(toIso(new Date(Date.UTC(2021, 4, 29, 1, 2, 3)))).toBe('2021-05-29T01:02:03Z');
    expect(toIso(new Date(Date.UTC(2021, 4, 29, 1, 2, 3, 4)))).toBe('2021-05-29T01:02:03.004Z');
  });
});

describe('parseCalendarDate', () => {
  it('reads every month in en, ru and kk, in any case, zero-padding month and day', () => {
    expect(parseCalendarDate('SEPTEMBER 5, 2021')).toBe('2021-09-05');
    expect(parseCalendarDate('Sept. 5, 2021')).toBe('2021-09-05');
    expect(parseCalendarDate('5 October 2021')).toBe('2021-10-05');
    expect(parseCalendarDate('5 сентября 2021 г.')).toBe('2021-09-05');
    expect(parseCalendarDate('1 января 2022')).toBe('2022-01-01');
    expect(parseCalendarDate('2021 ж. 5 қыркүйек')).toBe('2021-09-05');
    expect(parseCalendarDate('2021ж. 31 желтоқсан')).toBe('2021-12-31');
    const months = [
      ['jan', 'янв', 'қаң'],
      ['feb', 'фев', 'ақп'],
      ['mar', 'мар', 'нау'],
      ['apr', 'апр', 'сәу'],
      ['may', 'мая', 'мам'],
      ['jun', 'июн', 'мау'],
      ['jul', 'июл', 'шіл'],
      ['aug', 'авг', 'там'],
      ['sep', 'сен', 'қыр'],
      ['oct', 'окт', 'қаз'],
      ['nov', 'ноя', 'қар'],
      ['dec', 'дек', 'жел'],
    ];
    months.forEach(([en, ru, kk], i) => {
      const mm = String(i + 1).padStart(2, '0');
      expect(parseCalendarDate(`${en}uary 3, 2020`)).toBe(`2020-${mm}-03`);
      expect(parseCalendarDate(`3 ${ru}бря 2020`)).toBe(`2020-${mm}-03`);
      expect(parseCalendarDate(`2020 ж. 3 ${kk}ыр`)).toBe(`2020-${mm}-03`);
    });
    expect(parseCalendarDate('3 май 2020')).toBe('2020-05-03');
  });

  it('reads dates written without the comma or the "ж." dot', () => {
    expect(parseCalendarDate('May 29 2021')).toBe('2021-05-29');
    expect(parseCalendarDate('2021 ж 29 мамыр')).toBe('2021-05-29');
  });

  it('refuses day 0, day 32 and unknown month names, and reads on to a later valid date', () => {
    expect(parseCalendarDate('May 0, 2021')).toBeNull();
    expect(parseCalendarDate('May 32, 2021')).toBeNull();
    expect(parseCalendarDate('May 31, 2021')).toBe('2021-05-31');
    expect(parseCalendarDate('Foo 12, 2021')).toBeNull();
    expect(parseCalendarDate('')).toBeNull();
    expect(parseCalendarDate(null)).toBeNull();
    // The first form names no month; the second form, further on, does.
    expect(parseCalendarDate('Week 12, 2021 — 3 March 2021')).toBe('2021-03-03');
  });
});

describe('parseZonedDateTime', () => {
  it('12 AM is midnight and 12 PM is noon', () => {
    expect(parseZonedDateTime('October 5, 2026 at 12:20 AM UTC')).toBe('2026-10-05T00:20:00Z');
    expect(parseZonedDateTime('October 5, 2026 at 12:20 PM UTC')).toBe('2026-10-05T12:20:00Z');
    expect(parseZonedDateTime('October 5, 2026 at 1:05 pm UTC')).toBe('2026-10-05T13:05:00Z');
    expect(parseZonedDateTime('October 5, 2026 at 11:05 a.m. UTC')).toBe('2026-10-05T11:05:00Z');
    expect(parseZonedDateTime('October 5, 2026 at 12:05 a.m. GMT')).toBe('2026-10-05T00:05:00Z');
  });

  it('applies GMT±h, GMT±hh:mm and ±hhmm offsets in the right direction', () => {
    expect(parseZonedDateTime('5 октября 2026 г. в 10:20 (GMT+5)')).toBe('2026-10-05T05:20:00Z');
    expect(parseZonedDateTime('5 октября 2026 г. в 10:20 (GMT+05:30)')).toBe(
      '2026-10-05T04:50:00Z',
    );
    expect(parseZonedDateTime('October 5, 2026, 10:20 UTC-3')).toBe('2026-10-05T13:20:00Z');
    expect(parseZonedDateTime('2026-10-05 10:20 +0500')).toBe('2026-10-05T05:20:00Z');
    expect(parseZonedDateTime('2026-10-05 10:20:07 -0330')).toBe('2026-10-05T13:50:07Z');
    expect(parseZonedDateTime('October 5, 2026 10:20 Z')).toBe('2026-10-05T10:20:00Z');
  });

  it('reads a single-digit hour after a numeric date', () => {
    expect(parseZonedDateTime('2026-10-05 at 1:05 UTC')).toBe('2026-10-05T01:05:00Z');
  });

  it('passes over a year between the clock time and its p.m.', () => {
    expect(parseZonedDateTime('2026-10-05 10:20 2026 PM UTC')).toBe('2026-10-05T22:20:00Z');
  });

  it('takes the clock time after a numeric date, not one before it', () => {
    expect(parseZonedDateTime('Report 12:00 UTC; event 2026-10-05 10:20')).toBe(
      '2026-10-05T10:20:00Z',
    );
  });

  it('returns what parseDate already reads', () => {
    expect(parseZonedDateTime('2021-05-29T19:59:33+02:00')).toBe('2021-05-29T17:59:33Z');
  });

  it('claims nothing without a day, a clock time or a zone, or with an impossible time', () => {
    expect(parseZonedDateTime(null)).toBeNull();
    expect(parseZonedDateTime('')).toBeNull();
    expect(parseZonedDateTime('October 5, 2026 at 10:20')).toBeNull();
    expect(parseZonedDateTime('October 5, 2026 UTC')).toBeNull();
    expect(parseZonedDateTime('at 10:20 UTC')).toBeNull();
    expect(parseZonedDateTime('October 5, 2026 at 24:00 UTC')).toBeNull();
    expect(parseZonedDateTime('October 5, 2026 at 23:60 UTC')).toBeNull();
    expect(parseZonedDateTime('October 5, 2026 at 23:59:60 UTC')).toBeNull();
    expect(parseZonedDateTime('October 5, 2026 at 23:59:59 UTC')).toBe('2026-10-05T23:59:59Z');
  });
});
