import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { genericExtractor } from '../../lib/platforms/generic';
import { extractors } from '../../lib/platforms/registry';

/** Conventions of lib/platforms that a reviewer would otherwise have to remember. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLATFORMS_DIR = path.join(ROOT, 'lib/platforms');
const HANDMADE_DIR = path.join(ROOT, 'tests/fixtures/handmade');
const sources = readdirSync(PLATFORMS_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(PLATFORMS_DIR, f), 'utf8') }));

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

describe('lib/platforms conventions', () => {
  it('registers every exported extractor', () => {
    const exported = sources.flatMap(({ text }) =>
      [...text.matchAll(/export const (\w+Extractor): Extractor/g)].map((m) => m[1]!),
    );
    const registry = readFileSync(path.join(PLATFORMS_DIR, 'registry.ts'), 'utf8');
    const body =
      /export const extractors: Extractor\[\] = \[([\s\S]*?)\];/.exec(registry)?.[1] ?? '';
    const missing = exported.filter((name) => name !== 'genericExtractor' && !body.includes(name));
    expect(missing).toEqual([]);
  });

  it('gives every extractor a semver version and one platform each', () => {
    for (const e of [...extractors, genericExtractor]) {
      expect(`${e.platform} ${e.version}`).toMatch(/^\w+ \d+\.\d+\.\d+$/);
    }
    const platforms = extractors.map((e) => e.platform);
    expect(new Set(platforms).size).toBe(platforms.length);
  });

  it('keeps the pure core free of Node-only modules and eval', () => {
    const offenders = sources
      .filter(({ text }) =>
        /from ['"]node:|require\(|\bBuffer\.|\beval\(|new Function\(/.test(text),
      )
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('documents where and when selectors were last seen', () => {
    const selectorFiles = sources.filter(({ text }) =>
      /export const \w+_SELECTORS|WEBMAIL_CLIENTS/.test(text),
    );
    expect(selectorFiles.length).toBeGreaterThan(0);
    for (const { file, text } of selectorFiles) {
      expect([file, /(fixtures?\/|hand-made).*(\d{4}-\d{2})/s.test(text)]).toEqual([file, true]);
    }
  });
});

describe('hand-made fixtures', () => {
  const files = walk(HANDMADE_DIR).filter(
    (f) => /\.(html|json)$/.test(f) && !f.endsWith('.expected.json'),
  );

  it('says it is hand-made and fictional in the README', () => {
    const readme = readFileSync(path.join(HANDMADE_DIR, 'README.md'), 'utf8');
    expect(readme).toMatch(/hand-made/i);
    expect(readme).toMatch(/fictional persons only/i);
  });

  it('opens every HTML fixture with a hand-made comment and pairs it with an expectation', () => {
    const problems = files.flatMap((f) => {
      const out: string[] = [];
      if (f.endsWith('.html') && !/^<!-- hand-made fixture: /.test(readFileSync(f, 'utf8')))
        out.push(`${f}: no header`);
      // `page.html@post.expected.json` judges one post of a feed page.
      const dir = path.dirname(f);
      const named = readdirSync(dir).some(
        (e) => e.startsWith(`${path.basename(f)}@`) && e.endsWith('.expected.json'),
      );
      if (!existsSync(`${f}.expected.json`) && !named) out.push(`${f}: no expectation`);
      return out;
    });
    expect(problems).toEqual([]);
  });
});
