import { defineConfig } from 'vitest/config';

import { StallReporter } from './src/stall-reporter.js';

export default defineConfig({
  test: {
    reporters: ['default', new StallReporter()],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
