import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BULLETIN_STRINGS, buildBulletin, generateBulletin } from '../../../lib/bulletin/index';
import type { BulletinGround } from '../../../lib/bulletin/model';
import { articleWithWording } from '../../../lib/bulletin/articles';
import { escapeMarkdown } from '../../../lib/bulletin/render-markdown';
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
  it('groups evidence per person: grounds (captured and recorded by hand) in date order', () => {
    const model = buildBulletin(sampleArchive(), range, now.toISOString());
    expect(model.entries.map((e) => e.person?.name)).toEqual([
      'Aigerim Kairatkyzy',
      'Dana Mukhtarova',
      'Nurlan Sarsenov',
    ]);
    const [ak, dm, ns] = model.entries;
    const ground = (g: BulletinGround) =>
      g.kind === 'captured' ? g.evidence.id : `recorded: ${g.ground.text.slice(0, 20)}`;
    // The shout on 1 Jan, the post shared the same day, 8 March (the status); the undated
    // gesture last. Recorded grounds have no capture: they come with their case.
    expect(ak!.grounds.map(ground)).toEqual([
      'recorded: shouted “Go ahead!” ',
      'cap_2',
      'cap_1',
      'recorded: raised her right han',
    ]);
    expect(ak!.cases.map((c) => c.id)).toEqual(['case_ak']);
    expect(ns!.grounds.map(ground)).toEqual(['cap_3', 'recorded: attended a peaceful ']);
    // Dana's hacked account is told as an account event, not listed again.
    expect(dm!.accountEvents.map((e) => [e.event.kind, e.event.captureId])).toEqual([
      ['security', 'cap_4'],
    ]);
    expect(dm!.other).toEqual([]);
    // Nurlan's Instagram: renamed and suspended (against the capture of 30 April, outside the
    // period); cap_5 was sealed in June: outside the range.
    expect(ns!.accountEvents.map((e) => e.event.kind)).toEqual(['name', 'state']);
    expect(ns!.other).toEqual([]);
    // Evidence numbered in the order the text cites it.
    expect(model.evidence.map((e) => [e.ref, e.id])).toEqual([
      [1, 'cap_2'],
      [2, 'cap_1'],
      [3, 'cap_4'],
      [4, 'cap_3'],
      [5, 'cap_6'],
    ]);
  });

  it('covers one case whatever the dates, with all of its recorded grounds', () => {
    const model = buildBulletin(
      sampleArchive(),
      { kind: 'case', caseId: 'case_ns' },
      now.toISOString(),
    );
    expect(model.caseTitle).toBe('Sarsenov case');
    expect(model.entries.map((e) => e.person?.name)).toEqual(['Nurlan Sarsenov']);
    const [ns] = model.entries;
    // The repost of 20 February, then the protest of 28 February (recorded by hand).
    expect(ns!.grounds.map((g) => g.kind)).toEqual(['captured', 'recorded']);
    expect(ns!.other.map((e) => e.id)).toEqual(['cap_5']);
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
      // Counted words have the forms their language needs (Russian few/many): compared apart.
      const plural = /\.(one|few|many|other)$/;
      const entries = leaves(BULLETIN_STRINGS[language]);
      const plain = (keys: string[]) => keys.filter((k) => !/\.(few|many)$/.test(k)).sort();
      expect(plain(entries.map(([k]) => k))).toEqual(plain([...english.keys()]));
      for (const [key, text] of entries) {
        expect(text.trim(), key).not.toBe('');
        const holders = (s: string) => s.match(/\$\d/g)?.sort() ?? [];
        const en = english.get(key) ?? english.get(key.replace(plural, '.other'))!;
        expect(holders(text), key).toEqual(holders(en));
      }
    });
});

describe('rendered bulletin', () => {
  for (const language of LANGUAGES) {
    it(`matches the golden Markdown, HTML and plain text in ${language}`, () => {
      const render = (format: 'markdown' | 'html' | 'text') =>
        generateBulletin(sampleArchive(), { scope: range, language, format, now });
      const md = render('markdown');
      expect([md.persons, md.captures]).toEqual([3, 5]);
      golden(`bulletin-${language}.md`, md.content);
      golden(`bulletin-${language}.html`, render('html').content);
      golden(`bulletin-${language}.txt`, render('text').content);
    });

    it(`names no internal id and no record key in ${language}`, () => {
      for (const format of ['markdown', 'html', 'text'] as const) {
        const { content } = generateBulletin(sampleArchive(), {
          scope: range,
          language,
          format,
          now,
        });
        expect(content, format).not.toMatch(/\b(cap|per|case|link)_[a-z0-9]+/);
        expect(content, format).not.toMatch(/\b(not_found|account_state|hack_evidence)\b/);
      }
    });
  }

  it('opens each person with a lead sentence, the article in words, as the real bulletin does', () => {
    const text = (language: 'en' | 'ru' | 'kk') =>
      generateBulletin(sampleArchive(), { scope: range, language, format: 'text', now }).content;
    const en = text('en');
    expect(en).toContain(
      'AIGERIM KAIRATKYZY (АЙГЕРИМ КАЙРАТКЫЗЫ)\n\nAigerim Kairatkyzy is being prosecuted under Art. 405 Part 1 (participation in an extremist organization); the case is under investigation.',
    );
    // Typed as a bare number, the article is followed by what it is about.
    expect(en).toContain(
      'Nurlan Sarsenov is being prosecuted under Art. 405 Part 2 (“participation in an extremist organization”); an indictment has been drawn up.',
    );
    expect(en).toContain('Dana Mukhtarova: evidence that their Facebook account was hacked.');
    expect(text('ru')).toContain(
      'Nurlan Sarsenov преследуется по Art. 405 Part 2 («участие в деятельности экстремистской организации»); составлен обвинительный акт.',
    );
    expect(text('kk')).toContain(
      'Nurlan Sarsenov Art. 405 Part 2 («экстремистік ұйымның қызметіне қатысу») бойынша қудаланып жатыр; айыптау актісі жасалды.',
    );
  });

  it('lists grounds recorded by hand with no capture, and summarises what happened to accounts', () => {
    const { content } = generateBulletin(sampleArchive(), {
      scope: range,
      language: 'en',
      format: 'text',
      now,
    });
    expect(content).toContain(
      '1) January 1, 2021: shouted “Go ahead!” while listening to a New Year greeting (no capture; source: the indictment)',
    );
    expect(content).toContain(
      '4) raised her right hand in a fist, a gesture “of the organization’s leader” (no capture)',
    );
    expect(content).toContain(
      '– May 5, 2021: Facebook showed “Your account has been locked: we noticed unusual activity” (the account was locked). [3]',
    );
    expect(content).toContain(
      '– May 6, 2021: the name on the Instagram account @nurlan.sarsenov changed from “Nurlan Sarsenov” to “Free Nurlan”. [5]',
    );
    expect(content).toContain(
      '– May 6, 2021: the Instagram account @nurlan.sarsenov was found suspended (before: active). [5]',
    );
    // Officials with their roles.
    expect(content).toContain('– R.A. Tokenov — investigator — police major, chief investigator');
  });

  it('says counts with the right plural in each language', () => {
    const archive = sampleArchive();
    const data = { ...archive, persons: [...archive.persons], links: [...archive.links] };
    // A person with only captures tagged "other": the lead counts them.
    data.persons.push({ ...data.persons[0]!, id: 'per_x', name: 'Xenia Example', aliases: [] });
    data.links.push(
      { ...data.links[0]!, id: 'lx1', personId: 'per_x', caseId: null, category: 'other' },
      { ...data.links[1]!, id: 'lx2', personId: 'per_x', caseId: null, category: 'other' },
    );
    const lead = (language: 'en' | 'ru' | 'kk') =>
      generateBulletin(data, { scope: range, language, format: 'text', now }).content;
    expect(lead('en')).toContain('Xenia Example: 2 captures documented.');
    expect(lead('ru')).toContain('Xenia Example: задокументировано 2 фиксации.');
    expect(lead('kk')).toContain('Xenia Example: 2 тіркеу құжатталды.');
  });

  it('cites every capture by its number, linked to the evidence list with the seal (HTML)', () => {
    const { content } = generateBulletin(sampleArchive(), {
      scope: range,
      language: 'ru',
      format: 'html',
      now,
    });
    const { document } = parseHTML(content);
    const refs = [...document.querySelectorAll('li a[href^="#evidence-"]')];
    expect(refs.length).toBeGreaterThanOrEqual(5);
    for (const a of refs) {
      const target = document.getElementById(a.getAttribute('href')!.slice(1));
      expect(target, a.getAttribute('href')!).not.toBeNull();
      expect(a.textContent).toBe(`[${a.getAttribute('href')!.replace(/\D/g, '')}]`);
    }
    expect(document.querySelectorAll('script')).toHaveLength(0);
    // The post's own markup is text, never markup.
    expect(content).toContain('free elections &lt;now&gt; &amp; *always*');
    expect(document.documentElement.getAttribute('lang')).toBe('ru');
  });

  it('escapes in Markdown only what would be read as syntax: no stray backslashes', () => {
    const { content } = generateBulletin(sampleArchive(), {
      scope: range,
      language: 'en',
      format: 'markdown',
      now,
    });
    expect(content).toContain('free elections \\<now> & \\*always\\*');
    // A handle with an underscore inside stays as it is.
    expect(content).toContain('by @aigerim_k');
    expect(content).not.toContain('aigerim\\_k');
    expect(escapeMarkdown('snake_case 5 * 3 [sic] a < b AT&T')).toBe(
      'snake_case 5 * 3 [sic] a < b AT&T',
    );
    expect(escapeMarkdown('_x_ [a](b) <b> &amp;')).toBe('\\_x\\_ \\[a](b) \\<b> \\&amp;');
  });

  it('writes plain text with no markup characters for Facebook and Telegram', () => {
    const { content } = generateBulletin(sampleArchive(), {
      scope: range,
      language: 'ru',
      format: 'text',
      now,
    });
    expect(content).not.toMatch(/^#|\*\*|\\|<a |<\/|\]\(/m);
    expect(content).toContain('Адрес: https://example.test/instagram/1');
  });
});

describe('article wording', () => {
  it('reads the article and part in en, ru and kk and adds what it is about', () => {
    const q = (s: string) => `«${s}»`;
    expect(articleWithWording('ст. 405 ч. 2 УК РК', 'ru', q)).toBe(
      'ст. 405 ч. 2 УК РК («участие в деятельности экстремистской организации»)',
    );
    expect(articleWithWording('405-бап 1-бөлігі', 'kk', q)).toBe(
      '405-бап 1-бөлігі («экстремистік ұйымның қызметін ұйымдастыру»)',
    );
    expect(articleWithWording('Article 174', 'en', q)).toContain('religious discord');
    expect(articleWithWording('Art. 999', 'en', q), 'unknown: as typed').toBe('Art. 999');
    expect(articleWithWording('Art. 405 (as charged)', 'en', q), 'has its words').toBe(
      'Art. 405 (as charged)',
    );
  });
});
