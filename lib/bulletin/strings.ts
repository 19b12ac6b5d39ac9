import type { Language } from '../i18n/translator';
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

const PLATFORM_NAMES = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X (Twitter)',
  telegram: 'Telegram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  vk: 'VK',
} as const;

export const BULLETIN_STRINGS: Record<Language, BulletinStrings> = {
  en: {
    title: 'Monitoring of human rights violations',
    period: '$1 – $2',
    caseScope: 'Case: $1',
    generated:
      'Generated on $1 with Dalel from sealed captures; each item names its capture and hash.',
    empty: 'No tagged evidence for this selection.',
    caseLine: 'Case',
    article: 'Article',
    caseNumber: 'Case No.',
    jurisdiction: 'Jurisdiction',
    statusLabel: 'Stage',
    keyDates: 'Key dates',
    officials: 'Officials',
    notes: 'Notes',
    grounds: '“Grounds” cited in the case',
    otherEvidence: 'Account states, notices and other evidence',
    unattributed: 'Evidence not tied to a person',
    evidenceHeading: 'Evidence: sealed captures',
    capture: 'capture',
    hash: 'hash',
    published: 'published',
    captured: 'captured',
    address: 'Address',
    seal: 'Seal (SHA-256)',
    author: 'Author',
    quoteOpen: '“',
    quoteClose: '”',
    status: {
      investigation: 'under investigation',
      indictment: 'indictment',
      trial: 'on trial',
      appeal: 'on appeal',
      sentenced: 'sentenced',
      closed: 'closed',
      other: 'other',
    },
    role: {
      investigator: 'investigator',
      prosecutor: 'prosecutor',
      judge: 'judge',
      police: 'police officer',
      security_service: 'security service officer',
      lawyer: 'lawyer',
      other: 'official',
    },
    category: {
      ground: 'ground cited in the case',
      account_state: 'account state',
      hack_evidence: 'evidence of hacking',
      takedown_notice: 'takedown notice',
      other: 'other',
    },
    kind: { post: 'post', account: 'account page', notice: 'notice', page: 'page' },
    platform: { ...PLATFORM_NAMES, webmail: 'e-mail', generic: 'web page' },
    stateLabel: 'account',
    state: {
      active: 'active',
      private: 'private',
      suspended: 'suspended',
      deleted: 'deleted',
      restricted: 'restricted',
      unknown: 'state unknown',
    },
  },
  ru: {
    title: 'Мониторинг нарушений прав человека',
    period: '$1 – $2',
    caseScope: 'Дело: $1',
    generated:
      'Составлено $1 в Dalel по опечатанным фиксациям; у каждого пункта указаны фиксация и её хеш.',
    empty: 'По этой выборке нет отмеченных материалов.',
    caseLine: 'Дело',
    article: 'Статья',
    caseNumber: 'Дело №',
    jurisdiction: 'Юрисдикция',
    statusLabel: 'Стадия',
    keyDates: 'Ключевые даты',
    officials: 'Должностные лица',
    notes: 'Примечания',
    grounds: '«Основания», приведённые в деле',
    otherEvidence: 'Состояние аккаунтов, уведомления и другие материалы',
    unattributed: 'Материалы без привязки к человеку',
    evidenceHeading: 'Доказательства: опечатанные фиксации',
    capture: 'фиксация',
    hash: 'хеш',
    published: 'опубликовано',
    captured: 'зафиксировано',
    address: 'Адрес',
    seal: 'Печать (SHA-256)',
    author: 'Автор',
    quoteOpen: '«',
    quoteClose: '»',
    status: {
      investigation: 'идёт следствие',
      indictment: 'составлен обвинительный акт',
      trial: 'идёт суд',
      appeal: 'апелляция',
      sentenced: 'вынесен приговор',
      closed: 'дело закрыто',
      other: 'иное',
    },
    role: {
      investigator: 'следователь',
      prosecutor: 'прокурор',
      judge: 'судья',
      police: 'сотрудник полиции',
      security_service: 'сотрудник КНБ',
      lawyer: 'адвокат',
      other: 'должностное лицо',
    },
    category: {
      ground: '«основание» в деле',
      account_state: 'состояние аккаунта',
      hack_evidence: 'следы взлома',
      takedown_notice: 'уведомление об удалении',
      other: 'иное',
    },
    kind: {
      post: 'публикация',
      account: 'страница аккаунта',
      notice: 'уведомление',
      page: 'страница',
    },
    platform: {
      ...PLATFORM_NAMES,
      x: 'X (Twitter)',
      webmail: 'электронная почта',
      generic: 'веб-страница',
    },
    stateLabel: 'аккаунт',
    state: {
      active: 'активен',
      private: 'закрыт',
      suspended: 'заблокирован',
      deleted: 'удалён',
      restricted: 'ограничен',
      unknown: 'состояние неизвестно',
    },
  },
  kk: {
    title: 'Адам құқықтарының бұзылуына мониторинг',
    period: '$1 – $2',
    caseScope: 'Іс: $1',
    generated:
      '$1 Dalel арқылы мөрленген тіркеулер негізінде жасалды; әр тармақта тіркеуі мен оның хеші көрсетілген.',
    empty: 'Бұл іріктеуде белгіленген материал жоқ.',
    caseLine: 'Іс',
    article: 'Бап',
    caseNumber: 'Іс №',
    jurisdiction: 'Юрисдикция',
    statusLabel: 'Кезең',
    keyDates: 'Негізгі күндер',
    officials: 'Лауазымды тұлғалар',
    notes: 'Ескертпелер',
    grounds: 'Істе келтірілген «негіздер»',
    otherEvidence: 'Аккаунт күйі, хабарламалар және басқа материалдар',
    unattributed: 'Адамға байланыстырылмаған материалдар',
    evidenceHeading: 'Дәлелдер: мөрленген тіркеулер',
    capture: 'тіркеу',
    hash: 'хеш',
    published: 'жарияланды',
    captured: 'тіркелді',
    address: 'Мекенжай',
    seal: 'Мөр (SHA-256)',
    author: 'Авторы',
    quoteOpen: '«',
    quoteClose: '»',
    status: {
      investigation: 'тергеу жүріп жатыр',
      indictment: 'айыптау актісі жасалды',
      trial: 'сот жүріп жатыр',
      appeal: 'апелляция',
      sentenced: 'үкім шығарылды',
      closed: 'іс жабылды',
      other: 'басқа',
    },
    role: {
      investigator: 'тергеуші',
      prosecutor: 'прокурор',
      judge: 'судья',
      police: 'полиция қызметкері',
      security_service: 'ҰҚК қызметкері',
      lawyer: 'адвокат',
      other: 'лауазымды тұлға',
    },
    category: {
      ground: 'істегі «негіз»',
      account_state: 'аккаунт күйі',
      hack_evidence: 'бұзу іздері',
      takedown_notice: 'жою туралы хабарлама',
      other: 'басқа',
    },
    kind: { post: 'жазба', account: 'аккаунт беті', notice: 'хабарлама', page: 'бет' },
    platform: { ...PLATFORM_NAMES, webmail: 'электрондық пошта', generic: 'веб-бет' },
    stateLabel: 'аккаунт',
    state: {
      active: 'белсенді',
      private: 'жабық',
      suspended: 'бұғатталған',
      deleted: 'жойылған',
      restricted: 'шектелген',
      unknown: 'күйі белгісіз',
    },
  },
};

/** Fills `$1`-style placeholders. */
export function fill(template: string, ...values: string[]): string {
  return template.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
}
