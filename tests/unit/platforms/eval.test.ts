import { describe, expect, it } from 'vitest';
import { runEval, summarise, type EvalCase } from '../../../cli/eval-fixtures';
import { EXPECTED_DIR, FOUND_DIR, HANDMADE_DIR, realFixturesDir } from './expectations';

/**
 * Field accuracy of the extractors: ≥ 98% of expected fields on the project's own real pages
 * (the shared saved pages and the real pages found in public test suites), ≥ 95% over everything
 * with the hand-made fixtures. The numbers are printed.
 */
function report(name: string, cases: EvalCase[]) {
  const result = summarise(cases);
  const misses = cases.flatMap((c) =>
    c.error
      ? [`${c.fixture}: ${c.error}`]
      : c.results.filter((r) => !r.ok).map((r) => `${c.fixture} ${r.path}`),
  );
  console.log(
    `[eval] ${name}: field accuracy ${result.matched}/${result.total} = ${(result.accuracy * 100).toFixed(1)}% over ${cases.length} fixtures`,
  );
  if (misses.length) console.log(`[eval] ${name} misses:\n  ${misses.join('\n  ')}`);
  return result;
}

describe('field accuracy over every fixture with an expected record', () => {
  it('is at least 98% on real pages and 95% over all fixtures', async () => {
    const real = realFixturesDir();
    const found = (await runEval(FOUND_DIR)).cases;
    const shared = real ? (await runEval(real, EXPECTED_DIR)).cases : [];
    if (!real)
      console.warn('[eval] shared fixtures not found (set DALEL_SHARED): found pages only');
    const handmade = (await runEval(HANDMADE_DIR)).cases;
    const realPages = report('real pages', [...shared, ...found]);
    const all = report('all fixtures', [...shared, ...found, ...handmade]);
    expect(found.length).toBeGreaterThan(0);
    expect(handmade.length).toBeGreaterThan(0);
    expect(realPages.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(all.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
