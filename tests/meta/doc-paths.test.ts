// Docs that point at files that moved send a reader (or a reviewer) to nothing. Every repo path
// quoted in the docs (in `code` or as a link) and every spec or test file cited in a source
// comment must exist. A path may use {a,b} alternatives, a * or a <placeholder>; then the
// folder before it must exist.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-fixtures';
import { docs } from './support/docs';
import { sourceGraph } from './support/source-graph';

const ROOTS = [
  'lib/',
  'components/',
  'entrypoints/',
  'tests/',
  'scripts/',
  'cli/',
  'bench/',
  'public/',
  'docs/',
  'bin/',
  '.ci/',
];
const ROOT_FILES =
  /^(package\.json|tsconfig\.json|wxt\.config\.ts|vitest\.config\.ts|playwright(\.firefox)?\.config\.ts|eslint\.config\.js|stryker\.config\.mjs|README\.md|ARCHITECTURE\.md|CONTRIBUTING\.md)$/;

/** `public/_locales/{en,ru,kk}/messages.json` → the three paths. */
function expand(p: string): string[] {
  const m = /\{([^{}]*)\}/.exec(p);
  if (!m) return [p];
  return m[1]!.split(',').flatMap((alt) => expand(p.replace(m[0], alt)));
}

/** Whether a quoted path exists; with a glob or placeholder, whether the folder before it does. */
function exists(quoted: string): boolean {
  const clean = quoted.replace(/[#:].*$/, '').replace(/[.,;)]+$/, '');
  return expand(clean).every((p) => {
    const wild = p.search(/[*<]/);
    const fixed = wild >= 0 ? p.slice(0, p.lastIndexOf('/', wild) + 1) : p;
    const full = path.join(repoRoot, fixed);
    return existsSync(full) && (wild < 0 || statSync(full).isDirectory());
  });
}

const looksLikePath = (s: string) =>
  (ROOTS.some((r) => s.startsWith(r)) || ROOT_FILES.test(s)) && !/\s/.test(s);

function quotedPaths(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    // `npm run x -- tests/e2e/a.spec.ts` quotes commands: take each word that is a path.
    for (const word of m[1]!.split(/\s+/)) if (looksLikePath(word)) found.add(word);
  }
  for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g))
    if (!/^[a-z]+:/.test(m[1]!) && looksLikePath(m[1]!)) found.add(m[1]!);
  return [...found];
}

describe('paths quoted in the docs exist', () => {
  for (const doc of docs())
    it(doc, () => {
      const text = readFileSync(path.join(repoRoot, doc), 'utf8');
      expect(quotedPaths(text).filter((p) => !exists(p))).toEqual([]);
    });

  it('finds the paths it is meant to check (the checker itself works)', () => {
    expect(
      quotedPaths('see `lib/log.ts`, [x](docs/a.md) and `npm test -- tests/e2e/b.spec.ts`'),
    ).toEqual(['lib/log.ts', 'tests/e2e/b.spec.ts', 'docs/a.md']);
    expect(exists('public/_locales/{en,ru,kk}/messages.json')).toBe(true);
    expect(exists('public/_locales/{en,xx}/messages.json')).toBe(false);
    expect(exists('tests/e2e/ui-*.spec.ts')).toBe(true);
    expect(exists('lib/nowhere/')).toBe(false);
  });
});

describe('test files cited in source comments exist', () => {
  it('every tests/…(spec|test).ts named in lib, components, entrypoints, cli and bench exists', () => {
    const missing: string[] = [];
    for (const { file, text } of sourceGraph().values())
      for (const m of text.matchAll(/tests\/[\w./-]+?\.(?:spec|test)\.ts/g))
        if (!exists(m[0])) missing.push(`${file}: ${m[0]}`);
    expect(missing).toEqual([]);
  });
});
