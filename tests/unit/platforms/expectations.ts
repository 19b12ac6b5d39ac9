import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../../../cli/load-input';
import { compareRecord, type FieldResult } from '../../../cli/record-compare';
import type { ExtractedRecord } from '../../../lib/platforms/record';

/**
 * Test helpers for person-written expected records: real saved pages stay in the shared
 * fixtures directory (never copied into the repo) with their expectations under
 * tests/fixtures/expected; hand-made fixtures carry theirs beside them.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXPECTED_DIR = path.join(REPO_ROOT, 'tests/fixtures/expected');
export const HANDMADE_DIR = path.join(REPO_ROOT, 'tests/fixtures/handmade');
/** Real pages found in public test suites, committed with their licences (tests/fixtures/found). */
export const FOUND_DIR = path.join(REPO_ROOT, 'tests/fixtures/found');

/** `$DALEL_SHARED/fixtures/real`, else `<repo>/../shared/fixtures/real`, else `/work/shared/…`. */
export function realFixturesDir(): string | null {
  const candidates = [
    process.env.DALEL_SHARED,
    path.resolve(REPO_ROOT, '../shared'),
    '/work/shared',
  ].filter((c): c is string => Boolean(c));
  for (const shared of candidates) {
    const dir = path.join(shared, 'fixtures/real');
    if (existsSync(dir)) return dir;
  }
  return null;
}

export interface Expectation {
  file: string;
  fixture: string;
  url: string;
  expected: Record<string, unknown>;
  target?: string;
  contentType?: string;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Expectations under `root/<sub>`, each pointing at its fixture under `fixturesRoot`. */
export function expectationsIn(root: string, sub: string, fixturesRoot: string): Expectation[] {
  return walk(path.join(root, sub))
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Omit<
        Expectation,
        'file' | 'fixture'
      >;
      const relative = path
        .relative(root, file)
        .slice(0, -'.expected.json'.length)
        .replace(/@[\w.-]+$/, '');
      return { ...parsed, file, fixture: path.join(fixturesRoot, relative) };
    });
}

export async function run(
  expectation: Expectation,
): Promise<{ record: ExtractedRecord; misses: FieldResult[]; total: number }> {
  const record = await extractFile(expectation.fixture, new URL(expectation.url), {
    target: expectation.target,
    contentType: expectation.contentType,
  });
  const results = compareRecord(expectation.expected, record);
  return { record, misses: results.filter((r) => !r.ok), total: results.length };
}

/** Readable misses for an assertion message. */
export function describeMisses(misses: FieldResult[]): string[] {
  return misses.map(
    (m) => `${m.path}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`,
  );
}

/**
 * Registers one test per expectation of `platform`: real saved pages (skipped, visibly, when the
 * shared fixtures are absent) and hand-made fixtures. Every expected field must match.
 */
export function expectationSuites(
  platform: string,
  api: {
    describe: typeof import('vitest').describe;
    it: typeof import('vitest').it;
    expect: typeof import('vitest').expect;
  },
): void {
  const { describe, it, expect } = api;
  const real = realFixturesDir();
  describe(`${platform}: real saved pages`, () => {
    if (!real) {
      it.skip(`shared fixtures not found (set DALEL_SHARED): real ${platform} pages not tested`, () => {});
      console.warn(
        `[${platform}] shared fixtures not found (set DALEL_SHARED); real pages skipped`,
      );
      return;
    }
    const cases = expectationsIn(EXPECTED_DIR, platform, real);
    it('has an expectation for every real page of the platform', () => {
      const pages = walk(path.join(real, platform)).filter((f) => !f.endsWith('.tsv'));
      const covered = new Set(cases.map((c) => c.fixture));
      expect(pages.filter((p) => !covered.has(p))).toEqual([]);
    });
    for (const expectation of cases) {
      it(path.relative(EXPECTED_DIR, expectation.file), async () => {
        const { misses, total } = await run(expectation);
        expect(total).toBeGreaterThan(0);
        expect(describeMisses(misses)).toEqual([]);
      });
    }
  });
  describe(`${platform}: hand-made fixtures`, () => {
    const cases = expectationsIn(HANDMADE_DIR, platform, HANDMADE_DIR);
    it('has hand-made fixtures', () => expect(cases.length).toBeGreaterThan(0));
    for (const expectation of cases) {
      it(path.relative(HANDMADE_DIR, expectation.file), async () => {
        const head = readFileSync(expectation.fixture, 'utf8').slice(0, 400);
        expect(head).toMatch(/hand-made fixture/);
        const { misses } = await run(expectation);
        expect(describeMisses(misses)).toEqual([]);
      });
    }
  });
}

/**
 * Real pages found in public test suites and committed with their licences: every expected field
 * must match, and every page must have a provenance line in SOURCES.tsv.
 */
export function foundPageSuites(
  platform: string,
  api: {
    describe: typeof import('vitest').describe;
    it: typeof import('vitest').it;
    expect: typeof import('vitest').expect;
  },
): void {
  const { describe, it, expect } = api;
  describe(`${platform}: real pages found in public test suites (committed)`, () => {
    const cases = expectationsIn(FOUND_DIR, platform, FOUND_DIR);
    const sources = readFileSync(path.join(FOUND_DIR, 'SOURCES.tsv'), 'utf8');
    it('has found pages, each with its provenance', () => {
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) expect(sources).toContain(path.relative(FOUND_DIR, c.fixture));
    });
    for (const expectation of cases) {
      it(path.relative(FOUND_DIR, expectation.file), async () => {
        const { misses, total } = await run(expectation);
        expect(total).toBeGreaterThan(0);
        expect(describeMisses(misses)).toEqual([]);
      });
    }
  });
}
