import { defineConfig } from 'vitest/config';

import { StallReporter } from '@lfx/testing/vitest';

export default defineConfig({
  test: {
    reporters: ['default', new StallReporter()],
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // The rehearsal's setup publishes and installs every package before the first test runs.
    hookTimeout: 600_000,
  },
});
