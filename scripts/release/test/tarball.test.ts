import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runOrThrow } from '../process.js';
import { readTarball } from '../tarball.js';

describe('readTarball', () => {
  // Longer than the 100 bytes of a ustar name field, so the packer splits it or writes a pax record.
  const LONG_PATH = `dist/${'nested-folder/'.repeat(8)}module-with-a-long-name.js`;
  let dir: string;
  let tarballPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lfx-tarball-'));
    const packageDir = join(dir, 'package');
    await mkdir(join(packageDir, LONG_PATH, '..'), { recursive: true });
    await writeFile(join(packageDir, 'package.json'), JSON.stringify({ name: 'tarball-fixture', version: '1.2.3', files: ['dist'] }));
    await writeFile(join(packageDir, 'dist', 'index.js'), 'export const answer = 42;\n');
    await writeFile(join(packageDir, LONG_PATH), 'export {};\n');

    const packed = await runOrThrow('pnpm', ['pack', '--pack-destination', dir, '--json'], { cwd: packageDir });
    tarballPath = (JSON.parse(packed.stdout) as { filename: string }).filename;
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every file without the package folder', async () => {
    const files = await readTarball(tarballPath);

    expect([...files.keys()].sort()).toEqual(['dist/index.js', LONG_PATH, 'package.json']);
  });

  it('returns file contents', async () => {
    const files = await readTarball(tarballPath);

    expect(files.get('dist/index.js')?.toString('utf8')).toBe('export const answer = 42;\n');
    expect(files.get(LONG_PATH)?.toString('utf8')).toBe('export {};\n');
  });
});
