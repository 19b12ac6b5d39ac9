import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// The store on real IndexedDB in Chromium (Debian's, as the e2e suite uses): fake-indexeddb in
// the unit tests differs where it matters (Blobs, cursors, durability; it hid a cursor bug).
// `npm run test:browser`, and a step of `npm test`.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: process.env.DALEL_CHROMIUM ?? '/usr/bin/chromium' },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
