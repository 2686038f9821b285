import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const FIXTURES = fileURLToPath(new URL('./fixtures/keys/', import.meta.url));
// V8 collects garbage after every 50 allocations, so collections land inside key exports.
const GC_FLAG = '--gc-interval=50';

interface RunResult {
  /** `undefined` when the process was killed at the time limit. */
  exitCode: number | null | undefined;
  stdout: string;
}

/** Runs a fixture in a child Node.js process and kills it after `limitMs`. */
function runFixture(args: string[], limitMs: number): Promise<RunResult> {
  const child = spawn(process.execPath, [GC_FLAG, ...args], { cwd: FIXTURES, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  let killed = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const limit = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, limitMs);

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(limit);
      resolve({ exitCode: killed ? undefined : exitCode, stdout });
    });
  });
}

describe('generateKeyObjects', () => {
  it('exports keys under constant garbage collection', async () => {
    const result = await runFixture(['--import', 'tsx', 'export-under-gc.ts'], 60_000);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('exported 3000 key pairs\n');
  }, 90_000);
});
