import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runDemoEntryPoint(): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: packageDirectory,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('demo entry point', () => {
  it('prints the summary and exits 0', async () => {
    const run = await runDemoEntryPoint();
    const lines = run.stdout.trimEnd().split('\n');

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lines.at(-1)).toBe('demo ok: 4 tool calls, 1 token exchange, 3 cache hits');
    // Tokens appear as 8-digit fingerprints only: no JWT (header.payload.signature) in the output.
    expect(run.stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(run.stdout).toContain('resource_metadata="http://127.0.0.1:');
    expect(run.stdout).toMatch(/POST \/mcp without a token → 401/);
  });
});
