import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts', 'web/e2e/**/*.test.ts'],
    // Builds web/dist when missing or stale, for the browser tests (web/e2e).
    globalSetup: ['web/e2e/global-setup.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
