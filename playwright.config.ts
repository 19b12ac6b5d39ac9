import { defineConfig } from '@playwright/test';
import { e2eWorkers } from './tests/support/e2e-workers';

/**
 * Tests that fill a disk, write hundreds of megabytes or restart the worker mid-way: two of them
 * side by side on two cores starve each other past any sane timeout, so they take turns (one at
 * a time), while the rest of the suite runs beside them.
 */
const HEAVY = [
  'reliability-*.spec.ts',
  'capture-storage-full.spec.ts',
  'locker-resilience.spec.ts',
  'locker-pull.spec.ts',
  'ui-paging.spec.ts',
];

// Each test launches its own Chromium with the built extension and a fresh profile (see
// tests/e2e/support/launch.ts), so tests share nothing and can run side by side.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: e2eWorkers(),
  // Generous: with two browsers side by side, CPU-heavy steps (export, key derivation) take longer.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/support/global-setup.ts',
  use: { trace: 'retain-on-failure' },
  outputDir: 'test-results',
  projects: [
    { name: 'chromium', testIgnore: HEAVY },
    { name: 'chromium-heavy', testMatch: HEAVY, workers: 1 },
  ],
});
