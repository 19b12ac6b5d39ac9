import { defineConfig } from '@playwright/test';

// The real-Firefox suite (tests/e2e-firefox): Debian's firefox-esr driven over WebDriver BiDi
// (tests/e2e-firefox/support), no Playwright browser. Each test starts its own Firefox; one worker,
// because two cores and a browser per test are the budget.
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  globalSetup: './tests/e2e-firefox/support/global-setup.ts',
  outputDir: 'test-results/firefox',
});
