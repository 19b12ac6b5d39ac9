// package.json declares what the code uses and nothing else: every package imported anywhere
// (extension, CLI, tools, tests, configs) is declared, and every declared package is imported or
// named here with the place that uses it without an import (a CLI, a plugin, a peer), which the
// test checks too, so the list cannot go stale.
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-fixtures';
import { importSpecifiers, packageOf } from './support/source-graph';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const declared = { ...pkg.dependencies, ...pkg.devDependencies };

/** Used without an import statement: package → [file, text in it that shows the use]. */
const USED_WITHOUT_IMPORT: Record<string, [string, string]> = {
  '@types/node': ['tsconfig.json', ''],
  '@types/webextension-polyfill': ['package.json', '"webextension-polyfill"'],
  '@types/ws': ['package.json', '"ws"'],
  '@wxt-dev/webextension-polyfill': ['wxt.config.ts', "'@wxt-dev/webextension-polyfill'"],
  // The peer of @wxt-dev/webextension-polyfill: the `browser` every entrypoint imports from wxt.
  'webextension-polyfill': ['wxt.config.ts', "'@wxt-dev/webextension-polyfill'"],
  'axe-core': ['tests/e2e/ui/axe.ts', "'axe-core/axe.min.js'"],
  eslint: ['package.json', '"lint": "eslint .'],
  prettier: ['package.json', 'prettier --check'],
  'web-ext': ['package.json', 'web-ext lint'],
  '@stryker-mutator/core': ['scripts/mutate.mjs', 'node_modules/.bin/stryker'],
  '@stryker-mutator/vitest-runner': ['stryker.config.mjs', "testRunner: 'vitest'"],
};

const SCANNED = ['lib', 'components', 'entrypoints', 'cli', 'bench', 'scripts', 'tests', 'bin'];
const ROOT_FILES = readdirSync(repoRoot).filter((f) => /\.(ts|js|mjs)$/.test(f));

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : walk(full);
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [full] : [];
  });
}

function importedPackages(): Map<string, string> {
  const found = new Map<string, string>();
  const files = [
    ...SCANNED.flatMap((d) => walk(path.join(repoRoot, d))),
    ...ROOT_FILES.map((f) => path.join(repoRoot, f)),
  ].filter((f) => !f.endsWith('.generated.ts'));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const spec of importSpecifiers(file, text, true)) {
      if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('#')) continue;
      if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!)) continue;
      found.set(packageOf(spec), path.relative(repoRoot, file));
    }
  }
  return found;
}

describe('package.json', () => {
  const imported = importedPackages();

  it('declares every package the code imports', () => {
    const undeclared = [...imported].filter(([name]) => !(name in declared));
    expect(undeclared.map(([name, file]) => `${name} (${file})`)).toEqual([]);
  });

  it('declares nothing the code does not use', () => {
    const unused = Object.keys(declared).filter(
      (name) => !imported.has(name) && !(name in USED_WITHOUT_IMPORT),
    );
    expect(unused).toEqual([]);
  });

  it('each use without an import is still there', () => {
    for (const [name, [file, text]] of Object.entries(USED_WITHOUT_IMPORT)) {
      expect(name in declared, `${name} is declared`).toBe(true);
      expect(readFileSync(path.join(repoRoot, file), 'utf8'), `${name} in ${file}`).toContain(text);
    }
  });

  it('pins every version exactly', () => {
    const ranged = Object.entries(declared).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v));
    expect(ranged).toEqual([]);
  });

  it('the extension and the CLI need at run time only what is in dependencies', () => {
    const shipped = [...imported].filter(([, file]) =>
      /^(lib|components|entrypoints|cli|bin)\//.test(file),
    );
    const devOnly = shipped.filter(([name]) => !(name in pkg.dependencies) && name !== 'wxt');
    expect(devOnly.map(([name, file]) => `${name} (${file})`)).toEqual([]);
  });
});
