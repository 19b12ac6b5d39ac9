#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find, then one summary line.
// Test counts come from the runners' JSON reports; a failed non-test step counts as one failure.
// The browser suites retry a failed test once; a test that passed only on its retry is flaky: it
// does not fail the run, and the summary names it loudly (scripts/test-report.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import {
  countPlaywright,
  countVitest,
  playwrightFailures,
  summaryLines,
  vitestFailures,
} from './test-report.mjs';

const REPORTS = '.tmp/reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const steps = [
  { name: 'check (typecheck, lint, format)', cmd: 'npm run -s check' },
  {
    name: 'unit tests (vitest)',
    cmd: `npx vitest run --reporter=default --reporter=json --outputFile.json=${REPORTS}/vitest.json`,
    report: `${REPORTS}/vitest.json`,
    count: countVitest,
    failures: vitestFailures,
  },
  {
    name: 'store on Chromium IndexedDB (vitest browser mode)',
    cmd: `npx vitest run -c vitest.browser.config.ts --retry=1 --reporter=default --reporter=json --outputFile.json=${REPORTS}/vitest-browser.json`,
    report: `${REPORTS}/vitest-browser.json`,
    count: countVitest,
    failures: vitestFailures,
  },
  { name: 'build chrome-mv3', cmd: 'npm run -s build' },
  { name: 'build firefox-mv2', cmd: 'npm run -s build:firefox' },
  { name: 'web-ext lint (firefox)', cmd: 'npm run -s lint:firefox' },
  {
    name: 'end-to-end (Playwright + Chromium)',
    cmd: 'npx playwright test --retries=1 --reporter=list,json',
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright.json` },
    report: `${REPORTS}/playwright.json`,
    count: countPlaywright,
    failures: playwrightFailures,
  },
  {
    name: 'end-to-end (Firefox ESR over WebDriver BiDi)',
    cmd: 'npx playwright test -c playwright.firefox.config.ts --retries=1 --reporter=list,json',
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright-firefox.json` },
    report: `${REPORTS}/playwright-firefox.json`,
    count: countPlaywright,
    failures: playwrightFailures,
  },
];

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
for (const line of summaryLines(results, totals, stripVTControlCharacters)) console.log(line);
process.exit(results.every((r) => r.ok) ? 0 : 1);
