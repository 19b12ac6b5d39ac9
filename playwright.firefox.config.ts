import { defineConfig } from '@playwright/test';
import { e2eWorkers } from './tests/support/e2e-workers';

// The real-Firefox suite (tests/e2e-firefox): Debian's firefox-esr driven over WebDriver BiDi
// (tests/e2e-firefox/support), no Playwright browser. Each test starts its own Firefox with its
// own profile, proxy and ports, so tests can run side by side.
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  workers: e2eWorkers(),
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  globalSetup: './tests/e2e-firefox/support/global-setup.ts',
  outputDir: 'test-results/firefox',
});
