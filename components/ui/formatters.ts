import { dateFormatter, numberLocale } from '../../lib/i18n/dates';
import type { Language, Translate } from '../../lib/i18n/translator';
import type { I18n } from '../i18n-context';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Intl formatters for one UI language, built once per page. */
export function createFormatters(language: Language, t: Translate): I18n {
  const time = dateFormatter(language, { time: true, seconds: true, zoneName: true });
  const date = dateFormatter(language);
  const dateUtc = dateFormatter(language, { timeZone: 'UTC' });
  const locale = numberLocale(language);
  const number = new Intl.NumberFormat(locale);
  return {
    language,
    t,
    formatTime: (iso) => time(new Date(iso)),
    // A bare calendar date is a legal date, not a moment: format it as written (UTC).
    formatDate: (iso) =>
      /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateUtc(new Date(`${iso}T00:00:00Z`)) : date(new Date(iso)),
    formatNumber: (n) => number.format(n),
    formatBytes: (n) => {
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
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(value);
    },
  };
}
