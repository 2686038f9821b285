import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { runNode } from './support/run-node.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/keys/', import.meta.url));
// V8 collects garbage after every 50 allocations, so collections land inside key exports.
const GC_FLAG = '--gc-interval=50';

describe('generateKeyObjects', () => {
  it('exports keys under constant garbage collection', async () => {
    const result = await runNode([GC_FLAG, '--import', 'tsx', 'export-under-gc.ts'], { cwd: FIXTURES, limitMs: 60_000 });

    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('exported 3000 key pairs\n');
  }, 90_000);
});
