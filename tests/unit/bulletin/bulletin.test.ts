import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BULLETIN_STRINGS, buildBulletin, generateBulletin } from '../../../lib/bulletin/index';
import { LANGUAGES } from '../../../lib/i18n/translator';
import { repoRoot } from '../../support/shared-fixtures';
import { sampleArchive } from './sample-archive';

const GOLDEN = path.join(repoRoot, 'tests/unit/bulletin/golden');
const now = new Date('2021-05-06T08:00:00.000Z');
const range = { kind: 'range', from: '2021-05-01', to: '2021-05-06' } as const;

/** Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it (then read the diff). */
function golden(name: string, actual: string) {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('bulletin model', () => {
  it('groups evidence per person, grounds first, within the range', () => {
    const model = buildBulletin(sampleArchive(), range, now.toISOString());
    expect(model.entries.map((e) => e.person?.name)).toEqual([
      'Aigerim Kairatkyzy',
      'Dana Mukhtarova',
      'Nurlan Sarsenov',
    ]);
    const [ak, dm, ns] = model.entries;
    // Grounds in the order they were published.
    expect(ak!.grounds.map((g) => g.id)).toEqual(['cap_2', 'cap_1']);
    expect(ak!.cases.map((c) => c.id)).toEqual(['case_ak']);
    expect(dm!.other.map((g) => [g.id, g.category])).toEqual([['cap_4', 'hack_evidence']]);
    // cap_5 was sealed in June: outside the range.
    expect(ns!.other.map((e) => [e.id, e.accountState])).toEqual([['cap_6', 'suspended']]);
    expect(model.evidence.map((e) => e.id)).toEqual(['cap_2', 'cap_1', 'cap_4', 'cap_3', 'cap_6']);
    expect(ak!.grounds[0]!.shortHash).toBe('000000000002');
  });

  it('covers one case whatever the dates', () => {
    const model = buildBulletin(
      sampleArchive(),
      { kind: 'case', caseId: 'case_ns' },
      now.toISOString(),
    );
    expect(model.caseTitle).toBe('Sarsenov case');
    expect(model.entries.map((e) => e.person?.name)).toEqual(['Nurlan Sarsenov']);
    expect(model.entries[0]!.other.map((e) => e.id)).toEqual(['cap_6', 'cap_5']);
  });

  it('refuses an unknown case and a reversed range', () => {
    expect(() => buildBulletin(sampleArchive(), { kind: 'case', caseId: 'nope' }, '')).toThrow(
      /no case nope/,
    );
    expect(() =>
      buildBulletin(sampleArchive(), { kind: 'range', from: '2021-05-06', to: '2021-05-01' }, ''),
    ).toThrow(/starts \(2021-05-06\) after it ends/);
  });
});

describe('bulletin strings', () => {
  const leaves = (o: object, prefix = ''): Array<[string, string]> =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v as object, `${prefix}${k}.`),
    );
  const english = new Map(leaves(BULLETIN_STRINGS.en));
  for (const language of LANGUAGES)
    it(`${language} has every entry English has, non-empty, with the same placeholders`, () => {
      const entries = leaves(BULLETIN_STRINGS[language]);
      expect(entries.map(([k]) => k).sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of entries) {
        expect(text.trim(), key).not.toBe('');
        const holders = (s: string) => s.match(/\$\d/g)?.sort() ?? [];
        expect(holders(text), key).toEqual(holders(english.get(key)!));
      }
    });
});

describe('rendered bulletin', () => {
  for (const language of LANGUAGES) {
    it(`matches the golden Markdown and HTML in ${language}`, () => {
      const md = generateBulletin(sampleArchive(), {
        scope: range,
        language,
        format: 'markdown',
        now,
      });
      const html = generateBulletin(sampleArchive(), {
        scope: range,
        language,
        format: 'html',
        now,
      });
      expect([md.persons, md.captures]).toEqual([3, 5]);
      golden(`bulletin-${language}.md`, md.content);
      golden(`bulletin-${language}.html`, html.content);
    });
  }

  it('links every ground to its capture and shows its short hash (HTML)', () => {
    const { content } = generateBulletin(sampleArchive(), {
      scope: range,
      language: 'ru',
      format: 'html',
      now,
    });
    const { document } = parseHTML(content);
    const items = [...document.querySelectorAll('ol li')];
    expect(items).toHaveLength(3);
    for (const li of items) {
      const href = li.querySelector('a')!.getAttribute('href')!;
      expect(href).toMatch(/^#capture-cap_\d$/);
      expect(document.getElementById(href.slice(1)), href).not.toBeNull();
      expect(li.querySelector('code')!.textContent).toBe(href.replace(/\D/g, '').padStart(12, '0'));
    }
    expect(document.querySelectorAll('script')).toHaveLength(0);
    // The post's own markup is text, never markup.
    expect(content).toContain('free elections &lt;now&gt; &amp; *always*');
    expect(document.documentElement.getAttribute('lang')).toBe('ru');
  });

  it('escapes Markdown syntax in captured text', () => {
    const { content } = generateBulletin(sampleArchive(), {
      scope: range,
      language: 'en',
      format: 'markdown',
      now,
    });
    expect(content).toContain('free elections \\<now\\> & \\*always\\*');
    expect(content).toContain('[cap\\_1](#capture-cap_1), hash `000000000001`');
  });
});
