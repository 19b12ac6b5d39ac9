// Every verifier outcome, time-stamp token result and time-stamp summary has real Russian and
// Kazakh words: rendered with sentinel parameters, each translation names every parameter the
// English names, is not English, and carries no Latin words other than technical names.
import { describe, expect, it } from 'vitest';
import {
  CHECK_MESSAGES_EN,
  FILE_TYPE_EN,
  FORM_CHANGE_EN,
  ROTATION_PROBLEM_EN,
  type CheckCode,
  type CheckMessages,
} from '../../../lib/evidence/verify-messages';
import {
  FILE_TYPE_RU,
  FORM_CHANGE_RU,
  ROTATION_PROBLEM_RU,
} from '../../../lib/evidence/verify-messages.ru';
import {
  FILE_TYPE_KK,
  FORM_CHANGE_KK,
  ROTATION_PROBLEM_KK,
} from '../../../lib/evidence/verify-messages.kk';
import { pickVerifierLanguage, VERIFIER_WORDS } from '../../../lib/evidence/verifier-language';
import { TOKEN_CODES, type TokenMessages } from '../../../lib/evidence/timestamp/codes';
import { PAGE_TEXT } from '../../../lib/evidence/verifier-page/page-text';

const CODES = Object.keys(CHECK_MESSAGES_EN) as CheckCode[];
const TRANSLATED = ['ru', 'kk'] as const;

/**
 * Parameters for a code: every key read gives a sentinel `⟦key⟧`, except values a message
 * branches or looks up on (an enum, a list, a number compared), given here as real values.
 */
const OVERRIDES: Partial<Record<CheckCode, Record<string, unknown>>> = {
  zip_file_type: { type: 'block_device' },
  container_repacked: { changes: ['folders', 'compression', 'zip64'] },
  rotation_bad: { reason: 'fingerprint_mismatch' },
  shape_type: { expected: 'non-negative integer' },
  shape_format: { format: 'datetime' },
  custody_ok: { earlier: 4242 },
};

function sentinels(overrides: Record<string, unknown> = {}) {
  return new Proxy(overrides, {
    get: (target, key) =>
      typeof key === 'string' && key in target ? target[key] : `⟦${String(key)}⟧`,
  }) as never;
}

/** What must reappear in a translation: every sentinel and number the English shows. */
function carried(english: string, overrides: Record<string, unknown> = {}): string[] {
  const marks = english.match(/⟦[A-Za-z0-9]+⟧/g) ?? [];
  const numbers = Object.values(overrides)
    .filter((v) => typeof v === 'number')
    .map(String)
    .filter((n) => english.includes(n));
  return [...marks, ...numbers];
}

/** Technical names that stay in Latin letters in any language. */
const TECHNICAL = new Set(
  (
    'ZIP Zip64 UTF-8 JSON RFC SHA-256 sha256 Ed25519 PEM SPKI base64 CRC-32 MS-DOS Unix NTFS macOS ' +
    'Info-ZIP Unicode NFC A-Z a-z Dalel zip verify.html signer.pem statement.sig README N.tsr TSTInfo ' +
    'ESS signing-certificate content-type set-id sticky null dalel stamp tsa-ca verify x'
  ).split(' '),
);

function latinWords(text: string): string[] {
  return (
    text.replace(/⟦[A-Za-z0-9]+⟧/g, ' ').match(/[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/g) ?? []
  ).filter(
    (w) => !TECHNICAL.has(w) && !/^0x/.test(w) && !/^(?=.*\d)[0-9a-f]+(-[0-9a-f]+)*$/.test(w),
  );
}

const CYRILLIC = /[\u0400-\u04FF]/;
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

function expectTranslated(
  lang: string,
  what: string,
  english: string,
  text: string,
  must: string[],
) {
  expect(text.trim(), `${lang} ${what}`).not.toBe('');
  expect(text, `${lang} ${what} is not the English`).not.toBe(english);
  expect(text, `${lang} ${what} has Cyrillic words`).toMatch(CYRILLIC);
  for (const m of must) expect(text, `${lang} ${what} names ${m}`).toContain(m);
  expect(latinWords(text), `${lang} ${what}: Latin words that are not technical names`).toEqual([]);
}

describe('verifier check messages in Russian and Kazakh', () => {
  it('cover every check code (a missing code is also a type error)', () => {
    for (const lang of TRANSLATED)
      expect(Object.keys(VERIFIER_WORDS[lang].checks).sort()).toEqual([...CODES].sort());
    expect(CODES.length).toBeGreaterThan(140);
  });

  for (const lang of TRANSLATED)
    it(`${lang}: every code is translated and names every parameter the English names`, () => {
      const table: CheckMessages = VERIFIER_WORDS[lang].checks;
      for (const code of CODES) {
        const render = (t: CheckMessages) =>
          (t[code] as (p: unknown) => string)(sentinels(OVERRIDES[code]));
        const english = render(CHECK_MESSAGES_EN);
        expectTranslated(lang, code, english, render(table), carried(english, OVERRIDES[code]));
      }
    });

  it('sentinels reach the translations (the check above is not vacuous)', () => {
    const english = CHECK_MESSAGES_EN.capture_event_seal(sentinels());
    expect(carried(english)).toEqual(['⟦id⟧', '⟦sealed⟧', '⟦seq⟧', '⟦seal⟧']);
    expect(
      carried(CHECK_MESSAGES_EN.custody_ok(sentinels(OVERRIDES.custody_ok)), OVERRIDES.custody_ok),
    ).toContain('4242');
  });

  it('words the kinds of re-packing, file types and handover problems', () => {
    const sets = [
      [FORM_CHANGE_EN, FORM_CHANGE_RU, FORM_CHANGE_KK],
      [FILE_TYPE_EN, FILE_TYPE_RU, FILE_TYPE_KK],
      [ROTATION_PROBLEM_EN, ROTATION_PROBLEM_RU, ROTATION_PROBLEM_KK],
    ] as const;
    for (const [en, ru, kk] of sets)
      for (const key of Object.keys(en)) {
        const english = (en as Record<string, string>)[key]!;
        expectTranslated('ru', key, english, (ru as Record<string, string>)[key]!, []);
        expectTranslated('kk', key, english, (kk as Record<string, string>)[key]!, []);
      }
    expect(VERIFIER_WORDS.ru.checks.container_repacked({ changes: ['order'] })).toContain(
      FORM_CHANGE_RU.order,
    );
    expect(VERIFIER_WORDS.kk.checks.zip_file_type({ type: 'fifo' })).toContain(FILE_TYPE_KK.fifo);
  });

  it('Kazakh is Kazakh, not Russian: its own letters, and never the Russian words', () => {
    const kk = VERIFIER_WORDS.kk.checks;
    const ru = VERIFIER_WORDS.ru.checks;
    let kazakh = 0;
    for (const code of CODES) {
      const render = (t: CheckMessages) =>
        (t[code] as (p: unknown) => string)(sentinels(OVERRIDES[code]));
      expect(render(kk), code).not.toBe(render(ru));
      if (KAZAKH_LETTERS.test(render(kk))) kazakh++;
    }
    expect(kazakh / CODES.length).toBeGreaterThan(0.8);
  });
});

describe('time-stamp words in Russian and Kazakh', () => {
  for (const lang of TRANSLATED)
    it(`${lang}: every token code, the summaries and the "token says" part`, () => {
      const words = VERIFIER_WORDS[lang].time;
      const en = VERIFIER_WORDS.en.time;
      for (const code of TOKEN_CODES) {
        const render = (t: TokenMessages) => t[code](sentinels());
        const english = render(en.tokens);
        expectTranslated(lang, code, english, render(words.tokens), carried(english));
      }
      const trusted = en.trustedTime(sentinels());
      expectTranslated(
        lang,
        'trustedTime',
        trusted,
        words.trustedTime(sentinels()),
        carried(trusted),
      );
      const says = en.tokenSays({ time: '⟦time⟧', tsa: '⟦tsa⟧' });
      expectTranslated(
        lang,
        'tokenSays',
        says,
        words.tokenSays({ time: '⟦time⟧', tsa: '⟦tsa⟧' }),
        carried(says),
      );
      expectTranslated(lang, 'notOverSignature', en.notOverSignature, words.notOverSignature, []);
      expectTranslated(lang, 'notStamped', en.notStamped, words.notStamped, []);
    });
});

describe("verify.html's own words", () => {
  for (const lang of TRANSLATED)
    it(`${lang}: every label, verdict, progress and error line`, () => {
      const en = PAGE_TEXT.en;
      const text = PAGE_TEXT[lang];
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        if (key === 'name') continue;
        const render = (v: (typeof en)[typeof key]) =>
          typeof v === 'function'
            ? (v as (...a: unknown[]) => string)('⟦a⟧', key === 'invalid' ? 5 : '⟦b⟧')
            : v;
        const english = render(en[key]);
        expectTranslated(lang, key, english, render(text[key]), carried(english));
      }
    });

  it('counts failures with the plural forms of each language', () => {
    expect(PAGE_TEXT.en.invalid(1)).toBe('INVALID — 1 check failed');
    expect(PAGE_TEXT.ru.invalid(1)).toContain('1 проверка не пройдена');
    expect(PAGE_TEXT.ru.invalid(3)).toContain('3 проверки не пройдены');
    expect(PAGE_TEXT.ru.invalid(11)).toContain('11 проверок не пройдено');
  });

  it('picks the reader’s language from the browser, English otherwise', () => {
    expect(pickVerifierLanguage(['ru-RU', 'en'])).toBe('ru');
    expect(pickVerifierLanguage(['kk-KZ'])).toBe('kk');
    expect(pickVerifierLanguage(['de-DE', 'kk'])).toBe('kk');
    expect(pickVerifierLanguage(['fr'])).toBe('en');
  });
});
