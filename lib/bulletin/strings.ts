import type { Language } from '../i18n/translator';
import { EN } from './strings-en';
import { KK } from './strings-kk';
import { RU } from './strings-ru';
import type { CASE_STATUSES, OFFICIAL_ROLES } from '../model/legal-case';
import type { LinkCategory } from '../model/link';
import type { AccountState, Platform, RecordKind } from '../platforms/record';

/**
 * The bulletin's own words. A typed table rather than the UI catalogs: the bulletin is generated
 * in Node too (tests, CLI), and the compiler refuses a language with a missing entry.
 */
export interface BulletinStrings {
  title: string;
  /** $1, $2: first and last day. */
  period: string;
  /** $1: case title. */
  caseScope: string;
  /** $1: date and time of generation. */
  generated: string;
  empty: string;
  caseLine: string;
  article: string;
  caseNumber: string;
  jurisdiction: string;
  statusLabel: string;
  keyDates: string;
  officials: string;
  notes: string;
  grounds: string;
  otherEvidence: string;
  unattributed: string;
  evidenceHeading: string;
  capture: string;
  hash: string;
  published: string;
  captured: string;
  address: string;
  seal: string;
  author: string;
  quoteOpen: string;
  quoteClose: string;
  status: Record<(typeof CASE_STATUSES)[number], string>;
  role: Record<(typeof OFFICIAL_ROLES)[number], string>;
  category: Record<LinkCategory, string>;
  kind: Record<RecordKind, string>;
  platform: Record<Platform, string>;
  stateLabel: string;
  state: Record<AccountState, string>;
}

export const BULLETIN_STRINGS: Record<Language, BulletinStrings> = { en: EN, ru: RU, kk: KK };

/** Fills `$1`-style placeholders. */
export function fill(template: string, ...values: string[]): string {
  return template.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
}
