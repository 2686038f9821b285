import { pidtree } from 'pidtree';
import type { Reporter, TestModule } from 'vitest/node';

export interface StallReporterOptions {
  /** How long the run may go without any test or hook starting or ending. Default: 15 minutes. */
  stallMs?: number;
}

/**
 * Ends a test run that has stopped making progress: it names the test files still running,
 * stops every process the run started, and exits with code 1.
 *
 * Test and hook timeouts cannot fire while a worker's event loop is blocked, and vitest sets
 * no limit on a whole test file. Without this reporter, a hung file blocks the run and the CI
 * job until something outside kills them, and the log does not name the file. The check runs
 * in vitest's main process, which stays responsive while a worker hangs.
 */
export class StallReporter implements Reporter {
  readonly #stallMs: number;
  /** Unfinished test files, as paths relative to the root. */
  readonly #running = new Set<string>();
  #lastProgressAt = Date.now();
  #timer: NodeJS.Timeout | undefined;

  constructor(options: StallReporterOptions = {}) {
    const stallMs = options.stallMs ?? 900_000;
    if (!Number.isFinite(stallMs) || stallMs <= 0) {
      throw new TypeError(
        `StallReporter: stallMs must be a positive number of milliseconds, got ${String(stallMs)}. ` +
          'Leave it out for the default of 15 minutes.',
      );
    }
    this.#stallMs = stallMs;
  }

  onInit(): void {
    this.#progress();
    // Unref'd so that the check never keeps a finished run alive.
    this.#timer = setInterval(() => void this.#check(), Math.min(this.#stallMs / 4, 15_000)).unref();
  }

  onTestModuleStart(testModule: TestModule): void {
    this.#running.add(testModule.relativeModuleId);
    this.#progress();
  }

  onHookStart(): void {
    this.#progress();
  }

  onHookEnd(): void {
    this.#progress();
  }

  onTestCaseReady(): void {
    this.#progress();
  }

  onTestCaseResult(): void {
    this.#progress();
  }

  onTestModuleEnd(testModule: TestModule): void {
    this.#running.delete(testModule.relativeModuleId);
    this.#progress();
  }

  onTestRunEnd(): void {
    clearInterval(this.#timer);
  }

  #progress(): void {
    this.#lastProgressAt = Date.now();
  }

  async #check(): Promise<void> {
    const idleMs = Date.now() - this.#lastProgressAt;
    if (idleMs < this.#stallMs) {
      return;
    }
    clearInterval(this.#timer);

    // The report names files, not tests, because workers send their reports in batches: a
    // blocked worker has often not yet reported which test or hook it entered.
    const running = [...this.#running].map((file) => `  ${file}\n`).join('');
    process.stderr.write(
      `\nThe test run made no progress for ${Math.round(idleMs / 1000)} s, so it ends as failed.\n` +
        (running === '' ? 'No test file was running.\n' : `Unfinished test files:\n${running}`),
    );

    // A worker whose event loop is blocked cannot handle a shutdown request, and it would keep
    // running after this process exits, so every descendant is killed first.
    const descendants = await pidtree(process.pid).catch(() => []);
    for (const pid of descendants) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It has already exited.
      }
    }
    process.exit(1);
  }
}
