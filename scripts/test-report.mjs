// How `npm test` (scripts/test-all.mjs) reads the runners' JSON reports and prints its summary.
// Kept apart so it is tested (tests/unit/scripts/test-report.test.ts).
//
// The browser suites (vitest browser mode, Playwright in Chromium and Firefox) retry a failed test
// once, because a loaded two-core CI machine is slow, not broken. A test that passed only on its
// retry is flaky: it counts as passed and does not fail `npm test`, but the summary names it, with
// the error of the try that failed, and ends with a loud line counting them, so flakiness stays
// visible instead of hidden. A test that failed every try fails the run.

/** vitest's JSON report → counts. A passed test that carries a failure message passed on retry. */
export function countVitest(r) {
  const flaky = vitestFailures(r).filter((f) => f.flaky).length;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
    flaky,
  };
}

/** Playwright's JSON report → counts; a test that passed on its retry is passed, and flaky. */
export function countPlaywright(r) {
  return {
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
    flaky: r.stats.flaky,
  };
}

/**
 * `{flaky, title, message}` of every failed test in a vitest JSON report, and of every test that
 * passed only on a retry (vitest keeps the errors of the tries that failed), with its first error.
 */
export function vitestFailures(r, cwd = process.cwd()) {
  return (r.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter(
        (a) => a.status === 'failed' || (a.status === 'passed' && a.failureMessages?.length > 0),
      )
      .map((a) => ({
        flaky: a.status === 'passed',
        title: `${file.name.replace(cwd + '/', '')} › ${a.fullName}`,
        message: a.failureMessages?.[0] ?? '',
      })),
  );
}

/**
 * `{flaky, title, message}` of every failed or flaky test in a Playwright JSON report: a failed
 * test with its last try's error, a flaky one with the error of the try that failed.
 */
export function playwrightFailures(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const flaky = test.status === 'flaky';
        const tries = test.results ?? [];
        const shown = flaky
          ? tries.findLast((t) => t.status !== 'passed')
          : tries[tries.length - 1];
        const project = test.projectName ? ` [${test.projectName}]` : '';
        out.push({
          flaky,
          title: `${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')}${project}`,
          message: shown?.error?.message ?? shown?.errors?.[0]?.message ?? '',
        });
      }
    }
    for (const child of suite.suites ?? [])
      walk(child, child.title ? [...path, child.title] : path);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return out;
}

const FLAKY_MARK = '~ flaky (failed, then passed on its retry):';

/**
 * The summary's lines: each step with its counts, every failed test named (✘) and every flaky one
 * marked, each with the first lines of its error (CI shows only the tail of the output).
 * `strip` removes terminal colours (node:util's stripVTControlCharacters).
 */
export function summaryLines(results, totals, strip = (s) => s) {
  const lines = [];
  for (const r of results) {
    const c = r.counts
      ? ` (${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped${
          r.counts.flaky ? `, ${r.counts.flaky} flaky` : ''
        })`
      : '';
    lines.push(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${c}  ${r.seconds}s`);
    for (const f of r.failures) {
      lines.push(`      ${f.flaky ? FLAKY_MARK : '✘'} ${f.title}`);
      for (const line of strip(f.message).split('\n').filter(Boolean).slice(0, 6))
        lines.push(`          ${line.slice(0, 200)}`);
    }
  }
  lines.push('');
  lines.push(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  const flaky = results.flatMap((r) => r.failures.filter((f) => f.flaky));
  if (flaky.length > 0)
    lines.push(
      `⚠ FLAKY: ${flaky.length} test(s) failed and then passed on their retry (marked ~ above). ` +
        `They do not fail npm test; a flaky test is a bug to fix, not to retry.`,
    );
  return lines;
}
