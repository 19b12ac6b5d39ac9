#!/usr/bin/env node
// `npm run mutate [-- target…] [--report] [--force]`: mutation testing, one target at a time (see
// stryker.config.mjs), niced, then a score per target from its incremental report, and the
// survivors that docs/mutation-survivors.md does not explain. Not part of `npm test`: a full run
// takes hours on two shared cores; re-runs are incremental (only what changed is tested again).
// `--report` only reads the last reports. `--force` tests every mutant again: after adding tests,
// Stryker's incremental mode was seen to keep a mutant's earlier "survived" although a new test
// kills it. Exits 1 when a target scores under 85% or a survivor is unexplained.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { QUICK, TARGETS } from '../stryker.config.mjs';

const ALL = {
  ...TARGETS,
  ...Object.fromEntries(Object.entries(QUICK).map(([k, v]) => [k, v.mutate])),
};

const MIN_SCORE = 85;
const SURVIVORS_DOC = 'docs/mutation-survivors.md';
const args = process.argv.slice(2);
const reportOnly = args.includes('--report');
const force = args.includes('--force');
const asked = args.filter((a) => !a.startsWith('--'));
const targets = asked.length > 0 ? asked : Object.keys(TARGETS);
for (const t of targets)
  if (!(t in ALL)) throw new Error(`unknown target ${t}: ${Object.keys(ALL).join(', ')}`);

/** The survivors the doc explains: rows `| file | line | mutator | replacement | why |`. */
function explained() {
  if (!existsSync(SURVIVORS_DOC)) return [];
  return (
    readFileSync(SURVIVORS_DOC, 'utf8')
      .split('\n')
      // Cells split at unescaped bars: a replacement such as `a \|\| b` keeps its `\|`.
      .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()))
      .filter((cells) => cells.length >= 6 && /^lib\//.test(unquote(cells[1])))
      .map((cells) => ({
        file: unquote(cells[1]),
        mutator: cells[3],
        replacement: normalise(unquote(cells[4])),
      }))
  );
}
const unquote = (s) => s.replace(/^`+|`+$/g, '').replace(/\\\|/g, '|');
const normalise = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * A glob of stryker.config.mjs as a regular expression: `**` any folders, `*` and `?` within one
 * name (the only forms used there). A `:from-to` line range is dropped: the whole file counts.
 */
function globRegExp(glob) {
  const pattern = glob
    .replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, '')
    .split(/(\*\*\/|\/\*\*$|\*\*|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '/**') return '(?:/.*)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${pattern}$`);
}

/** Whether a target's globs select `path`, read in order as Stryker does (`!` takes it out). */
function selects(globs, path) {
  let selected = false;
  for (const glob of globs) {
    const negated = glob.startsWith('!');
    if (globRegExp(negated ? glob.slice(1) : glob).test(path)) selected = !negated;
  }
  return selected;
}

function summarise(target, known) {
  const file = `reports/mutation/${target}.incremental.json`;
  if (!existsSync(file)) return { target, missing: true };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
  const unexplained = [];
  let equivalent = 0;
  const pool = [...known];
  for (const [path, { mutants }] of Object.entries(report.files)) {
    // The incremental report keeps files that have since left the target (moved to another one).
    if (!selects(ALL[target], path)) continue;
    for (const m of mutants) {
      counts[m.status in counts ? m.status : 'other']++;
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const replacement = normalise(m.replacement ?? '');
      const at = pool.findIndex(
        (k) => k.file === path && k.mutator === m.mutatorName && k.replacement === replacement,
      );
      if (at >= 0) {
        pool.splice(at, 1);
        equivalent++;
      } else
        unexplained.push(
          `${path}:${m.location.start.line} ${m.mutatorName} ${m.status} → ${replacement.slice(0, 100)}`,
        );
    }
  }
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  const adjusted = valid - equivalent === 0 ? 100 : (100 * detected) / (valid - equivalent);
  return { target, counts, score, adjusted, equivalent, unexplained };
}

if (!reportOnly) {
  for (const target of targets) {
    console.log(`\n━━ mutate ${target}: ${ALL[target].join(' ')}`);
    const stryker = ['node_modules/.bin/stryker', 'run', ...(force ? ['--force'] : [])];
    const run = spawnSync('nice', ['-n', '19', ...stryker], {
      stdio: 'inherit',
      env: { ...process.env, DALEL_MUTATE_TARGET: target },
    });
    if (run.status !== 0) console.log(`stryker exited ${run.status} for ${target}`);
  }
}

const known = explained();
let ok = true;
console.log('\n━━ mutation score per target (killed + timed out) / (all but ignored)');
for (const target of targets) {
  const s = summarise(target, known);
  if (s.missing) {
    console.log(`${target}: no report yet (npm run mutate -- ${target})`);
    ok = false;
    continue;
  }
  const c = s.counts;
  console.log(
    `${target}: ${s.score.toFixed(1)}% (${s.adjusted.toFixed(1)}% without ${s.equivalent} explained equivalents) — ` +
      `${c.Killed} killed, ${c.Timeout} timed out, ${c.Survived} survived, ${c.NoCoverage} not covered, ${c.Ignored} ignored (static)`,
  );
  if (s.adjusted < MIN_SCORE) ok = false;
  if (s.unexplained.length > 0) {
    ok = false;
    console.log(
      `  ${s.unexplained.length} survivors neither killed nor explained in ${SURVIVORS_DOC}:`,
    );
    for (const line of s.unexplained) console.log(`    ${line}`);
  }
}
process.exit(ok ? 0 : 1);
