import { spawn } from 'node:child_process';

export interface NodeRunResult {
  /** The exit code, or `undefined` when the process was killed at the time limit. */
  exitCode: number | null | undefined;
  stdout: string;
  stderr: string;
}

/** Runs `node` with `args` in a child process and kills it with SIGKILL after `limitMs`. */
export function runNode(
  args: readonly string[],
  options: { cwd: string; limitMs: number; env?: NodeJS.ProcessEnv },
): Promise<NodeRunResult> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const limit = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, options.limitMs);

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(limit);
      resolve({ exitCode: killed ? undefined : exitCode, stdout, stderr });
    });
  });
}
