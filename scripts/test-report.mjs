// How `npm test` (scripts/test-all.mjs) counts the runners' JSON reports. Kept apart so it is
// tested (tests/unit/scripts/test-report.test.ts).

/** vitest's JSON report → counts. */
export function countVitest(r) {
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
    flaky: [],
  };
}

/**
 * Playwright's JSON report → counts. A test that failed and then passed on a retry is flaky: it is
 * listed by name, and counted as failed unless `allowFlaky` (a retry hides a real race as often as
 * a slow machine; CI fails on it so someone looks at the trace Playwright kept).
 */
export function countPlaywright(r, { allowFlaky = false } = {}) {
  const flaky = flakyTests(r);
  return {
    passed: r.stats.expected + (allowFlaky ? r.stats.flaky : 0),
    failed: r.stats.unexpected + (allowFlaky ? 0 : r.stats.flaky),
    skipped: r.stats.skipped,
    flaky,
  };
}

/** `file:line › title (project)` of every flaky test in a Playwright JSON report. */
export function flakyTests(r) {
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'flaky') {
          const tries = (test.results ?? []).map((x) => x.status).join(' → ');
          const name = [...titles, spec.title].filter(Boolean).join(' › ');
          const project = test.projectName ? ` [${test.projectName}]` : '';
          out.push(`${spec.file}:${spec.line} › ${name}${project} (${tries})`);
        }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // Top-level suites are the files (their title is the file name); nested ones are describes.
  for (const suite of r.suites ?? []) walk(suite, []);
  return out;
}

// The summary names every failed test with the first lines of its error, because CI shows only
// the tail of the output.

/** `{title, message}` of every failed test in a vitest JSON report. */
export function vitestFailures(r, cwd = process.cwd()) {
  return (r.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((a) => a.status === 'failed')
      .map((a) => ({
        title: `${file.name.replace(cwd + '/', '')} › ${a.fullName}`,
        message: a.failureMessages?.[0] ?? '',
      })),
  );
}

/** `{title, message}` of every failed test in a Playwright JSON report (its last try's error). */
export function playwrightFailures(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = test.results?.[test.results.length - 1];
        out.push({
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
