import { describe, expect, it } from 'vitest';
import { dateFormatter, numberLocale } from '../../../lib/i18n/dates';

const may5 = new Date('2021-05-05T15:30:07Z');

describe('dateFormatter', () => {
  it('spells Kazakh months itself, in CLDR order, whatever ICU the runtime has', () => {
    const utc = { timeZone: 'UTC' };
    expect(dateFormatter('kk', utc)(may5)).toBe('2021 ж. 5 мамыр');
    expect(dateFormatter('kk', { ...utc, time: true, zoneName: true })(may5)).toBe(
      '2021 ж. 5 мамыр, 15:30 UTC',
    );
    expect(dateFormatter('kk', { ...utc, time: true, seconds: true })(may5)).toBe(
      '2021 ж. 5 мамыр, 15:30:07',
    );
    expect(dateFormatter('kk', utc)(new Date('2021-12-31T23:59:00Z'))).toBe('2021 ж. 31 желтоқсан');
  });

  it('uses the time zone it is given', () => {
    const almaty = dateFormatter('kk', { timeZone: 'Asia/Almaty', time: true });
    expect(almaty(new Date('2021-05-05T20:30:00Z'))).toMatch(/^2021 ж\. 6 мамыр, 0[12]:30$/);
  });

  it('leaves English and Russian to Intl', () => {
    expect(dateFormatter('ru', { timeZone: 'UTC', month: 'long' })(may5)).toBe('5 мая 2021 г.');
    expect(dateFormatter('en', { timeZone: 'UTC', month: 'long' })(may5)).toBe('May 5, 2021');
  });

  it('formats Kazakh numbers with Russian conventions', () => {
    expect(new Intl.NumberFormat(numberLocale('kk')).format(1234567.5)).toBe(
      '1\u00a0234\u00a0567,5',
    );
    expect(numberLocale('en')).toBe('en');
  });
});
