import { defineConfig } from 'vitest/config';

import { StallReporter } from '@lfx/testing/vitest';

export default defineConfig({
  test: {
    reporters: ['default', new StallReporter()],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
