// `npm test` retries a failed browser test once: one that passed only on its retry is flaky. It
// does not fail the run, but the summary names it, marked, with the error of the try that failed,
// and ends with a loud line counting them; a test that failed every try is named with its error.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import * as testReport from '../../../scripts/test-report.mjs';

const { countPlaywright, countVitest, playwrightFailures, summaryLines, vitestFailures } =
  testReport;

/** The shape of Playwright's JSON reporter output (suites = files → describes → specs → tests). */
const report = {
  stats: { expected: 5, unexpected: 1, flaky: 2, skipped: 1 },
  suites: [
    {
      title: 'capture.spec.ts',
      file: 'capture.spec.ts',
      specs: [
        {
          title: 'captures a post',
          file: 'capture.spec.ts',
          line: 12,
          tests: [
            {
              status: 'flaky',
              projectName: '',
              results: [
                { status: 'failed', error: { message: 'expected 2 captures\nreceived 1' } },
                { status: 'passed' },
              ],
            },
          ],
        },
        {
          title: 'steady',
          file: 'capture.spec.ts',
          line: 40,
          tests: [{ status: 'expected', projectName: '', results: [{ status: 'passed' }] }],
        },
      ],
      suites: [
        {
          title: 'under the lock',
          file: 'capture.spec.ts',
          specs: [
            {
              title: 'seals',
              file: 'capture.spec.ts',
              line: 77,
              tests: [
                {
                  status: 'flaky',
                  projectName: 'chromium',
                  results: [
                    {
                      status: 'timedOut',
                      errors: [{ message: 'Test timeout of 30000ms exceeded.' }],
                    },
                    { status: 'passed' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('test report: counting', () => {
  it('counts a test that passed on its retry as passed, and as flaky, not as failed', () => {
    expect(countPlaywright(report)).toEqual({ passed: 7, failed: 1, skipped: 1, flaky: 2 });
    const clean = { stats: { expected: 3, unexpected: 0, flaky: 0, skipped: 0 }, suites: [] };
    expect(countPlaywright(clean)).toEqual({ passed: 3, failed: 0, skipped: 0, flaky: 0 });
  });

  it('reads vitest counts, todo tests as skipped, a pass that carries an error as flaky', () => {
    expect(countVitest({ ...vitest, numPendingTests: 2, numTodoTests: 1 })).toEqual({
      passed: 2,
      failed: 1,
      skipped: 3,
      flaky: 1,
    });
  });
});

/** vitest's JSON report as `--retry=1` writes it: a pass on retry keeps the first try's error. */
const vitest = {
  numPassedTests: 2,
  numFailedTests: 1,
  numPendingTests: 0,
  numTodoTests: 0,
  testResults: [
    {
      name: '/repo/tests/browser/store.test.ts',
      assertionResults: [
        { status: 'passed', fullName: 'seeds', failureMessages: [] },
        { status: 'passed', fullName: 'seals', failureMessages: ['AbortError: aborted'] },
        {
          status: 'failed',
          fullName: 'store › breaks',
          failureMessages: ['expected 1 to be 2', 'expected 1 to be 2'],
        },
      ],
    },
  ],
};

describe('test report: naming failed and flaky tests', () => {
  it('names each failed Playwright test with its last error, each flaky one with the failed try', () => {
    const failed = {
      suites: [
        {
          title: 'export.spec.ts',
          specs: [
            {
              title: 'exports',
              file: 'export.spec.ts',
              line: 9,
              tests: [
                {
                  status: 'unexpected',
                  results: [
                    { status: 'failed', error: { message: 'first try' } },
                    { status: 'failed', errors: [{ message: 'Timeout 5000ms exceeded' }] },
                  ],
                },
              ],
            },
          ],
          suites: [{ title: 'nested', specs: report.suites[0]!.specs }],
        },
      ],
    };
    expect(playwrightFailures(failed)).toEqual([
      { flaky: false, title: 'export.spec.ts:9 › exports', message: 'Timeout 5000ms exceeded' },
      {
        flaky: true,
        title: 'capture.spec.ts:12 › nested › captures a post',
        message: 'expected 2 captures\nreceived 1',
      },
    ]);
    expect(playwrightFailures(report)).toEqual([
      {
        flaky: true,
        title: 'capture.spec.ts:12 › captures a post',
        message: 'expected 2 captures\nreceived 1',
      },
      {
        flaky: true,
        title: 'capture.spec.ts:77 › under the lock › seals [chromium]',
        message: 'Test timeout of 30000ms exceeded.',
      },
    ]);
  });

  it('names each failed or flaky vitest test by its file relative to the checkout', () => {
    expect(vitestFailures(vitest, '/repo')).toEqual([
      { flaky: true, title: 'tests/browser/store.test.ts › seals', message: 'AbortError: aborted' },
      {
        flaky: false,
        title: 'tests/browser/store.test.ts › store › breaks',
        message: 'expected 1 to be 2',
      },
    ]);
  });
});

describe('test report: the summary', () => {
  const results = [
    {
      name: 'unit tests (vitest)',
      ok: true,
      seconds: '12.0',
      counts: { passed: 9, failed: 0, skipped: 0, flaky: 0 },
      failures: [],
    },
    {
      name: 'end-to-end (Playwright + Chromium)',
      ok: false,
      seconds: '300.5',
      counts: { passed: 7, failed: 1, skipped: 1, flaky: 1 },
      failures: [
        {
          flaky: false,
          title: 'export.spec.ts:9 › exports',
          message:
            '\u001b[31mError: Timeout\u001b[39m\n\n' + 'x'.repeat(300) + '\nl3\nl4\nl5\nl6\nl7',
        },
        { flaky: true, title: 'capture.spec.ts:12 › captures a post', message: 'expected 2' },
      ],
    },
    { name: 'build chrome-mv3', ok: true, seconds: '40.0', counts: null, failures: [] },
  ];
  const strip = stripVTControlCharacters;
  const lines: string[] = summaryLines(results, { passed: 16, failed: 1, skipped: 1 }, strip);

  it('one line per step with its counts (flaky ones counted only where there are some)', () => {
    expect(lines).toContain('PASS  unit tests (vitest) (9 passed, 0 failed, 0 skipped)  12.0s');
    expect(lines).toContain(
      'FAIL  end-to-end (Playwright + Chromium) (7 passed, 1 failed, 1 skipped, 1 flaky)  300.5s',
    );
    expect(lines).toContain('PASS  build chrome-mv3  40.0s');
  });

  it('a failed test with the first six lines of its error, uncoloured and cut at 200 characters', () => {
    const at = lines.indexOf('      ✘ export.spec.ts:9 › exports');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 7)).toEqual([
      '          Error: Timeout',
      `          ${'x'.repeat(200)}`,
      '          l3',
      '          l4',
      '          l5',
      '          l6',
    ]);
    expect(lines[at + 7]).not.toContain('l7');
  });

  it('a flaky test marked as such, and a loud closing line that says it did not fail the run', () => {
    const at = lines.indexOf(
      '      ~ flaky (failed, then passed on its retry): capture.spec.ts:12 › captures a post',
    );
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('          expected 2');
    expect(lines.at(-2)).toBe('16 passed, 1 failed, 1 skipped');
    expect(lines.at(-1)).toMatch(/^⚠ FLAKY: 1 test\(s\) failed and then passed on their retry/);
    expect(lines.at(-1)).toContain('do not fail npm test');
  });

  it('no flaky line when nothing was flaky', () => {
    const clean = summaryLines([results[0]], { passed: 9, failed: 0, skipped: 0 });
    expect(clean.at(-1)).toBe('9 passed, 0 failed, 0 skipped');
    expect(clean.join('\n')).not.toContain('FLAKY');
  });
});
