import { defineConfig } from 'vitest/config';

import { StallReporter } from '@lfx/testing/vitest';

export default defineConfig({
  test: {
    reporters: ['default', new StallReporter()],
    include: ['test/**/*.test.ts'],
    // The demo test runs the whole demo in a child process: about 10 s alone, and 26 s measured
    // during a parallel `pnpm test` on 2 vCPUs. The limits leave room for slower CI machines.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
