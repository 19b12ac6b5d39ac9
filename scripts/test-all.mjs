#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find (a group in brackets runs
// side by side), then one summary line.
// Test counts come from the runners' JSON reports; a failed non-test step counts as one failure.
// The browser suites retry a failed test once; a test that passed only on its retry is flaky: it
// does not fail the run, and the summary names it loudly (scripts/test-report.mjs).
import { spawn } from 'node:child_process';
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
  // Side by side: Vitest runs a project limited to one file at a time (the locker's, which shares
  // one Ceph cluster) only after every other file, leaving a core idle for a minute and a half;
  // as two processes the unit tests fill the cores while the locker's files wait on the cluster.
  [
    {
      name: 'unit tests (vitest)',
      cmd: `npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=${REPORTS}/vitest.json`,
      report: `${REPORTS}/vitest.json`,
      count: countVitest,
      failures: vitestFailures,
    },
    {
      name: 'team locker on Ceph RGW (vitest)',
      cmd: `npx vitest run --project locker --reporter=default --reporter=json --outputFile.json=${REPORTS}/vitest-locker.json`,
      report: `${REPORTS}/vitest-locker.json`,
      count: countVitest,
      failures: vitestFailures,
    },
  ],
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
for (const entry of steps) {
  const group = Array.isArray(entry) ? entry : [entry];
  // The first step of a group writes to the terminal as it runs; the others are kept and
  // printed when the group is done, so two outputs never interleave.
  const runs = await Promise.all(group.map((step, i) => run(step, i === 0)));
  for (const [i, step] of group.entries()) {
    if (i > 0) process.stdout.write(runs[i].output);
    results.push(outcome(step, runs[i]));
  }
}

/** Runs one step; resolves with its exit status, its time and (when not shown live) its output. */
function run(step, live) {
  console.log(`\n━━ ${step.name}: ${step.cmd}${live ? '' : ' (output below when it ends)'}`);
  const started = Date.now();
  const child = spawn(step.cmd, {
    shell: true,
    stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...step.env },
  });
  let output = live ? '' : `\n━━ ${step.name} (output)\n`;
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('close', (status) =>
      resolve({ status, output, seconds: ((Date.now() - started) / 1000).toFixed(1) }),
    );
  });
}

/** A step's line of the summary, from its exit status and its runner's JSON report. */
function outcome(step, { status, seconds }) {
  const ok = status === 0;
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
  return { name: step.name, ok, seconds, counts, failures };
}

console.log('\n━━ summary');
for (const line of summaryLines(results, totals, stripVTControlCharacters)) console.log(line);
process.exit(results.every((r) => r.ok) ? 0 : 1);
