import { defineConfig } from '@playwright/test';
import { e2eWorkers } from './tests/support/e2e-workers';

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
});
