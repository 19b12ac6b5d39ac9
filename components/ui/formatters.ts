import type { Language, Translate } from '../../lib/i18n/translator';
import type { I18n } from '../i18n-context';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Intl formatters for one UI language, built once per page. */
export function createFormatters(language: Language, t: Translate): I18n {
  const time = new Intl.DateTimeFormat(language, {
    // dateStyle cannot be combined with timeZoneName; spell the parts out.
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const dateUtc = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(language);
  return {
    language,
    t,
    formatTime: (iso) => time.format(new Date(iso)),
    // A bare calendar date is a legal date, not a moment: format it as written (UTC).
    formatDate: (iso) =>
      /^\d{4}-\d{2}-\d{2}$/.test(iso)
        ? dateUtc.format(new Date(`${iso}T00:00:00Z`))
        : date.format(new Date(iso)),
    formatNumber: (n) => number.format(n),
    formatBytes: (n) => {
      let value = n;
      let unit = 0;
      while (value >= 1024 && unit < UNITS.length - 1) {
        value /= 1024;
        unit += 1;
      }
      return new Intl.NumberFormat(language, {
        style: 'unit',
        unit: UNITS[unit],
        unitDisplay: 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(value);
    },
  };
}
