import type { Language } from '../i18n/translator';

/** Locale formatting of the bulletin's dates; UTC, so a bulletin reads the same everywhere. */
export function bulletinFormat(language: Language) {
  const day = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  return {
    /** A calendar date (YYYY-MM-DD) or the day of an ISO time. */
    day: (iso: string) => day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    time: (iso: string) => time.format(new Date(iso)),
  };
}
