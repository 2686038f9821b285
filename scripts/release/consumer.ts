import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { runOrThrow, type RunResult } from './process.js';

/** The consumer project's sources and compiler configurations, copied as they are. */
const TEMPLATE_DIR = join(import.meta.dirname, 'consumer');

export interface ConsumerProjectOptions {
  /** An empty folder outside the workspace, so no workspace file or node_modules can leak in. */
  dir: string;
  /** Registry for `scope`; every other package comes from npm's configured default registry. */
  registryUrl: string;
  scope: string;
  dependencies: Readonly<Record<string, string>>;
  devDependencies: Readonly<Record<string, string>>;
}

/** Writes a small npm project that depends on the released packages, with the sources in `consumer/`. */
export async function createConsumerProject(options: ConsumerProjectOptions): Promise<void> {
  await cp(TEMPLATE_DIR, options.dir, { recursive: true });

  const manifest = {
    name: 'lfx-release-consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: options.dependencies,
    devDependencies: options.devDependencies,
  };
  await writeFile(join(options.dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  // The rehearsal reads where each package came from in the lockfile. A user configuration may
  // turn that record off, so this project file, which takes precedence, turns it back on.
  const npmrc = [`${options.scope}:registry=${options.registryUrl}`, 'omit-lockfile-registry-resolved=false', 'fund=false', 'audit=false'];
  await writeFile(join(options.dir, '.npmrc'), `${npmrc.join('\n')}\n`);
}

/**
 * Installs the consumer project with npm, using `cacheDir` as npm's cache: a fresh cache
 * cannot serve a package document or tarball left by an earlier rehearsal that published the
 * same version with other contents.
 */
export function installConsumerProject(dir: string, cacheDir: string): Promise<RunResult> {
  return runOrThrow('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: dir,
    env: { npm_config_cache: cacheDir },
    timeoutMs: 300_000,
  });
}
