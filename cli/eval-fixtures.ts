import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareRecord, type FieldResult } from './record-compare';
import { extractFile, InputError, parseUrl } from './load-input';

/**
 * Field accuracy of the extractors over fixtures that have a person-written expected record.
 * The expectation for fixture `F` is `F.expected.json`: beside it, or at the same relative path
 * under a separate expected dir (real pages stay outside the repo; their expectations live in it).
 */

export interface Expectation {
  /** The page's original URL (the extractors dispatch on it). */
  url: string;
  /** Only the fields a person read off the page; absent fields are not judged. */
  expected: Record<string, unknown>;
  note?: string;
  /** CSS selector of the element a monitor pointed at: the post around it is judged. */
  target?: string;
  /** The HTTP Content-Type the page was served with (its charset), when it was saved. */
  contentType?: string;
}

export interface EvalCase {
  fixture: string;
  results: FieldResult[];
  error: string | null;
}

export interface EvalReport {
  cases: EvalCase[];
  total: number;
  matched: number;
  accuracy: number;
}

const SUFFIX = '.expected.json';

export async function runEval(fixturesDir: string, expectedDir?: string): Promise<EvalReport> {
  const root = expectedDir ?? fixturesDir;
  const expectationFiles = (await walk(root)).filter((f) => f.endsWith(SUFFIX)).sort();
  const cases: EvalCase[] = [];
  for (const file of expectationFiles) {
    // `page.html@post2.expected.json` judges one post of `page.html` (several per page).
    const relative = path
      .relative(root, file)
      .slice(0, -SUFFIX.length)
      .replace(/@[\w.-]+$/, '');
    const fixture = path.join(fixturesDir, relative);
    cases.push(await runCase(fixture, file));
  }
  return summarise(cases);
}

async function runCase(fixture: string, expectationFile: string): Promise<EvalCase> {
  let expectation: Expectation;
  try {
    expectation = await readExpectation(expectationFile);
    const record = await extractFile(fixture, parseUrl(expectation.url, expectationFile), {
      target: expectation.target,
      contentType: expectation.contentType,
    });
    const label = expectation.target ? `${fixture} [${expectation.target}]` : fixture;
    return { fixture: label, results: compareRecord(expectation.expected, record), error: null };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { fixture, results: [], error: error.message };
  }
}

export async function readExpectation(file: string): Promise<Expectation> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Expectation>;
  if (typeof parsed.url !== 'string') throw new InputError(`${file}: "url" must be a string`);
  if (!parsed.expected || typeof parsed.expected !== 'object') {
    throw new InputError(`${file}: "expected" must be an object`);
  }
  for (const key of ['target', 'contentType'] as const) {
    if (parsed[key] !== undefined && typeof parsed[key] !== 'string')
      throw new InputError(`${file}: "${key}" must be a string`);
  }
  return parsed as Expectation;
}

export function summarise(cases: EvalCase[]): EvalReport {
  const judged = cases.flatMap((c) => c.results);
  const matched = judged.filter((r) => r.ok).length;
  // A fixture that could not be read counts as one missed field so it cannot hide.
  const failed = cases.filter((c) => c.error).length;
  const total = judged.length + failed;
  return { cases, total, matched, accuracy: total ? matched / total : 0 };
}

async function walk(dir: string): Promise<string[]> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new InputError(`${dir}: not a directory`);
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out;
}

/** Human-readable eval report: one line per fixture, misses listed, total accuracy last. */
export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  for (const c of report.cases) {
    const ok = c.results.filter((r) => r.ok).length;
    lines.push(
      c.error ? `ERROR ${c.fixture}: ${c.error}` : `${ok}/${c.results.length}  ${c.fixture}`,
    );
    for (const miss of c.results.filter((r) => !r.ok)) {
      lines.push(`    ${miss.path}: expected ${show(miss.expected)}, got ${show(miss.actual)}`);
    }
  }
  const percent = (report.accuracy * 100).toFixed(1);
  lines.push(
    `field accuracy: ${report.matched}/${report.total} = ${percent}% over ${report.cases.length} fixtures`,
  );
  return lines.join('\n');
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
