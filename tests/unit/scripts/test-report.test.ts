// `npm test` counts a Playwright test that failed and passed on retry as flaky, names it, and
// (unless DALEL_ALLOW_FLAKY) counts it as failed, so a retry cannot turn a race into a pass.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import * as testReport from '../../../scripts/test-report.mjs';

const { countPlaywright, countVitest, flakyTests, playwrightFailures, vitestFailures } = testReport;

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
              results: [{ status: 'failed' }, { status: 'passed' }],
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
                  results: [{ status: 'timedOut' }, { status: 'passed' }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('test report counting', () => {
  it('names every flaky test with its place and its tries', () => {
    expect(flakyTests(report)).toEqual([
      'capture.spec.ts:12 › captures a post (failed → passed)',
      'capture.spec.ts:77 › under the lock › seals [chromium] (timedOut → passed)',
    ]);
  });

  it('counts flaky tests as failed by default', () => {
    expect(countPlaywright(report)).toEqual({
      passed: 5,
      failed: 3,
      skipped: 1,
      flaky: flakyTests(report),
    });
  });

  it('counts them as passed only when allowed, still naming them', () => {
    const counts = countPlaywright(report, { allowFlaky: true });
    expect(counts).toMatchObject({ passed: 7, failed: 1, skipped: 1 });
    expect(counts.flaky).toHaveLength(2);
  });

  it('a report without flaky tests has none to name', () => {
    const clean = { stats: { expected: 3, unexpected: 0, flaky: 0, skipped: 0 }, suites: [] };
    expect(countPlaywright(clean)).toEqual({ passed: 3, failed: 0, skipped: 0, flaky: [] });
  });

  it('reads vitest counts, todo tests as skipped', () => {
    expect(
      countVitest({ numPassedTests: 9, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 }),
    ).toEqual({ passed: 9, failed: 1, skipped: 3, flaky: [] });
  });

  it('names each failed test with its last error, never a flaky or passed one', () => {
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
                    { error: { message: 'first try' } },
                    { errors: [{ message: 'Timeout 5000ms exceeded' }] },
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
      { title: 'export.spec.ts:9 › exports', message: 'Timeout 5000ms exceeded' },
    ]);
    expect(playwrightFailures(report)).toEqual([]);
  });

  it('names each failed vitest test by its file relative to the checkout', () => {
    const r = {
      testResults: [
        {
          name: '/repo/tests/unit/a.test.ts',
          assertionResults: [
            { status: 'passed', fullName: 'a works' },
            { status: 'failed', fullName: 'a › breaks', failureMessages: ['expected 1 to be 2'] },
          ],
        },
      ],
    };
    expect(vitestFailures(r, '/repo')).toEqual([
      { title: 'tests/unit/a.test.ts › a › breaks', message: 'expected 1 to be 2' },
    ]);
  });
});
