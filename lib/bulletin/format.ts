import { dateFormatter } from '../i18n/dates';
import type { Language } from '../i18n/translator';

/** Locale formatting of the bulletin's dates; UTC, so a bulletin reads the same everywhere. */
export function bulletinFormat(language: Language) {
  const day = dateFormatter(language, { month: 'long', timeZone: 'UTC' });
  const time = dateFormatter(language, {
    month: 'long',
    time: true,
    zoneName: true,
    timeZone: 'UTC',
  });
  return {
    /** A calendar date (YYYY-MM-DD) or the day of an ISO time. */
    day: (iso: string) => day(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    time: (iso: string) => time(new Date(iso)),
  };
}
