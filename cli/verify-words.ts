// The words `dalel verify` prints around the checks, in English, Russian or Kazakh (`--lang`).
// The checks and the time-stamp lines come from the verifier's own tables (lib/evidence).
import type { VerifierLanguage } from '../lib/evidence/verifier-language';

export interface VerifyWords {
  verdict: Record<'valid' | 'unconfirmed' | 'invalid' | 'unreadable', string>;
  packageId: (id: string) => string;
  checked: (files: number, bytes: number) => string;
  unconfirmed: string;
  signerKey: string;
  compare: (path: string) => string;
  note: string;
  withheld: (count: number) => string;
  withheldLine: (size: number, reason: string, copy: string | null) => string;
  extracted: (target: string) => string;
  notExtracted: string;
}

export const VERIFY_WORDS: Record<VerifierLanguage, VerifyWords> = {
  en: {
    verdict: {
      valid: 'VALID',
      unconfirmed: 'NOT CONFIRMED',
      invalid: 'INVALID',
      unreadable: 'UNREADABLE',
    },
    packageId: (id) => ` package ${id}`,
    checked: (f, b) => `${f} files, ${b} bytes checked`,
    unconfirmed: 'signature intact, signer NOT confirmed',
    signerKey: "Signer's key fingerprint",
    compare: (path) =>
      `Compare it with the fingerprint the sender gave you over a second channel (in person, by phone), then run:\n  dalel verify ${path} --key <the fingerprint they gave you>`,
    note: 'Note',
    withheld: (n) => `Withheld: ${n} file(s), hash listed, bytes not included:`,
    withheldLine: (size, reason, copy) =>
      `${size} bytes; ${reason}${copy ? `, redacted copy ${copy}` : ''}`,
    extracted: (target) => `Extracted the checked files into ${target}.`,
    notExtracted: 'Nothing was extracted: the package did not verify.',
  },
  ru: {
    verdict: {
      valid: 'ДЕЙСТВИТЕЛЕН',
      unconfirmed: 'НЕ ПОДТВЕРЖДЁН',
      invalid: 'НЕДЕЙСТВИТЕЛЕН',
      unreadable: 'НЕ ЧИТАЕТСЯ',
    },
    packageId: (id) => `, пакет ${id}`,
    checked: (f, b) => `проверено файлов: ${f}, байт: ${b}`,
    unconfirmed: 'подпись цела, отправитель НЕ подтверждён',
    signerKey: 'Отпечаток ключа подписанта',
    compare: (path) =>
      `Сверьте его с отпечатком, который отправитель сообщил вам по другому каналу (лично, по телефону), затем выполните:\n  dalel verify ${path} --key <отпечаток, сообщённый отправителем>`,
    note: 'Примечание',
    withheld: (n) => `Не включены файлы (${n}): хеш указан, самих байтов нет:`,
    withheldLine: (size, reason, copy) =>
      `${size} байт; ${reason}${copy ? `, обезличенная копия ${copy}` : ''}`,
    extracted: (target) => `Проверенные файлы извлечены в ${target}.`,
    notExtracted: 'Ничего не извлечено: пакет не прошёл проверку.',
  },
  kk: {
    verdict: {
      valid: 'ЖАРАМДЫ',
      unconfirmed: 'РАСТАЛМАДЫ',
      invalid: 'ЖАРАМСЫЗ',
      unreadable: 'ОҚЫЛМАЙДЫ',
    },
    packageId: (id) => `, пакет ${id}`,
    checked: (f, b) => `${f} файл, ${b} байт тексерілді`,
    unconfirmed: 'қолтаңба бүтін, жіберуші РАСТАЛМАДЫ',
    signerKey: 'Қол қоюшы кілтінің саусақ ізі',
    compare: (path) =>
      `Оны жіберуші сізге басқа арнамен (жеке, телефонмен) айтқан саусақ ізімен салыстырып, мынаны орындаңыз:\n  dalel verify ${path} --key <жіберуші айтқан саусақ ізі>`,
    note: 'Ескертпе',
    withheld: (n) => `Қосылмаған ${n} файл: хеші көрсетілген, байттары жоқ:`,
    withheldLine: (size, reason, copy) =>
      `${size} байт; ${reason}${copy ? `, жасырылған көшірме ${copy}` : ''}`,
    extracted: (target) => `Тексерілген файлдар ${target} ішіне шығарылды.`,
    notExtracted: 'Ештеңе шығарылмады: пакет тексеруден өтпеді.',
  },
};
