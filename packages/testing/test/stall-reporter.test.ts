import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { StallReporter } from '../src/stall-reporter.js';
import { runNode, type NodeRunResult } from './support/run-node.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/stall/', import.meta.url));
const VITEST_BIN = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
// Above the few seconds that starting vitest and its worker take on a loaded 2-core machine, so
// the blocked file has started when the limit is reached.
const BLOCKED_STALL_MS = 5_000;
// Far above the stall limits below, so only a reporter that failed to end the run reaches it.
const RUN_LIMIT_MS = 90_000;
const TEST_TIMEOUT_MS = 120_000;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lfx-stall-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs vitest on one fixture file in a child process with the given stall limit. */
function runFixture(file: string, stallMs: number): Promise<NodeRunResult> {
  return runNode([VITEST_BIN, 'run', '--config', join(FIXTURES, 'vitest.config.ts'), file], {
    cwd: FIXTURES,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', STALL_MS: String(stallMs), STALL_PID_FILE: join(dir, `${file}.pid`) },
    limitMs: RUN_LIMIT_MS,
  });
}

/** Returns whether a process with this pid still exists and is not a zombie waiting to be reaped. */
async function isAlive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat !== undefined) {
    return !/^\d+ \(.*\) Z/.test(stat);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('StallReporter', { timeout: TEST_TIMEOUT_MS }, () => {
  it('ends a blocked run with exit 1', async () => {
    const result = await runFixture('blocked-test.fixture.ts', BLOCKED_STALL_MS);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/\nThe test run made no progress for \d+ s, so it ends as failed\.\nUnfinished test files:\n {2}blocked-test\.fixture\.ts\n$/);
  });

  it('kills the blocked worker', async () => {
    await runFixture('blocked-test.fixture.ts', BLOCKED_STALL_MS);
    const workerPid = Number(await readFile(join(dir, 'blocked-test.fixture.ts.pid'), 'utf8'));

    // The killed worker may take a moment to be reaped by its new parent.
    let alive = await isAlive(workerPid);
    for (let attempt = 0; alive && attempt < 20; attempt += 1) {
      await sleep(100);
      alive = await isAlive(workerPid);
    }

    expect(workerPid).toBeGreaterThan(0);
    expect(alive).toBe(false);
  });

  it('stays silent while steps progress', async () => {
    const result = await runFixture('slow-steps.fixture.ts', 15_000);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('4 passed');
    expect(result.stderr).not.toContain('made no progress');
  });

  it.for([0, -1, Number.NaN])('rejects a stallMs of %s', (stallMs) => {
    expect(() => new StallReporter({ stallMs })).toThrow(
      `StallReporter: stallMs must be a positive number of milliseconds, got ${String(stallMs)}. Leave it out for the default of 15 minutes.`,
    );
  });
});
