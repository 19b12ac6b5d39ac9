import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: the unit tests (Node, fake-indexeddb), and the team-locker tests against a real
// S3 engine (Ceph RGW), whose global setup boots the cluster only when one of its files runs.
export default defineConfig({
  test: {
    // Every core: Vitest's default leaves one idle, which on a two-core machine is half of it.
    maxWorkers: os.availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/meta/**/*.test.ts'],
          setupFiles: ['tests/unit/setup.ts'],
          globalSetup: ['tests/support/vitest-temp-dir.ts'],
          // A hang, not a slow test: two test files share two cores with the locker's cluster.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'locker',
          environment: 'node',
          include: ['tests/locker/**/*.test.ts'],
          setupFiles: ['tests/unit/setup.ts'],
          globalSetup: ['tests/support/vitest-temp-dir.ts', 'tests/locker/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One cluster for every file; the full-disk test must not stall another file's uploads.
          fileParallelism: false,
        },
      },
    ],
  },
});
