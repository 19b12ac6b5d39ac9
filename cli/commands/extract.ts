import { EXIT, UsageError, type Command, type Io } from '../command';
import { formatReport, runEval, summarise } from '../eval-fixtures';
import { extractFile, InputError, parseUrl } from '../load-input';
import { flattenForDisplay } from '../record-compare';
import type { ExtractedRecord } from '../../lib/platforms/record';

const USAGE = `Usage:
  dalel extract <file.html|file.json> --url <original URL> [--target <css>] [--content-type <v>] [--json]
      Prints the record the extractors read from a saved page or API response.
      Pretty by default; --json prints the record as JSON.
      --target <css>: the element a monitor pointed at; the record is the post around it
        (as "Capture this post" does in the browser).
      --content-type <v>: the HTTP Content-Type the page was served with; its charset wins over
        the page's <meta charset>. Without it: byte-order mark, then <meta>, then UTF-8.
  dalel extract --eval <fixtures-dir> [--expected <expected-dir>] [--json]
      Runs every fixture that has an expected record and prints field accuracy.
      The expected record for fixture F is F.expected.json, e.g. post.html.expected.json:
      beside F, or at the same relative path under --expected (real saved pages stay
      outside the repo; their expectations live in tests/fixtures/expected).
      An expected file is {"url": "<original URL>", "expected": {<fields read off the page>}};
      only the fields it lists are judged. Optional "target" (CSS selector) judges the post
      around that element; page.html@label.expected.json names one of several posts of page.html.

Exit codes: 0 ok; 2 unreadable input, a bad URL or bad usage.`;

interface Options {
  file?: string;
  url?: string;
  json: boolean;
  evalDir?: string;
  expectedDir?: string;
  target?: string;
  contentType?: string;
}

function parseArgs(args: string[]): Options {
  const options: Options = { json: false };
  const valueFlags: Record<string, keyof Options> = {
    '--url': 'url',
    '--eval': 'evalDir',
    '--expected': 'expectedDir',
    '--target': 'target',
    '--content-type': 'contentType',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg in valueFlags) {
      const value = args[++i];
      if (!value || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      (options as unknown as Record<string, string>)[valueFlags[arg]!] = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (options.file)
      throw new UsageError(`only one input file, got "${options.file}" and "${arg}"`);
    else options.file = arg;
  }
  return options;
}

async function run(args: string[], io: Io): Promise<number> {
  const options = parseArgs(args);
  try {
    if (options.evalDir) return await evaluate(options, io);
    if (!options.file) throw new UsageError('missing <file.html|file.json> (or --eval <dir>)');
    if (!options.url) throw new UsageError('missing --url <original URL>');
    const record = await extractFile(options.file, parseUrl(options.url, '--url'), {
      target: options.target,
      contentType: options.contentType,
    });
    io.out(options.json ? JSON.stringify(record, null, 2) : pretty(record));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.err(`dalel extract: ${error.message}`);
    return EXIT.usage;
  }
}

async function evaluate(options: Options, io: Io): Promise<number> {
  if (options.file) throw new UsageError('--eval takes a directory, not an input file');
  const report = await runEval(options.evalDir!, options.expectedDir);
  if (!report.cases.length) throw new InputError(`${options.evalDir}: no *.expected.json found`);
  io.out(options.json ? JSON.stringify(summarise(report.cases), null, 2) : formatReport(report));
  return EXIT.ok;
}

function pretty(record: ExtractedRecord): string {
  const { warnings, sources = {}, extractor, ...rest } = record;
  const lines = [
    `${record.platform} ${record.kind}  (extractor ${extractor.name} ${extractor.version})`,
  ];
  for (const [path, value] of flattenForDisplay(rest)) {
    if (value === null || (Array.isArray(value) && !value.length)) continue;
    const source = sources[path] ?? sources[path.replace(/\.\d+(\..*)?$/, '')];
    const shown =
      typeof value === 'string' ? value.replace(/\n/g, '\n    ') : JSON.stringify(value);
    lines.push(`  ${path}: ${shown}${source ? `   [${source}]` : ''}`);
  }
  lines.push(warnings.length ? 'warnings:' : 'warnings: none');
  for (const warning of warnings) lines.push(`  - ${warning}`);
  return lines.join('\n');
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'print the record extracted from a saved page; --eval measures field accuracy',
  usage: USAGE,
  run,
};
