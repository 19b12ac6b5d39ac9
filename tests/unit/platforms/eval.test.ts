import { describe, expect, it } from 'vitest';
import { runEval, summarise, type EvalCase } from '../../../cli/eval-fixtures';
import { EXPECTED_DIR, HANDMADE_DIR, realFixturesDir } from './expectations';

/**
 * The goal: field accuracy over all fixtures ≥ 95% of expected fields. Real saved pages
 * (from the shared fixtures) and hand-made fixtures are judged together; the number is printed.
 */
describe('field accuracy over every fixture with an expected record', () => {
  it('is at least 95%', async () => {
    const real = realFixturesDir();
    const cases: EvalCase[] = [...(await runEval(HANDMADE_DIR)).cases];
    if (real) cases.push(...(await runEval(real, EXPECTED_DIR)).cases);
    else
      console.warn('[eval] shared fixtures not found (set DALEL_SHARED): hand-made fixtures only');
    const report = summarise(cases);
    const misses = cases.flatMap((c) =>
      c.error
        ? [`${c.fixture}: ${c.error}`]
        : c.results.filter((r) => !r.ok).map((r) => `${c.fixture} ${r.path}`),
    );
    console.log(
      `[eval] field accuracy ${report.matched}/${report.total} = ${(report.accuracy * 100).toFixed(1)}% over ${cases.length} fixtures${real ? '' : ' (hand-made only)'}`,
    );
    if (misses.length) console.log(`[eval] misses:\n  ${misses.join('\n  ')}`);
    expect(cases.length).toBeGreaterThan(0);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
