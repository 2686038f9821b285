import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  /** Variables added to {@link cleanEnvironment}'s result. */
  env?: Record<string, string>;
  /** The child is killed with SIGKILL after this long. Default: 180_000 (3 minutes). */
  timeoutMs?: number;
}

export interface RunResult {
  /** The command line as typed, for messages. */
  command: string;
  /** Exit code, or `null` when a signal ended the process. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Raised by {@link runOrThrow} when a command exits with a code other than 0. */
export class CommandError extends Error {
  override readonly name = 'CommandError';

  constructor(readonly result: RunResult) {
    super(`${result.command} failed with exit code ${String(result.exitCode)}\n${tail(result.stdout)}\n${tail(result.stderr)}`);
  }
}

/**
 * Returns this process's environment without the `npm_*` and `pnpm_*` variables that a
 * surrounding `pnpm run` sets, so a child behaves the same under pnpm, turbo or plain node.
 * It also turns off telemetry and update checks, which would reach hosts other than the
 * registries in use.
 *
 * NOTE: a registry mirror set through the `npm_config_registry` variable is dropped too. Installs
 * then use the registry in `~/.npmrc` or npm's default, so configure a mirror in `~/.npmrc`.
 */
export function cleanEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(npm|pnpm)_/i.test(key)) {
      continue;
    }
    env[key] = value;
  }

  return {
    ...env,
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
    DO_NOT_TRACK: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/** Runs a command to completion and returns its exit code and output. It never rejects on a non-zero exit. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const commandLine = [command, ...args].join(' ');
  const timeoutMs = options.timeoutMs ?? 180_000;

  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: cleanEnvironment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

    const timer = setTimeout(() => {
      stderr += `\n${commandLine} timed out after ${timeoutMs} ms and was killed`;
      child.kill('SIGKILL');
    }, timeoutMs);

    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${commandLine} could not start: ${error.message}`, { cause: error }));
    });
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ command: commandLine, exitCode, stdout, stderr });
    });
  });
}

/** Runs a command like {@link run} and raises a {@link CommandError} unless it exits with 0. */
export async function runOrThrow(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.exitCode !== 0) {
    throw new CommandError(result);
  }
  return result;
}

function tail(output: string, maxLines = 40): string {
  return output.trimEnd().split('\n').slice(-maxLines).join('\n');
}
