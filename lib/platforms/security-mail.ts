import { parseZonedDateTime } from './dates';
import type { SecurityEvent } from './record';
import { cleanText, foldForMatch } from './text';

/**
 * Reads a platform security e-mail (Instagram, Facebook, X, Google…): what happened (new login,
 * password / e-mail / phone changed, account disabled, two-factor changed) and the labelled
 * details the mail gives — device, place, IP, time — in English, Russian or Kazakh.
 */

type EventType = SecurityEvent['event'];

/** Most specific first; matched on folded text (case, ё→е, quotes). */
const EVENT_PHRASES: ReadonlyArray<[EventType, string[]]> = [
  [
    'two_factor_changed',
    ['two-factor', '2-step verification', 'двухфакторн', 'двухэтапн', 'екі факторлы', 'екі сатылы'],
  ],
  [
    'account_disabled',
    [
      'account has been disabled',
      'we disabled your account',
      'account was disabled',
      'account has been suspended',
      'аккаунт отключен',
      'аккаунт заблокирован',
      'отключили ваш аккаунт',
      'аккаунтыңыз өшірілді',
      'аккаунтыңыз бұғатталды',
    ],
  ],
  [
    'password_changed',
    [
      'password was changed',
      'password has been changed',
      'password changed',
      'пароль был изменен',
      'пароль изменен',
      'изменение пароля',
      'құпиясөзіңіз өзгертілді',
      'құпия сөзіңіз өзгертілді',
      'құпиясөз өзгертілді',
    ],
  ],
  [
    'email_changed',
    [
      'email address was changed',
      'email was changed',
      'email address has been changed',
      'адрес электронной почты изменен',
      'адрес электронной почты был изменен',
      'электрондық пошта мекенжайы өзгертілді',
    ],
  ],
  [
    'phone_changed',
    [
      'phone number was changed',
      'phone number has been changed',
      'номер телефона изменен',
      'номер телефона был изменен',
      'телефон нөмірі өзгертілді',
    ],
  ],
  [
    'new_login',
    [
      'new login',
      'new sign-in',
      'logged in from',
      'signed in from',
      'новый вход',
      'выполнен вход',
      'вход в ваш аккаунт',
      'жаңа кіру',
      'аккаунтыңызға кірді',
      'кіру орындалды',
    ],
  ],
];

const LABELS: ReadonlyArray<
  [keyof Pick<SecurityEvent, 'device' | 'place' | 'ip' | 'timeText'>, RegExp]
> = [
  [
    'device',
    /^(device|browser|operating system|platform|устройство|браузер|операционная система|платформа|құрылғы|операциялық жүйе)$/i,
  ],
  [
    'place',
    /^(location|estimated location|approximate location|place|near|where|местоположение|примерное местоположение|место|где|расположение|орналасқан жері|болжамды орналасқан жері|орны|қай жерде)$/i,
  ],
  ['ip', /^(ip|ip address|ip-адрес|ip адрес|ip мекенжайы)$/i],
  [
    'timeText',
    /^(time|when|date|date and time|время|когда|дата|дата и время|уақыты|уақыт|күні|қашан)$/i,
  ],
];

/** A date and time written inside a sentence ("…was changed on October 4, 2026 at 10:05 PM (UTC+05:00)."). */
const SENTENCE_TIME = [
  /((?:[A-Z][a-z]+day, )?[A-Z][a-z]+ \d{1,2}, \d{4},? (?:at )?\d{1,2}:\d{2}(?: ?[AP]M)?(?: ?\(?(?:UTC|GMT)[+-]?[\d:]*\)?)?)/,
  /(\d{1,2} [а-яё]+ \d{4}(?: г\.?)?,? (?:в )?\d{1,2}:\d{2}(?: ?\(?(?:UTC|GMT)[+-]?[\d:]*\)?)?)/i,
  /(\d{4} ж\.? \d{1,2} [а-яәғқңөұүһі]+,? (?:сағ\.? )?\d{1,2}:\d{2}(?: ?\(?(?:UTC|GMT)[+-]?[\d:]*\)?)?)/i,
];

export function eventTypeOf(text: string): EventType | null {
  const folded = foldForMatch(text);
  for (const [event, phrases] of EVENT_PHRASES) {
    if (phrases.some((p) => folded.includes(foldForMatch(p)))) return event;
  }
  return null;
}

/**
 * The labelled details of a security e-mail body. Labels appear as `Device: iPhone` on one line
 * or, in HTML tables, as a label cell followed by a value cell (two lines of visible text).
 */
export function securityEventFrom(subject: string, bodyText: string): SecurityEvent | null {
  const event = eventTypeOf(subject) ?? eventTypeOf(bodyText);
  if (!event) return null;
  const found: Partial<Record<'device' | 'place' | 'ip' | 'timeText', string>> = {};
  const lines = bodyText
    .split('\n')
    .map((l) => cleanText(l))
    .filter((l): l is string => Boolean(l));
  lines.forEach((line, i) => {
    const inline = /^([^:：]{2,40})\s*[:：]\s*(.+)$/.exec(line);
    const label = inline ? inline[1]!.trim() : line.replace(/[:：]\s*$/, '');
    const value = inline ? inline[2]! : lines[i + 1];
    for (const [field, pattern] of LABELS) {
      if (!pattern.test(label) || !value) continue;
      // Operating system and browser are both part of the device.
      if (field === 'device' && found.device) found.device = `${found.device} · ${value}`;
      else found[field] ??= value;
    }
  });
  if (!found.timeText) {
    for (const pattern of SENTENCE_TIME) {
      const m = pattern.exec(bodyText);
      if (m) {
        found.timeText = m[1]!.trim();
        break;
      }
    }
  }
  const ip = found.ip
    ? /(?:\d{1,3}\.){3}\d{1,3}|(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}/i.exec(found.ip)?.[0]
    : null;
  return {
    event,
    device: found.device ?? null,
    place: found.place ?? null,
    ip: ip ?? null,
    at: parseZonedDateTime(found.timeText),
    timeText: found.timeText ?? null,
    current: null,
  };
}
