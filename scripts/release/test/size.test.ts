import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findOversized, measurePackage } from '../size.js';
import { listWorkspacePackages, type PackageManifest } from '../workspace.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

describe('measurePackage', () => {
  const DEPENDENCY_BYTES = 20_000;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lfx-size-'));
    await mkdir(join(dir, 'dist'));
    await mkdir(join(dir, 'node_modules', 'big-dependency'), { recursive: true });
    await writeFile(join(dir, 'dist', 'index.js'), "import { table } from 'big-dependency';\nexport const size = () => table.length;\n");
    await writeFile(join(dir, 'node_modules', 'big-dependency', 'package.json'), JSON.stringify({ name: 'big-dependency', main: 'index.js' }));
    // Random-looking text so that neither minification nor gzip can shrink it much.
    const table = Array.from({ length: DEPENDENCY_BYTES / 8 }, (_, index) => ((index * 2_654_435_761) >>> 0).toString(36).padStart(8, '0')).join('');
    await writeFile(join(dir, 'node_modules', 'big-dependency', 'index.js'), `export const table = '${table}';\n`);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const manifest = (dependencies: Record<string, string>): PackageManifest => ({
    name: '@lfx/size-fixture',
    version: '1.0.0',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    dependencies,
  });

  it('leaves declared dependencies out', async () => {
    const size = await measurePackage({ dir, manifest: manifest({ 'big-dependency': '^1.0.0' }) });

    expect(size.minifiedBytes).toBeLessThan(200);
  });

  it('bundles code that is not a declared dependency', async () => {
    const size = await measurePackage({ dir, manifest: manifest({}) });

    expect(size.minifiedBytes).toBeGreaterThan(DEPENDENCY_BYTES);
  });
});

describe('findOversized', () => {
  it('reports a package over its gzip limit', () => {
    const sizes = [{ name: '@lfx/token-exchange', minifiedBytes: 12_000, gzippedBytes: 5_001, limitBytes: 5_000 }];

    expect(findOversized(sizes)).toEqual(['@lfx/token-exchange is 5,001 B gzipped, over its limit of 5,000 B.']);
  });

  it('accepts a package at its gzip limit', () => {
    expect(findOversized([{ name: '@lfx/token-exchange', minifiedBytes: 12_000, gzippedBytes: 5_000, limitBytes: 5_000 }])).toEqual([]);
  });

  it('accepts a package without a limit', () => {
    expect(findOversized([{ name: '@lfx/mcp-auth', minifiedBytes: 90_000, gzippedBytes: 30_000, limitBytes: undefined }])).toEqual([]);
  });
});

// The limits hold for the built packages of this repository, so CI fails as soon as a change
// pushes one over, not only when someone runs `pnpm size`.
describe('published packages', () => {
  it('stay within their gzip limits', async () => {
    const packages = (await listWorkspacePackages(REPO_ROOT)).filter((pkg) => pkg.manifest.private !== true);
    const sizes = await Promise.all(packages.map(measurePackage));

    expect(sizes.map((size) => size.name)).toContain('@lfx/token-exchange');
    expect(sizes.find((size) => size.name === '@lfx/token-exchange')?.limitBytes).toBe(5_000);
    expect(findOversized(sizes)).toEqual([]);
  });
});
