import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { runOrThrow } from './process.js';

export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: unknown;
  main?: string;
  types?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** Absolute path of the package folder. */
  dir: string;
  manifest: PackageManifest;
}

/**
 * Copies the files that git lists in `sourceRoot` to `targetRoot`: tracked and untracked files,
 * without ignored ones such as node_modules and dist. Then it commits them to a new git
 * repository there, because `changeset publish` tags each release in git.
 */
export async function copyWorkspace(sourceRoot: string, targetRoot: string): Promise<void> {
  const listing = await runOrThrow('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: sourceRoot,
  });
  const paths = listing.stdout.split('\0').filter((path) => path !== '');

  for (const path of paths) {
    // A tracked file deleted in the working tree is listed by --cached but has nothing to copy.
    const info = await stat(join(sourceRoot, path)).catch(() => undefined);
    if (info?.isFile() !== true) {
      continue;
    }
    await mkdir(dirname(join(targetRoot, path)), { recursive: true });
    await copyFile(join(sourceRoot, path), join(targetRoot, path));
  }

  const git = (args: string[]) =>
    runOrThrow('git', ['-c', 'user.name=Release rehearsal', '-c', 'user.email=rehearsal@localhost', '-c', 'commit.gpgsign=false', ...args], {
      cwd: targetRoot,
    });
  await git(['init', '--quiet', '--initial-branch=main']);
  await git(['add', '--all']);
  await git(['commit', '--quiet', '--message', 'Snapshot for the release rehearsal']);
}

/**
 * Installs the copied workspace from the pnpm store that the source workspace uses, so the
 * install needs no download unless the store lacks a package.
 */
export async function installWorkspace(sourceRoot: string, targetRoot: string): Promise<void> {
  const store = await runOrThrow('pnpm', ['store', 'path'], { cwd: sourceRoot });
  await runOrThrow(
    'pnpm',
    ['install', '--frozen-lockfile', '--prefer-offline', '--store-dir', store.stdout.trim(), '--reporter', 'append-only'],
    { cwd: targetRoot },
  );
}

/** Reads the manifest of every package under `packages/`. */
export async function listWorkspacePackages(root: string): Promise<WorkspacePackage[]> {
  const packagesDir = join(root, 'packages');
  const entries = await readdir(packagesDir, { withFileTypes: true });
  const packages: WorkspacePackage[] = [];

  for (const entry of entries.filter((candidate) => candidate.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(packagesDir, entry.name);
    const manifest = await readManifest(dir).catch(() => undefined);
    if (manifest !== undefined) {
      packages.push({ dir, manifest });
    }
  }
  return packages;
}

export async function readManifest(dir: string): Promise<PackageManifest> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageManifest;
}

/**
 * Writes a changeset file, as `pnpm changeset` would after its prompts, that releases each
 * named package with `bump`.
 */
export async function writeChangeset(
  root: string,
  fileName: string,
  packageNames: readonly string[],
  bump: 'major' | 'minor' | 'patch',
  summary: string,
): Promise<void> {
  const frontMatter = packageNames.map((name) => `'${name}': ${bump}`).join('\n');
  await writeFile(join(root, '.changeset', `${fileName}.md`), `---\n${frontMatter}\n---\n\n${summary}\n`);
}
