import { execFile } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { findDrift, writeGenerated } from '../../../../scripts/gen/run.js';
import { services } from '../../../../scripts/gen/services.js';

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const CLI = join(REPOSITORY_ROOT, 'scripts/gen/cli.ts');
const TSX = join(REPOSITORY_ROOT, 'node_modules/.bin/tsx');
const PROJECT_OUTPUT = 'packages/project-client/src/generated/project-service.ts';

const run = promisify(execFile);

// Starting tsx and openapi-typescript takes a few seconds alone and several times that while
// turbo runs every package's tasks at once.
vi.setConfig({ testTimeout: 120_000 });

let copyRoot: string;

/** Copies every spec and its committed output into a temporary repository root. */
async function copyRepository(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'lfx-gen-'));
  for (const { spec, output } of services) {
    for (const path of [spec, output]) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await copyFile(join(REPOSITORY_ROOT, path), join(root, path));
    }
  }
  return root;
}

async function runCheck(root: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, '--check', '--root', root]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

beforeEach(async () => {
  copyRoot = await copyRepository();
});

afterEach(async () => {
  await rm(copyRoot, { recursive: true, force: true });
});

describe('findDrift', () => {
  it('finds none in the committed output', async () => {
    expect(await findDrift(copyRoot, services)).toEqual([]);
  });

  it('reports a hand-edited output', async () => {
    await appendFile(join(copyRoot, PROJECT_OUTPUT), '\nexport type HandWritten = string;\n');

    expect(await findDrift(copyRoot, services)).toEqual([
      { output: PROJECT_OUTPUT, spec: 'specs/project-service.yaml', reason: 'out of date' },
    ]);
  });

  it('reports a missing output', async () => {
    await unlink(join(copyRoot, PROJECT_OUTPUT));

    expect(await findDrift(copyRoot, services)).toEqual([
      { output: PROJECT_OUTPUT, spec: 'specs/project-service.yaml', reason: 'missing' },
    ]);
  });

  it('reports an output whose spec changed', async () => {
    const specPath = join(copyRoot, 'specs/project-service.yaml');
    const spec = await readFile(specPath, 'utf8');
    const edited = spec.replace('file_size:\n          type: integer', 'file_size:\n          type: string');
    expect(edited).not.toBe(spec);
    await writeFile(specPath, edited);

    expect(await findDrift(copyRoot, services)).toEqual([
      { output: PROJECT_OUTPUT, spec: 'specs/project-service.yaml', reason: 'out of date' },
    ]);
  });
});

describe('writeGenerated', () => {
  it('reproduces the committed output byte for byte', async () => {
    const committed = await readFile(join(copyRoot, PROJECT_OUTPUT), 'utf8');

    await writeGenerated(copyRoot, services);
    const first = await readFile(join(copyRoot, PROJECT_OUTPUT), 'utf8');
    await writeGenerated(copyRoot, services);
    const second = await readFile(join(copyRoot, PROJECT_OUTPUT), 'utf8');

    expect(first).toBe(committed);
    expect(second).toBe(first);
  });

  it('heads the output with its spec and command', async () => {
    const output = await readFile(join(copyRoot, PROJECT_OUTPUT), 'utf8');

    expect(output.split('\n').slice(0, 3)).toEqual([
      '// This file is generated: do not edit it by hand.',
      '// Source: specs/project-service.yaml',
      '// Command: pnpm gen (openapi-typescript, configured in scripts/gen/generate.ts)',
    ]);
  });
});

describe('gen --check', () => {
  it('exits 0 when nothing drifted', async () => {
    const result = await runCheck(copyRoot);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Generated files match their specs (1 checked).\n');
  });

  it('exits 1 naming a hand-edited file', async () => {
    await appendFile(join(copyRoot, PROJECT_OUTPUT), '// edited\n');

    const result = await runCheck(copyRoot);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${PROJECT_OUTPUT} is out of date: it must match what specs/project-service.yaml generates. Run \`pnpm gen\` and commit the result.\n`,
    );
  });
});
