import { defineConfig } from 'vitest/config';

// The unit tests under Stryker (stryker.config.mjs): the `unit` project of vitest.config.ts
// without tests/meta, which read the sources as text that Stryker has instrumented in its sandbox
// (they test conventions, not behaviour), and without the Ceph locker project except for the
// `services-locker` target. Also without
// eval.test.ts: one test over every fixture that the per-fixture expectation tests already check
// field by field, and the slowest to re-run for each mutant.
const withLocker = process.env.DALEL_MUTATE_TARGET === 'services-locker';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', ...(withLocker ? ['tests/locker/**/*.test.ts'] : [])],
    // One temporary folder for the run, and the locker tests' cluster booted once (as in
    // vitest.config.ts).
    globalSetup: [
      'tests/support/vitest-temp-dir.ts',
      ...(withLocker ? ['tests/locker/support/global-setup.ts'] : []),
    ],
    // And without sha256-large.test.ts: one hash of 512 MiB, minutes when instrumented.
    exclude: ['tests/unit/platforms/eval.test.ts', 'tests/unit/evidence/sha256-large.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    // Under Stryker the tests run niced, instrumented, beside other work: slow is not failing.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
