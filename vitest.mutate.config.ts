import { defineConfig } from 'vitest/config';

// The unit tests under Stryker (stryker.config.mjs): the `unit` project of vitest.config.ts
// without tests/meta, which read the sources as text that Stryker has instrumented in its sandbox
// (they test conventions, not behaviour), and without the Ceph locker project.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 30_000,
  },
});
