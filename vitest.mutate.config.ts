import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests under Stryker (stryker.config.mjs). The meta tests read the sources as text,
// which Stryker has instrumented in its sandbox: they test conventions, not behaviour.
export default defineConfig({
  test: { ...base.test, include: ['tests/unit/**/*.test.ts'] },
});
