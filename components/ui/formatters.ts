import { dateFormatter, numberLocale } from '../../lib/i18n/dates';
import {
  createCountTranslator,
  type Language,
  type MessageCatalog,
  type Translate,
} from '../../lib/i18n/translator';
import type { I18n } from '../i18n-context';
import { formatBytes } from '../../lib/i18n/format';

/** Intl formatters for one UI language, built once per page. */
export function createFormatters(
  language: Language,
  t: Translate,
  catalogs: { messages: MessageCatalog; english: MessageCatalog } = { messages: {}, english: {} },
): I18n {
  const time = dateFormatter(language, { time: true, seconds: true, zoneName: true });
  const date = dateFormatter(language);
  const dateUtc = dateFormatter(language, { timeZone: 'UTC' });
  const locale = numberLocale(language);
  const number = new Intl.NumberFormat(locale);
  const hours = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dayTime = dateFormatter(language, { time: true });
  const has = (key: string) => key in catalogs.messages || key in catalogs.english;
  const countTranslator = createCountTranslator(language, t, has, (n) => number.format(n));
  return {
    language,
    t,
    tn: countTranslator,
    english: catalogs.english,
    // Today's capture by its time alone; an older one with its day.
    formatClock: (iso) => {
      const d = new Date(iso);
      return d.toDateString() === new Date().toDateString() ? hours.format(d) : dayTime(d);
    },
    formatTime: (iso) => time(new Date(iso)),
    // A bare calendar date is a legal date, not a moment: format it as written (UTC).
    formatDate: (iso) =>
      /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateUtc(new Date(`${iso}T00:00:00Z`)) : date(new Date(iso)),
    formatNumber: (n) => number.format(n),
    formatBytes: (n) => formatBytes(locale, countTranslator, n),
  };
}
