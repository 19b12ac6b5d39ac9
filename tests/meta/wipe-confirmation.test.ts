// Issue 15, point 6: a wipe's confirmation must work in every keyboard layout and language. On a
// Russian layout "WIPE" types "ЦШЗУ", so no wipe may ask the monitor to type a word: each is
// confirmed by holding the button (components/vault/hold-button.tsx).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const VAULT_UI = 'components/vault';
const wipeComponents = readdirSync(VAULT_UI).filter((f) => /^wipe-.*\.tsx$/.test(f));

describe('wipe confirmations', () => {
  it('finds the wipe components', () => {
    expect(wipeComponents).toEqual(
      expect.arrayContaining(['wipe-button.tsx', 'wipe-deposited.tsx']),
    );
  });

  for (const file of ['wipe-button.tsx', 'wipe-deposited.tsx']) {
    it(`${file} is confirmed by holding, with nothing to type`, () => {
      const source = readFileSync(join(VAULT_UI, file), 'utf8');
      expect(source).toMatch(/<HoldButton\b/);
      expect(source).not.toMatch(/<input\b/);
      expect(source).not.toMatch(/toUpperCase\(\)/);
    });
  }

  it('no catalog asks to type a word to confirm', () => {
    for (const lang of ['en', 'ru', 'kk']) {
      const catalog = readFileSync(`public/_locales/${lang}/messages.json`, 'utf8');
      expect(catalog, lang).not.toMatch(/"wipeTypeWord"/);
    }
  });
});
