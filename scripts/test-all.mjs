#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find, then one summary line.
// Test counts come from the runners' JSON reports; a failed non-test step counts as one failure.
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORTS = '.tmp/reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const steps = [
  { name: 'check (typecheck, lint, format)', cmd: 'npm run -s check' },
  {
    name: 'unit tests (vitest)',
    cmd: `npx vitest run --reporter=default --reporter=json --outputFile.json=${REPORTS}/vitest.json`,
    report: `${REPORTS}/vitest.json`,
    count: (r) => ({
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests,
    }),
    failures: (r) =>
      r.testResults.flatMap((file) =>
        file.assertionResults
          .filter((a) => a.status === 'failed')
          .map((a) => ({
            title: `${file.name.replace(process.cwd() + '/', '')} › ${a.fullName}`,
            message: a.failureMessages?.[0] ?? '',
          })),
      ),
  },
  { name: 'build chrome-mv3', cmd: 'npm run -s build' },
  { name: 'build firefox-mv2', cmd: 'npm run -s build:firefox' },
  { name: 'web-ext lint (firefox)', cmd: 'npm run -s lint:firefox' },
  {
    name: 'end-to-end (Playwright + Chromium)',
    cmd: 'npx playwright test --retries=1 --reporter=list,json',
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright.json` },
    report: `${REPORTS}/playwright.json`,
    count: (r) => ({
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected,
      skipped: r.stats.skipped,
    }),
    failures: playwrightFailures,
  },
  {
    name: 'end-to-end (Firefox ESR over WebDriver BiDi)',
    cmd: 'npx playwright test -c playwright.firefox.config.ts --retries=1 --reporter=list,json',
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright-firefox.json` },
    report: `${REPORTS}/playwright-firefox.json`,
    count: (r) => ({
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected,
      skipped: r.stats.skipped,
    }),
    failures: playwrightFailures,
  },
];

// The summary names every failed test with the first lines of its error, because CI shows only
// the tail of the output. Browser tests get one retry on a loaded two-core machine; a test that
// needed it is named as flaky in the summary, so flakiness stays visible instead of hidden.
function playwrightFailures(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const last = test.results?.find((r) => r.status !== 'passed');
        out.push({
          flaky: test.status === 'flaky',
          title: `${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')}`,
          message: last?.error?.message ?? last?.errors?.[0]?.message ?? '',
        });
      }
    }
    for (const child of suite.suites ?? [])
      walk(child, child.title ? [...path, child.title] : path);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return out;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name}: ${step.cmd}`);
  const started = Date.now();
  const run = spawnSync(step.cmd, {
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  let counts = null;
  if (step.report && existsSync(step.report)) {
    counts = step.count(JSON.parse(readFileSync(step.report, 'utf8')));
    for (const k of Object.keys(totals)) totals[k] += counts[k];
  }
  if (!ok && (!counts || counts.failed === 0)) totals.failed += 1;
  let failures = [];
  try {
    if (step.report && existsSync(step.report) && step.failures)
      failures = step.failures(JSON.parse(readFileSync(step.report, 'utf8')));
  } catch (error) {
    failures = [{ title: `(could not read the report: ${error.message})`, message: '' }];
  }
  results.push({ name: step.name, ok, seconds, counts, failures });
}

console.log('\n━━ summary');
for (const r of results) {
  const c = r.counts
    ? ` (${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped)`
    : '';
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${c}  ${r.seconds}s`);
  for (const f of r.failures) {
    console.log(
      `      ${f.flaky ? '~ flaky (failed, then passed on its retry):' : '✘'} ${f.title}`,
    );
    for (const line of stripVTControlCharacters(f.message)
      .split('\n')
      .filter(Boolean)
      .slice(0, 6)) {
      console.log(`          ${line.slice(0, 200)}`);
    }
  }
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
