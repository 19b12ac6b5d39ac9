import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../lib/i18n/translator';
import { repoRoot } from '../support/shared-fixtures';

const dir = path.join(repoRoot, 'public/_locales');
const catalogs = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    JSON.parse(readFileSync(path.join(dir, lang, 'messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >,
  ]),
);

/** The text of every .ts/.tsx file under `dir`. */
function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(repoRoot, dir));
  return out;
}

/** Every `t('key')` and `tn('key', n)` literal used by the UI. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const text of [...sources('components'), ...sources('entrypoints')])
    for (const m of text.matchAll(/\btn?\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
  return keys;
}

/**
 * Catalog keys the background and the core give as reasons (`new CaptureAbort('fail_…')`,
 * `ProtocolError.of(code, 'key')`, `new ReasonedError('key')`, `english('key')`).
 */
function reasonKeys(): Set<string> {
  const keys = new Set<string>();
  const patterns = [
    /\bnew (?:CaptureAbort|ReasonedError)\(\s*'([A-Za-z0-9_]+)'/g,
    /\bProtocolError\.of\(\s*'[a-z_]+',\s*'([A-Za-z0-9_]+)'/g,
    /\benglish\(\s*'([A-Za-z0-9_]+)'/g,
    /\bconst [A-Z_]+ = '((?:fail|warn)_[a-z_]+)'/g,
  ];
  for (const text of sources('lib'))
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) keys.add(m[1]!);
  return keys;
}

/** Plural forms of a counted message (`key__one`, `key__few`, …; see createCountTranslator). */
const PLURAL = /__(zero|one|two|few|many|other)$/;

describe('locales', () => {
  it('ships exactly en, ru and kk', () => {
    expect(readdirSync(dir).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const lang of LANGUAGES) {
    it(`${lang} has every key English has, each non-empty, with the same placeholders`, () => {
      const plain = (c: Record<string, unknown>) => Object.keys(c).filter((k) => !PLURAL.test(k));
      const missing = plain(catalogs.en!).filter((k) => !catalogs[lang]![k]);
      expect(missing, `keys missing in ${lang}`).toEqual([]);
      const extra = plain(catalogs[lang]!).filter((k) => !catalogs.en![k]);
      expect(extra, `keys only in ${lang}`).toEqual([]);
      for (const [key, { message }] of Object.entries(catalogs[lang]!)) {
        expect(message.trim(), `${lang}.${key}`).not.toBe('');
        const english = catalogs.en![key] ?? catalogs.en![key.replace(PLURAL, '__other')];
        expect(english, `${lang}.${key} has an English counterpart`).toBeDefined();
        const placeholders = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
        expect(placeholders(message), `${lang}.${key}`).toEqual(placeholders(english!.message));
      }
    });

    it(`${lang} has exactly the plural forms its language uses for every counted message`, () => {
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const bases = new Set(
        LANGUAGES.flatMap((l) => Object.keys(catalogs[l]!))
          .filter((k) => PLURAL.test(k))
          .map((k) => k.replace(PLURAL, '')),
      );
      for (const base of bases) {
        const have = Object.keys(catalogs[lang]!)
          .filter((k) => k.replace(PLURAL, '') === base && PLURAL.test(k))
          .map((k) => k.slice(base.length + 2))
          .sort();
        expect(have, `${lang}: ${base}_*`).toEqual([...forms].sort());
      }
    });
  }

  it('never says "1 persons" or "capture(s)": a number before a counted noun goes through a plural key', () => {
    // English is where "$1 days" reads wrong at 1; ru and kk put the number after a colon.
    const counted =
      /\$\d\s+(?:[a-z]+\s+){0,2}(captures|persons|cases|tags|files|events|bytes|problems|grounds|days|hours|minutes|entries|records|screenshots|packages|stamps)\b|\(s\)/;
    const wrong = Object.entries(catalogs.en!)
      .filter(([key, { message }]) => !key.includes('__') && counted.test(message))
      .map(([key, { message }]) => `${key}: ${message}`);
    expect(wrong).toEqual([]);
    // The plural keys themselves come in the forms each language needs.
    for (const key of ['countDays', 'countCaptures', 'countPersons'])
      for (const [lang, forms] of [
        ['en', ['one', 'other']],
        ['ru', ['one', 'few', 'many', 'other']],
        ['kk', ['one', 'other']],
      ] as const)
        for (const form of forms)
          expect(catalogs[lang]![`${key}__${form}`], `${lang} ${key}__${form}`).toBeDefined();
  });

  it('defines every key the UI uses', () => {
    const defined = (k: string) => catalogs.en![k] || catalogs.en![`${k}__other`];
    const undefinedKeys = [...usedKeys()].filter((k) => !defined(k));
    expect(undefinedKeys).toEqual([]);
  });

  it('defines every reason the background gives for a failure (shown in the UI language)', () => {
    const keys = reasonKeys();
    expect(keys.size, 'reasons found in lib/').toBeGreaterThan(8);
    expect([...keys].filter((k) => !catalogs.en![k])).toEqual([]);
  });

  it('defines every key the manifest uses', () => {
    const config = readFileSync(path.join(repoRoot, 'wxt.config.ts'), 'utf8');
    const html = readFileSync(path.join(repoRoot, 'entrypoints/popup/index.html'), 'utf8');
    const keys = [...`${config}${html}`.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.filter((k) => !catalogs.en![k])).toEqual([]);
  });
});
