import type { Language } from '../i18n/translator';
import { EN } from './strings-en';
import { KK } from './strings-kk';
import { RU } from './strings-ru';
import type { CASE_STATUSES, OFFICIAL_ROLES } from '../model/legal-case';
import type { LinkCategory } from '../model/link';
import type { AccountState, Platform, RecordKind } from '../platforms/record';
import type { SecurityNotice } from './account-changes';

/** A counted word in the language's plural forms (CLDR: Russian one/few/many, others one/other). */
export interface Plural {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/**
 * The bulletin's own words. A typed table rather than the UI catalogs: the bulletin is generated
 * in Node too (tests, CLI), and the compiler refuses a language with a missing entry.
 * `$1…` are filled by `fill`; counted words by `count`.
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
  /** $1 name, $2 the articles (with their wording), $3 the stage (`stage`). */
  leadCase: string;
  /** $1 name, $2 the case's title, $3 the stage: a case whose article is not recorded. */
  leadCaseTitle: string;
  /** $1 name, $2 platform: evidence that an account was hacked. */
  leadHacked: string;
  /** $1 name, $2 platform, $3 account: what happened to an account. */
  leadAccount: string;
  /** $1 name, $2 counted captures. */
  leadEvidence: string;
  /** Joins several articles or cases in a lead. */
  and: string;
  caseLine: string;
  article: string;
  caseNumber: string;
  jurisdiction: string;
  statusLabel: string;
  keyDates: string;
  officials: string;
  notes: string;
  grounds: string;
  accountHeading: string;
  otherEvidence: string;
  unattributed: string;
  evidenceHeading: string;
  published: string;
  captured: string;
  address: string;
  seal: string;
  quoteOpen: string;
  quoteClose: string;
  /** $1 what is cited, $2 where the monitor learned it. */
  recorded: string;
  /** $1 what is cited: recorded by hand, source not given. */
  recordedNoSource: string;
  /** $1 the case (for a ground of another case than the one in the lead). */
  inCase: string;
  /** $1 kind of the capture, $2 platform (e.g. "Instagram post"); a web page is its kind alone. */
  captureWhat: string;
  /** $1 author, appended to `captureWhat` as it is (its own spacing and comma). */
  by: string;
  /** Evidence reference, $1 its number. */
  ref: string;
  /** $1 date, $2 platform, $3 account, $4 new state, $5 state before. */
  changeState: string;
  /** $1 date, $2 platform, $3 account, $4 new state (nothing known before). */
  changeStateFirst: string;
  /** $1 date, $2 platform, $3 account, $4 before, $5 after. */
  changeName: string;
  changeHandle: string;
  /** $1 date, $2 platform, $3 account, $4 the new bio. */
  changeBio: string;
  /** $1 date, $2 platform, $3 account. */
  changeAvatar: string;
  /** $1 date, $2 counted posts, $3 platform, $4 account. */
  changePostsGone: string;
  /** $1 date, $2 platform, $3 the notice's words, $4 what it is. */
  changeSecurity: string;
  /** $1 date, $2 platform, $3 account. */
  changeHackEvidence: string;
  /** The account when its name is not known. */
  theAccount: string;
  captures: Plural;
  posts: Plural;
  /** The stage of a case as a clause of the lead sentence. */
  stage: Record<(typeof CASE_STATUSES)[number], string>;
  status: Record<(typeof CASE_STATUSES)[number], string>;
  role: Record<(typeof OFFICIAL_ROLES)[number], string>;
  category: Record<LinkCategory, string>;
  kind: Record<RecordKind, string>;
  platform: Record<Platform, string>;
  stateLabel: string;
  state: Record<AccountState, string>;
  /** What a security notice says happened to the account. */
  security: Record<SecurityNotice, string>;
}

export const BULLETIN_STRINGS: Record<Language, BulletinStrings> = { en: EN, ru: RU, kk: KK };

/** Fills `$1`-style placeholders. */
export function fill(template: string, ...values: string[]): string {
  return template.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
}

/** "1 capture", "5 фиксаций": the counted word in the language's plural form. */
export function count(language: Language, word: Plural, n: number): string {
  const form = new Intl.PluralRules(language).select(n) as keyof Plural;
  return fill(word[form] ?? word.other, String(n));
}
