// The "never"s of ARCHITECTURE.md ("Layers and boundaries", "Invariants") as failing checks over
// the run-time import graph (transitive: a pure module that imports a helper that imports Dexie
// fails too) and over the syntax of the sources. A rule broken today is listed with its file as a
// known exception and a TODO, so the rule holds for everything else and the exception cannot grow
// silently; removing the violation without removing the exception fails too (stale exception).
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  filesUnder,
  isLocal,
  packageOf,
  parsed,
  reachable,
  sourceGraph,
} from './support/source-graph';

/** ARCHITECTURE.md, "Layers and boundaries" 1, and the folders its code map calls pure. */
const PURE = [
  'lib/model/',
  'lib/platforms/',
  'lib/evidence/',
  'lib/i18n/translator.ts',
  'lib/search/',
  'lib/bulletin/',
  'lib/vault/',
  'lib/integrity/',
  'lib/capture/',
  'lib/locker/',
];
const BROWSER_OR_STORAGE_PACKAGES = [
  'dexie',
  'fake-indexeddb',
  'wxt',
  '#imports',
  'webextension-polyfill',
];
/** The pages: popup and dashboard, and the components they are made of. */
const PAGES = ['components/', 'entrypoints/popup/', 'entrypoints/dashboard/'];
/** Every content script: the capture script and the declared pointer script, and any added later. */
const contentScripts = () =>
  [...sourceGraph().keys()].filter((f) => /^entrypoints\/[^/]+\.content\.tsx?$/.test(f));
/** The declared content script that runs on every platform page: it may not talk at all. */
const POINTER_SCRIPT = 'entrypoints/pointer.content.ts';
/** Tools that run outside the extension and may open databases of their own. */
const TOOLS = ['bench/', 'scripts/', 'cli/'];

const isStore = (m: string) => m.startsWith('lib/store/');
const isPackage = (m: string, names: string[]) => !isLocal(m) && names.includes(packageOf(m));

/** `file > … > module` for every module reachable from one of `roots` that `bad` flags. */
function reaches(roots: string[], bad: (module: string) => boolean): string[] {
  const found = new Set<string>();
  for (const root of roots)
    for (const [module, chain] of reachable(root))
      if (module !== root && bad(module)) found.add(chain.join(' > '));
  return [...found].sort();
}

/** Files (outside `allowed` prefixes) where `matches` finds something, as `file:line`. */
function occurrences(
  allowed: string[],
  matches: (source: ts.SourceFile) => ts.Node[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { file, text } of sourceGraph().values()) {
    if (allowed.some((p) => file.startsWith(p))) continue;
    const source = parsed(file, text);
    const lines = matches(source).map(
      (n) => `${file}:${source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1}`,
    );
    if (lines.length > 0) out.set(file, lines);
  }
  return out;
}

function nodes(source: ts.SourceFile, pick: (node: ts.Node) => boolean): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (pick(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Known violations: file → why it is allowed for now. Each must still be a violation. */
function expectOnly(found: Map<string, string[]>, exceptions: Record<string, string>): void {
  const unexpected = [...found].filter(([file]) => !(file in exceptions)).flatMap(([, l]) => l);
  expect(unexpected, 'violations (see ARCHITECTURE.md, Invariants)').toEqual([]);
  const stale = Object.keys(exceptions).filter((file) => !found.has(file));
  expect(stale, 'exceptions that no longer occur: remove them from this test').toEqual([]);
}

describe('pure core', () => {
  const pure = filesUnder(...PURE);

  it('covers every folder it names', () => {
    for (const prefix of PURE) expect(filesUnder(prefix).length, prefix).toBeGreaterThan(0);
  });

  it('never reaches browser, wxt, Dexie or fake-indexeddb', () => {
    expect(reaches(pure, (m) => isPackage(m, BROWSER_OR_STORAGE_PACKAGES))).toEqual([]);
  });

  it('never reaches Node-only modules', () => {
    expect(reaches(pure, (m) => m.startsWith('node:'))).toEqual([]);
  });

  it('never reaches the store, the background or the messaging client', () => {
    expect(
      reaches(
        pure,
        (m) => isStore(m) || m.startsWith('lib/background/') || m === 'lib/messaging/client.ts',
      ),
    ).toEqual([]);
  });
});

describe('boundaries of the store', () => {
  it('only lib/store imports Dexie (tools may open databases of their own)', () => {
    const found = occurrences(['lib/store/', ...TOOLS], (source) =>
      nodes(
        source,
        (n) =>
          ts.isImportDeclaration(n) &&
          ts.isStringLiteral(n.moduleSpecifier) &&
          packageOf(n.moduleSpecifier.text) === 'dexie' &&
          !n.importClause?.isTypeOnly,
      ),
    );
    expectOnly(found, {});
  });

  it('only lib/store opens Dexie transactions', () => {
    const found = occurrences(['lib/store/', ...TOOLS], (source) =>
      nodes(
        source,
        (n) =>
          ts.isCallExpression(n) &&
          ts.isPropertyAccessExpression(n.expression) &&
          n.expression.name.text === 'transaction' &&
          n.arguments.length > 0 &&
          ts.isStringLiteral(n.arguments[0]!) &&
          /^(r|rw|readonly|readwrite)[!?]?$/.test(n.arguments[0].text),
      ),
    );
    expectOnly(found, {});
  });

  it('only lib/store touches the Dexie database (ctx.db) directly', () => {
    const found = occurrences(['lib/store/', ...TOOLS], (source) =>
      nodes(
        source,
        (n) =>
          ts.isPropertyAccessExpression(n) &&
          n.name.text === 'db' &&
          ts.isPropertyAccessExpression(n.expression) &&
          n.expression.name.text === 'ctx',
      ),
    );
    expectOnly(found, {});
  });

  it('only lib/store (and tools) use the global indexedDB', () => {
    const found = occurrences(['lib/store/', ...TOOLS], (source) =>
      nodes(source, (n) => {
        if (!ts.isIdentifier(n) || !['indexedDB', 'IDBFactory'].includes(n.text)) return false;
        const parent = n.parent;
        // `{ indexedDB: factory }` and `x.indexedDB` name a property, not the global.
        if (ts.isPropertyAssignment(parent) && parent.name === n) return false;
        if (ts.isPropertyAccessExpression(parent) && parent.name === n) return false;
        if (ts.isShorthandPropertyAssignment(parent)) return true;
        return !ts.isImportSpecifier(parent);
      }),
    );
    expectOnly(found, {});
  });

  it('the custody log is append-only: one add in CustodyRepo, no other write to its table', () => {
    const found = occurrences(TOOLS, (source) =>
      nodes(
        source,
        (n) =>
          ts.isCallExpression(n) &&
          ts.isPropertyAccessExpression(n.expression) &&
          ts.isPropertyAccessExpression(n.expression.expression) &&
          n.expression.expression.name.text === 'custody' &&
          /^(add|put|update|delete|bulkAdd|bulkPut|bulkDelete|clear|modify)$/.test(
            n.expression.name.text,
          ),
      ),
    );
    expect([...found.values()].flat()).toEqual([
      expect.stringMatching(/^lib\/store\/repositories\/custody-repo\.ts:\d+$/),
    ]);
    const text = sourceGraph().get('lib/store/repositories/custody-repo.ts')!.text;
    expect(text).toMatch(/\.custody\.add\(/);
  });
});

describe('contexts', () => {
  it('the content scripts never reach the store, Dexie, IndexedDB or the background', () => {
    expect(contentScripts()).toEqual(
      expect.arrayContaining(['entrypoints/capture.content.ts', POINTER_SCRIPT]),
    );
    expect(
      reaches(
        contentScripts(),
        (m) =>
          isStore(m) ||
          m.startsWith('lib/background/') ||
          isPackage(m, ['dexie', 'fake-indexeddb']),
      ),
    ).toEqual([]);
  });

  it('the pointer script sends and answers nothing: no messaging, no runtime, no port', () => {
    expect(reaches([POINTER_SCRIPT], (m) => m.startsWith('lib/messaging/'))).toEqual([]);
    const found = occurrences(TOOLS, (source) =>
      nodes(
        source,
        (n) =>
          ts.isPropertyAccessExpression(n) &&
          ['runtime', 'sendMessage', 'connect', 'postMessage'].includes(n.name.text),
      ),
    );
    const reached = new Set(reachable(POINTER_SCRIPT).keys());
    expect([...found].filter(([file]) => reached.has(file)).flatMap(([, l]) => l)).toEqual([]);
  });

  it('pages reach the store only through messages: they never import it, nor Dexie', () => {
    const pages = filesUnder(...PAGES);
    expect(pages.length).toBeGreaterThan(10);
    expect(reaches(pages, (m) => isStore(m) || isPackage(m, ['dexie', 'fake-indexeddb']))).toEqual(
      [],
    );
  });

  it('of the background, pages use only the export files they save (OPFS or memory)', () => {
    const used = new Set(
      reaches(filesUnder(...PAGES), (m) => m.startsWith('lib/background/')).map((chain) =>
        chain.split(' > ').at(-1)!,
      ),
    );
    expect([...used].sort()).toEqual(
      ['lib/background/export-file.ts', 'lib/background/memory-files.ts'].filter((f) =>
        used.has(f),
      ),
    );
  });

  it('every message listener is a known one, each parsing with zod (and the router checking the sender)', () => {
    const found = occurrences(TOOLS, (source) =>
      nodes(
        source,
        (n) =>
          ts.isCallExpression(n) &&
          ts.isPropertyAccessExpression(n.expression) &&
          n.expression.name.text === 'addListener' &&
          ts.isPropertyAccessExpression(n.expression.expression) &&
          ['onMessage', 'onMessageExternal', 'onConnect', 'onConnectExternal'].includes(
            n.expression.expression.name.text,
          ),
      ),
    );
    // A new listener is added here only after checking that it parses what it receives with a
    // schema of lib/messaging and, where it acts on a request, checks the sender.
    expect(Object.fromEntries([...found].map(([file, lines]) => [file, lines.length]))).toEqual({
      'lib/background/start.ts': 1, // → lib/messaging/router.ts: protocol.ts + ACCESS
      'entrypoints/capture.content.ts': 1, // sender.id, then content-protocol.ts
      'components/capture-api.ts': 1, // captureProgressSchema.safeParse
      'components/exchange-api.ts': 1, // exportProgressSchema.safeParse
    });
    for (const [file, schema] of [
      ['lib/background/start.ts', 'route'],
      ['lib/content/handle-request.ts', 'contentRequestSchema'],
      ['components/capture-api.ts', 'captureProgressSchema.safeParse'],
      ['components/exchange-api.ts', 'exportProgressSchema.safeParse'],
    ] as const)
      expect(sourceGraph().get(file)!.text, file).toContain(schema);
  });
});
