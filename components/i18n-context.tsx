import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language, MessageCatalog, Translate, TranslateCount } from '../lib/i18n/translator';

export interface I18n {
  language: Language;
  t: Translate;
  /** A count with its plural form: e.g. "1 capture", "5 captures", "5 фиксаций". */
  tn: TranslateCount;
  /** The English catalog (to read back our own English in sealed records, e.g. warnings). */
  english: MessageCatalog;
  /** The time of day of an ISO time (today's captures in the popup). */
  formatClock(iso: string): string;
  /** Formats an ISO time in the UI language, with the zone named. */
  formatTime(iso: string): string;
  /** Formats a calendar date or the day of an ISO time, in the device's zone. */
  formatDate(iso: string): string;
  formatNumber(n: number): string;
  /** Bytes as B/kB/MB/GB with the locale's digits and unit names. */
  formatBytes(n: number): string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside <AppRoot>');
  return value;
}
