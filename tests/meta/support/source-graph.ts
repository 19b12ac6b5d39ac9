// The project's import graph, read with TypeScript's own parser (so comments, strings and
// type-only imports are told apart correctly): which module imports which, at run time.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../../support/shared-fixtures';

/** Folders of shipped and tool code whose imports the invariants constrain. */
export const SOURCE_DIRS = ['lib', 'components', 'entrypoints', 'cli', 'bench', 'scripts'];

export interface SourceFile {
  /** Repo-relative, with forward slashes: `lib/evidence/verify.ts`. */
  file: string;
  text: string;
  /** Run-time imports: repo-relative files for relative specifiers, package names otherwise. */
  imports: string[];
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : walk(full);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const rel = (full: string) => path.relative(repoRoot, full).split(path.sep).join('/');

function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = path.resolve(path.dirname(path.join(repoRoot, from)), specifier);
  const stem = base.replace(/\.(m?js)$/, '');
  for (const candidate of [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${stem}.mts`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return rel(candidate);
  return rel(base);
}

const parsedCache = new Map<string, ts.SourceFile>();

/** The syntax tree of a file (with parent links), parsed once per test run. */
export function parsed(file: string, text: string): ts.SourceFile {
  const hit = parsedCache.get(file);
  if (hit && hit.text === text) return hit;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  parsedCache.set(file, source);
  return source;
}

/**
 * Import specifiers of a module: those that survive compilation (type-only imports and exports
 * are erased), or with `withTypes` all of them; also `require(…)` and `require.resolve(…)`.
 */
export function importSpecifiers(file: string, text: string, withTypes = false): string[] {
  const source = parsed(file, text);
  const out: string[] = [];
  const literal = (node: ts.Node | undefined) =>
    node && ts.isStringLiteral(node) ? node.text : null;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      const spec = literal(node.moduleSpecifier);
      if (spec && (withTypes || !typeOnly)) out.push(spec);
    } else if (ts.isExportDeclaration(node)) {
      const spec = literal(node.moduleSpecifier);
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause !== undefined &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      if (spec && !typeOnly) out.push(spec);
    } else if (ts.isCallExpression(node) && isImportCall(node.expression)) {
      const spec = literal(node.arguments[0]);
      if (spec) out.push(spec);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** `import(…)`, `require(…)`, `require.resolve(…)`, `createRequire(…).resolve(…)`. */
function isImportCall(callee: ts.Expression): boolean {
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isIdentifier(callee)) return callee.text === 'require';
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'resolve' &&
    ((ts.isIdentifier(callee.expression) && callee.expression.text === 'require') ||
      (ts.isCallExpression(callee.expression) &&
        ts.isIdentifier(callee.expression.expression) &&
        callee.expression.expression.text === 'createRequire'))
  );
}

let cache: Map<string, SourceFile> | null = null;

/** Every source file under SOURCE_DIRS, by repo-relative path. */
export function sourceGraph(): Map<string, SourceFile> {
  if (cache) return cache;
  cache = new Map();
  for (const dir of SOURCE_DIRS)
    for (const full of walk(path.join(repoRoot, dir))) {
      const file = rel(full);
      const text = readFileSync(full, 'utf8');
      cache.set(file, {
        file,
        text,
        imports: importSpecifiers(file, text).map((s) => resolve(file, s)),
      });
    }
  return cache;
}

/** Package name of a bare specifier: `wxt/browser` → `wxt`, `@noble/hashes/sha2.js` → `@noble/hashes`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export const isLocal = (specifier: string): boolean => sourceGraph().has(specifier);

/**
 * Every module `file` reaches through run-time imports, with the chain that reaches it (for a
 * readable failure): `{ 'lib/store/db.ts': ['lib/evidence/x.ts', 'lib/store/db.ts'] }`.
 */
export function reachable(file: string): Map<string, string[]> {
  const graph = sourceGraph();
  const seen = new Map<string, string[]>([[file, [file]]]);
  const queue = [file];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const next of graph.get(at)?.imports ?? []) {
      if (seen.has(next)) continue;
      seen.set(next, [...seen.get(at)!, next]);
      if (graph.has(next)) queue.push(next);
    }
  }
  return seen;
}

/** The files whose repo-relative path starts with one of `prefixes`. */
export function filesUnder(...prefixes: string[]): string[] {
  return [...sourceGraph().keys()].filter((f) => prefixes.some((p) => f.startsWith(p)));
}
