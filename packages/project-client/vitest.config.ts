import { defineConfig } from 'vitest/config';

import { StallReporter } from '@lfx/testing/vitest';

export default defineConfig({
  test: {
    reporters: ['default', new StallReporter()],
    // The type tests (*.test-d.ts) are compiled by the package's `typecheck` task, not here:
    // vitest's typecheck mode keeps its tsbuildinfo in vitest's own folder, one file that every
    // package's test run would share while turbo runs them in parallel.
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
