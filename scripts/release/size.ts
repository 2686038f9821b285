// Prints the size of each published package's own JavaScript, minified and gzipped, and exits
// with 1 when a package exceeds its limit. Run it with `pnpm size`, which builds first.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { build, version as esbuildVersion } from 'esbuild';

import { listWorkspacePackages, type WorkspacePackage } from './workspace.js';

/** Maximum gzipped size of a package's own code, in bytes (1 kB = 1,000 bytes). */
const GZIP_LIMIT_BYTES: Readonly<Record<string, number>> = {
  '@lfx/token-exchange': 5_000,
};

export interface PackageSize {
  name: string;
  minifiedBytes: number;
  gzippedBytes: number;
  limitBytes: number | undefined;
}

/**
 * Bundles a package's `exports['.']` entry with esbuild, minified, and returns its size.
 * Dependencies, peer dependencies and Node.js built-ins are left out, so the figure is the
 * package's own code, which is what an application bundle gains from it.
 */
export async function measurePackage(pkg: WorkspacePackage): Promise<PackageSize> {
  const { manifest } = pkg;
  const entry = resolveEntry(manifest.exports) ?? manifest.main;
  if (entry === undefined) {
    throw new Error(`${manifest.name} has no exports['.'] or main entry to measure`);
  }

  const entryPath = join(pkg.dir, entry);
  if (!existsSync(entryPath)) {
    throw new Error(`${entryPath} is missing: build the packages first (pnpm size does)`);
  }

  const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies });
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: dependencies.flatMap((name) => [name, `${name}/*`]),
    write: false,
    logLevel: 'silent',
  });

  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    name: manifest.name,
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    limitBytes: GZIP_LIMIT_BYTES[manifest.name],
  };
}

/** Returns the file the root export resolves to for an ESM import, or undefined. */
function resolveEntry(exports: unknown): string | undefined {
  if (typeof exports === 'string') {
    return exports;
  }
  if (exports === null || typeof exports !== 'object') {
    return undefined;
  }

  const conditions = exports as Record<string, unknown>;
  const root = '.' in conditions ? conditions['.'] : conditions;
  if (typeof root === 'string') {
    return root;
  }
  if (root === null || typeof root !== 'object') {
    return undefined;
  }

  const rootConditions = root as Record<string, unknown>;
  return resolveEntry(rootConditions.import ?? rootConditions.node ?? rootConditions.default);
}

/** Returns one message per package whose gzipped size exceeds its limit. */
export function findOversized(sizes: readonly PackageSize[]): string[] {
  return sizes
    .filter((size) => size.limitBytes !== undefined && size.gzippedBytes > size.limitBytes)
    .map((size) => `${size.name} is ${formatBytes(size.gzippedBytes)} gzipped, over its limit of ${formatBytes(size.limitBytes ?? 0)}.`);
}

function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} B`;
}

async function main(): Promise<void> {
  const repoRoot = resolve(import.meta.dirname, '../..');
  const packages = (await listWorkspacePackages(repoRoot)).filter((pkg) => pkg.manifest.private !== true);

  const sizes = await Promise.all(packages.map(measurePackage));

  const rows = [
    ['package', 'minified', 'gzipped', 'gzip limit'],
    ...sizes.map((size) => [
      size.name,
      formatBytes(size.minifiedBytes),
      formatBytes(size.gzippedBytes),
      size.limitBytes === undefined ? '-' : formatBytes(size.limitBytes),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(`Own JavaScript of each package, bundled and minified by esbuild ${esbuildVersion}, gzip level 9:\n`);
  for (const row of rows) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
  }

  const problems = findOversized(sizes);
  for (const problem of problems) {
    console.error(`\n${problem}`);
  }
  if (problems.length > 0) {
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  await main();
}
