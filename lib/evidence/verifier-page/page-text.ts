// verify.html's own words in each language: headings, labels, verdicts, progress, errors. The
// build renders the English into the static page; the script switches to the reader's language.
import type { VerifierLanguage } from '../verifier-language';

export interface PageText {
  /** The language's own name, for the switch. */
  name: string;
  language: string;
  title: string;
  heading: string;
  offline: string;
  trustStrong: string;
  trustRest: string;
  keyLabel: string;
  fileLabel: string;
  tsaLabel: string;
  pending: string;
  build: (version: string) => string;
  checking: (file: string) => string;
  progress: (file: string, percent: number) => string;
  unreadable: string;
  invalid: (failed: number) => string;
  unconfirmed: (fingerprint: string) => string;
  valid: (fingerprint: string, rotated: boolean) => string;
  error: (detail: string) => string;
}

/** The static texts, keyed by the `data-t` attribute of the element that shows them. */
export const STATIC_KEYS = [
  'language',
  'heading',
  'offline',
  'trustStrong',
  'trustRest',
  'keyLabel',
  'fileLabel',
  'tsaLabel',
] as const satisfies readonly (keyof PageText)[];

const ruPlural = (n: number, one: string, few: string, many: string) => {
  const form = new Intl.PluralRules('ru').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
};

export const PAGE_TEXT: Record<VerifierLanguage, PageText> = {
  en: {
    name: 'English',
    language: 'Language',
    title: 'Dalel package verifier',
    heading: 'Evidence package verifier',
    offline: 'Works offline: nothing leaves this computer. Choose the package .zip file.',
    trustStrong: 'Do not trust a verifier that came inside the package you are checking',
    trustRest:
      ': whoever altered the package could alter it too. Use the released verify.html whose SHA-256 matches the published one (or dalel verify).',
    keyLabel: 'Expected key fingerprint, as the sender told you over a second channel',
    fileLabel: 'Package',
    tsaLabel: "Time-stamping authority's CA certificate, if not a well-known one (optional)",
    pending: 'No package chosen',
    build: (v) => `Dalel ${v} verifier. Script SHA-256:`,
    checking: (f) => `Checking ${f}…`,
    progress: (f, p) => `Checking ${f}… ${p}%`,
    unreadable: 'UNREADABLE — not a complete ZIP package',
    invalid: (n) => `INVALID — ${n} ${n === 1 ? 'check' : 'checks'} failed`,
    unconfirmed: (fp) =>
      `SIGNATURE INTACT — SIGNER NOT CONFIRMED. Signed by key ${fp}: compare it with the fingerprint the sender gave you over a second channel and enter it above`,
    valid: (fp, rotated) =>
      `VALID — signed by the expected key${rotated ? ', which took over from it by a signed handover' : ''} (${fp})`,
    error: (d) => `ERROR — ${d}`,
  },
  ru: {
    name: 'Русский',
    language: 'Язык',
    title: 'Проверка пакета Dalel',
    heading: 'Проверка пакета доказательств',
    offline: 'Работает без интернета: файл никуда не отправляется. Выберите .zip-файл пакета.',
    trustStrong: 'Не доверяйте программе проверки, пришедшей внутри проверяемого пакета',
    trustRest:
      ': тот, кто изменил пакет, мог изменить и её. Используйте опубликованный verify.html, SHA-256 которого совпадает с опубликованным (или dalel verify).',
    keyLabel: 'Ожидаемый отпечаток ключа, который отправитель сообщил вам по другому каналу',
    fileLabel: 'Пакет',
    tsaLabel:
      'Сертификат УЦ службы меток времени, если это не общеизвестная служба (необязательно)',
    pending: 'Пакет не выбран',
    build: (v) => `Программа проверки Dalel ${v}. SHA-256 скрипта:`,
    checking: (f) => `Проверка ${f}…`,
    progress: (f, p) => `Проверка ${f}… ${p}%`,
    unreadable: 'НЕ ЧИТАЕТСЯ — файл повреждён или это не пакет ZIP',
    invalid: (n) =>
      `НЕДЕЙСТВИТЕЛЕН — ${n} ${ruPlural(n, 'проверка не пройдена', 'проверки не пройдены', 'проверок не пройдено')}`,
    unconfirmed: (fp) =>
      `ПОДПИСЬ ЦЕЛА — ОТПРАВИТЕЛЬ НЕ ПОДТВЕРЖДЁН. Подписано ключом ${fp}: сверьте его с отпечатком, который отправитель сообщил вам по другому каналу, и введите отпечаток выше`,
    valid: (fp, rotated) =>
      `ДЕЙСТВИТЕЛЕН — подписано ожидаемым ключом${rotated ? ' или ключом, принявшим от него полномочия по подписанной передаче' : ''} (${fp})`,
    error: (d) => `ОШИБКА — ${d}`,
  },
  kk: {
    name: 'Қазақша',
    language: 'Тіл',
    title: 'Dalel пакетін тексеру',
    heading: 'Дәлелдер пакетін тексеру',
    offline: 'Интернетсіз жұмыс істейді: файл ешқайда жіберілмейді. Пакеттің .zip файлын таңдаңыз.',
    trustStrong: 'Тексерілетін пакеттің ішінде келген тексеру бағдарламасына сенбеңіз',
    trustRest:
      ': пакетті өзгерткен адам оны да өзгерте алады. SHA-256 хеші жарияланған хешпен сәйкес келетін жарияланған verify.html файлын (немесе dalel verify) пайдаланыңыз.',
    keyLabel: 'Жіберуші сізге басқа арнамен айтқан күтілген кілттің саусақ ізі',
    fileLabel: 'Пакет',
    tsaLabel:
      'Уақыт белгісі қызметінің КО сертификаты, егер ол белгілі қызмет болмаса (міндетті емес)',
    pending: 'Пакет таңдалмаған',
    build: (v) => `Dalel ${v} тексеру бағдарламасы. Скрипттің SHA-256 хеші:`,
    checking: (f) => `${f} тексерілуде…`,
    progress: (f, p) => `${f} тексерілуде… ${p}%`,
    unreadable: 'ОҚЫЛМАЙДЫ — файл зақымдалған немесе ZIP пакеті емес',
    invalid: (n) => `ЖАРАМСЫЗ — ${n} тексеруден өтпеді`,
    unconfirmed: (fp) =>
      `ҚОЛТАҢБА БҮТІН — ЖІБЕРУШІ РАСТАЛМАДЫ. ${fp} кілтімен қол қойылған: оны жіберуші сізге басқа арнамен айтқан саусақ ізімен салыстырып, ізді жоғарыға енгізіңіз`,
    valid: (fp, rotated) =>
      `ЖАРАМДЫ — күтілген кілтпен${rotated ? ' не одан қол қойылған беру арқылы ауысқан кілтпен' : ''} қол қойылған (${fp})`,
    error: (d) => `ҚАТЕ — ${d}`,
  },
};
