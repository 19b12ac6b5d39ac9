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

/** Every `t('key')` literal used by the UI. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry.name))
        for (const m of readFileSync(p, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g))
          keys.add(m[1]!);
    }
  };
  walk(path.join(repoRoot, 'components'));
  walk(path.join(repoRoot, 'entrypoints'));
  return keys;
}

describe('locales', () => {
  it('ships exactly en, ru and kk', () => {
    expect(readdirSync(dir).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const lang of LANGUAGES) {
    it(`${lang} has every key English has, each non-empty, with the same placeholders`, () => {
      const missing = Object.keys(catalogs.en!).filter((k) => !catalogs[lang]![k]);
      expect(missing, `keys missing in ${lang}`).toEqual([]);
      const extra = Object.keys(catalogs[lang]!).filter((k) => !catalogs.en![k]);
      expect(extra, `keys only in ${lang}`).toEqual([]);
      for (const [key, { message }] of Object.entries(catalogs[lang]!)) {
        expect(message.trim(), `${lang}.${key}`).not.toBe('');
        const placeholders = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
        expect(placeholders(message), `${lang}.${key}`).toEqual(
          placeholders(catalogs.en![key]!.message),
        );
      }
    });
  }

  it('defines every key the UI uses', () => {
    const undefinedKeys = [...usedKeys()].filter((k) => !catalogs.en![k]);
    expect(undefinedKeys).toEqual([]);
  });

  it('defines every key the manifest uses', () => {
    const config = readFileSync(path.join(repoRoot, 'wxt.config.ts'), 'utf8');
    const html = readFileSync(path.join(repoRoot, 'entrypoints/popup/index.html'), 'utf8');
    const keys = [...`${config}${html}`.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.filter((k) => !catalogs.en![k])).toEqual([]);
  });
});
