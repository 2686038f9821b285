import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // The rehearsal's setup publishes and installs every package before the first test runs.
    hookTimeout: 600_000,
  },
});
