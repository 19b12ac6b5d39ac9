import { cleanText, visibleText } from './dom';
import { parseZonedDateTime } from './dates';
import type { SecurityEvent } from './record';

/**
 * Reads login sessions from "Login activity" / "Where you're logged in" lists (Instagram,
 * Facebook, Accounts Center). Their markup is obfuscated and changes, but each session shows the
 * same few lines — place, device, time ("Active now", "2 hours ago", a date), sometimes an IP —
 * so each line is classified by what it says rather than by where it sits.
 */

const DEVICE =
  /(?<!\p{L})(iphone|ipad|ipod|android|windows|mac ?os|macintosh|macbook|mac|linux|ubuntu|chrome ?os|chromebook|chrome|firefox|safari|edge|opera|yandex|samsung|galaxy|xiaomi|redmi|huawei|pixel|oneplus|oppo|vivo|honor|realme|nokia|tecno|infinix|motorola|sm-[a-z]\d+[a-z]*|instagram|facebook|desktop|mobile|компьютер|смартфон|телефон|планшет|браузер|құрылғы)(?!\p{L})/iu;
const TIME =
  /(active now|активн?[а-я]* сейчас|сейчас активн|қазір белсенді|\bago\b|назад|бұрын|just now|только что|жаңа ғана|\btoday\b|yesterday|сегодня|вчера|бүгін|кеше|\d{1,2}:\d{2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2} (янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)|(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан))/i;
const CURRENT =
  /(active now|активн?[а-я]* сейчас|сейчас активн|қазір белсенді|this device|это устройство|осы құрылғы|current session|текущ[а-я]+ сеанс|ағымдағы сеанс)/i;
const IP = /\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b/i;
const NOISE =
  /^(log out|выйти|шығу|logged in|вход выполнен|кірген|see more|показать еще|тағы|select|выбрать|таңдау|[\p{P}\p{S}\s]+)$/iu;

/** One session from the text lines of its list item; null when nothing identifies a session. */
export function sessionFromLines(rawLines: string[]): SecurityEvent | null {
  const lines = rawLines
    .flatMap((line) => line.split(/\s+[·•|]\s+/))
    .map((line) => cleanText(line))
    .filter((line): line is string => Boolean(line) && !NOISE.test(line!));
  let device: string | null = null;
  let place: string | null = null;
  let timeText: string | null = null;
  let ip: string | null = null;
  for (const line of lines) {
    const ipMatch = IP.exec(line);
    if (ipMatch && !ip) {
      ip = ipMatch[0];
      if (
        line.replace(ipMatch[0], '').replace(/ip( address)?|ip-адрес|ip мекенжайы|[:\s]/gi, '') ===
        ''
      )
        continue;
    }
    if (!timeText && TIME.test(line) && !DEVICE.test(line)) timeText = line;
    else if (DEVICE.test(line)) device = device ? `${device} · ${line}` : line;
    else if (!place && /\p{L}/u.test(line) && !TIME.test(line)) place = line;
  }
  if (!device && !place && !timeText) return null;
  return {
    event: 'session',
    device,
    place,
    ip,
    at: parseZonedDateTime(timeText),
    timeText,
    current: lines.some((line) => CURRENT.test(line)) ? true : timeText ? false : null,
  };
}

/** Sessions from every element matching `itemSelector` under `root` (text lines per item). */
export function sessionsIn(root: ParentNode, itemSelector: string): SecurityEvent[] {
  return Array.from(root.querySelectorAll(itemSelector))
    .map((item) => sessionFromLines(visibleText(item, Infinity, true).split('\n')))
    .filter((s): s is SecurityEvent => s !== null);
}
