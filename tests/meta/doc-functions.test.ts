// A doc that names a function the code no longer has sends the reader to nothing, and hides that
// what it describes changed (issue 19: ARCHITECTURE.md named functions only tests called, or none).
// Every `name()` or `Owner.name(…)` quoted in the docs must be declared in the code or the tests
// (the tests' helpers are named where the docs say how to write a test); the few browser and
// platform APIs the docs quote are listed below by name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-fixtures';
import { docs } from './support/docs';
import { sourceGraph } from './support/source-graph';

/** Calls the docs quote that belong to the browser or the platform, not to Dalel. */
const PLATFORM_CALLS = new Set([
  'getBackgroundPage', // runtime.getBackgroundPage()
  'Function', // zod's probe Function('')
  'doCommand', // Firefox's toolbar button element
  'openPopup', // browserAction.openPopup()
  'querySelector', // querySelector(All)
  'arrayBuffer', // Blob.arrayBuffer()
  'TODO', // the TODO(issue-N) comment convention
  // Dexie's Table, Collection and Version methods, quoted in docs/mutation-survivors.md's reasons
  'orderBy',
  'sortBy',
  'bulkAdd',
  'bulkDelete',
  'bulkGet',
  'upgrade',
  'subarray', // Uint8Array.subarray()
]);

/** The called name of each `name(…)` / `a.b.name(…)` in backticks. */
export function quotedCalls(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/`([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\([^`]*\)`/g))
    found.add(m[1]!.split('.').at(-1)!);
  return [...found];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : walk(full);
    return /\.(ts|tsx|mts|mjs)$/.test(name) ? [full] : [];
  });
}

let code: string | null = null;
/** The text of every source and test file (scripts' .mjs included). */
function allCode(): string {
  code ??= [
    ...[...sourceGraph().values()].map((f) => f.text),
    ...['tests', 'scripts'].flatMap((d) =>
      walk(path.join(repoRoot, d)).map((f) => readFileSync(f, 'utf8')),
    ),
  ].join('\n');
  return code;
}

/** Declared as a function, variable, class, method or property holding a function. */
export function declares(text: string, name: string): boolean {
  const n = name.replace(/\$/g, '\\$');
  return [
    new RegExp(`function\\*?\\s+${n}\\b`),
    new RegExp(`\\b(?:const|let|var|class)\\s+${n}\\b`),
    new RegExp(
      `^\\s*(?:(?:public|private|protected|static|async|readonly|get|set|override)\\s+)*\\*?${n}\\s*[(<]`,
      'm',
    ),
    new RegExp(`\\b${n}\\s*[:=]\\s*(?:async\\s*)?(?:\\(|function\\b|[A-Za-z_$][\\w$]*\\s*=>)`),
  ].some((re) => re.test(text));
}

describe('functions named in the docs exist', () => {
  for (const doc of docs())
    it(doc, () => {
      const text = readFileSync(path.join(repoRoot, doc), 'utf8');
      const missing = quotedCalls(text).filter(
        (name) => !PLATFORM_CALLS.has(name) && !declares(allCode(), name),
      );
      expect(missing).toEqual([]);
    });

  it('the checker finds quoted calls and declarations (and misses what is not there)', () => {
    expect(quotedCalls('`runCapture()`, `ImportsRepo.commit(x)`, `lib/a.ts`, `npm test`')).toEqual([
      'runCapture',
      'commit',
    ]);
    expect(declares('export async function runCapture(', 'runCapture')).toBe(true);
    expect(declares('  async commit(input: X) {', 'commit')).toBe(true);
    expect(declares('const chainFaults = (e) => 1', 'chainFaults')).toBe(true);
    expect(declares('const x = chainFaults(log);', 'chainFaults')).toBe(false);
    expect(declares(allCode(), 'findEquivocation')).toBe(false);
    expect(declares(allCode(), 'chainFaults')).toBe(true);
  });
});
