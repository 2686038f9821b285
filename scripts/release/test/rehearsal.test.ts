// Release rehearsal. It publishes the packages from a copy of this workspace to a Verdaccio
// registry on 127.0.0.1 with the repository's own `pnpm release` and checks the tarballs. Then
// it installs them with npm into a separate project, which type-checks and runs against a
// loopback authorization server and project API.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

import { startAuthServer, type AuthServer } from '@lfx/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

import { createConsumerProject, installConsumerProject } from '../consumer.js';
import { findPackagingProblems } from '../package-contents.js';
import { run, runOrThrow, type RunResult } from '../process.js';
import { startProjectApi, type ProjectApi } from '../project-api.js';
import { startLocalRegistry, type LocalRegistry } from '../registry.js';
import { readTarball } from '../tarball.js';
import { copyWorkspace, installWorkspace, listWorkspacePackages, writeChangeset, type PackageManifest } from '../workspace.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const SCOPE = '@lfx';
const CHANGESET_SUMMARY = 'Rehearse a release against a local registry.';

/** Packages published from `packages/`, read from the source workspace at collection time. */
const PUBLIC_PACKAGES = (await listWorkspacePackages(REPO_ROOT)).filter((pkg) => pkg.manifest.private !== true);
const PUBLIC_NAMES = PUBLIC_PACKAGES.map((pkg) => pkg.manifest.name);

interface PublishedDist {
  tarball: string;
  shasum: string;
  integrity: string;
}

interface Packument {
  versions?: Record<string, { dist: PublishedDist }>;
  'dist-tags'?: Record<string, string>;
}

interface ReleasedPackage {
  /** package.json as published, read from the tarball. */
  manifest: PackageManifest;
  /** The tarball downloaded from the local registry, saved for publint and attw. */
  tarballPath: string;
  tarball: Buffer;
  files: Map<string, Buffer>;
  /** `dist` of the latest version in the local registry. */
  dist: PublishedDist;
  /** The package's dist-tags in the local registry. */
  distTags: Record<string, string>;
}

const released = new Map<string, ReleasedPackage>();
const cleanups: (() => Promise<void>)[] = [];
let registry: LocalRegistry;
let consumerDir: string;
/** Requests the local registry received during the consumer project's install. */
let consumerInstallRequests: string[];
/** `tsc -p tsconfig.node16.json` in the consumer project, which also emits the program the tests run. */
let node16Build: RunResult;
let sourceStateBefore: string;

async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
  }
}

/** Describes the source workspace's release state: versions, pending changesets and changelogs. */
async function describeSourceState(): Promise<string> {
  const packages = await listWorkspacePackages(REPO_ROOT);
  const changesets = (await readdir(join(REPO_ROOT, '.changeset'))).sort();
  const changelogs = await Promise.all(
    packages.map(async (pkg) => (await readdir(pkg.dir)).includes('CHANGELOG.md')),
  );
  return JSON.stringify({
    versions: packages.map((pkg) => `${pkg.manifest.name}@${pkg.manifest.version}`),
    changesets,
    changelogs,
  });
}

/** The version `changeset version` gives a `minor` release of `version` outside pre mode. */
function nextMinor(version: string): string {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return `${major}.${minor + 1}.0`;
}

async function fetchJson<T>(url: URL): Promise<T> {
  const response = await fetch(url);
  if (response.status !== 200) {
    throw new Error(`GET ${url.href} answered HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  const result = await action();
  console.log(`rehearsal: ${name} took ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  return result;
}

beforeAll(async () => {
  try {
    sourceStateBefore = await describeSourceState();

    const tmp = await mkdtemp(join(tmpdir(), 'lfx-release-'));
    cleanups.push(() => rm(tmp, { recursive: true, force: true }));
    const workspace = join(tmp, 'workspace');
    consumerDir = join(tmp, 'consumer');
    await Promise.all(['registry', 'workspace', 'tarballs', 'consumer', 'npm-cache'].map((dir) => mkdir(join(tmp, dir))));

    registry = await step('starting the registry', () => startLocalRegistry({ dir: join(tmp, 'registry'), scope: SCOPE }));
    cleanups.push(() => registry.close());

    await step('copying the workspace', () => copyWorkspace(REPO_ROOT, workspace));
    await step('installing the copy', () => installWorkspace(REPO_ROOT, workspace));

    await writeChangeset(workspace, 'release-rehearsal', PUBLIC_NAMES, 'minor', CHANGESET_SUMMARY);
    await step('changeset version', () => runOrThrow('pnpm', ['changeset', 'version'], { cwd: workspace }));

    // The token lives in a user configuration outside both the repository and its copy.
    const publishConfig = join(tmp, 'publish.npmrc');
    await writeFile(publishConfig, `${registry.url.replace(/^http:/, '')}:_authToken=${registry.authToken}\n`);
    await step('pnpm release', () =>
      runOrThrow('pnpm', ['release'], {
        cwd: workspace,
        env: { npm_config_registry: registry.url, npm_config_userconfig: publishConfig },
        timeoutMs: 300_000,
      }),
    );

    // The checks below read the tarballs that the registry serves, not a second `pnpm pack`,
    // so they inspect exactly what a user downloads.
    await step('downloading the published tarballs', async () => {
      for (const name of PUBLIC_NAMES) {
        const packument = await fetchJson<Packument>(new URL(name.replace('/', '%2f'), registry.url));
        const version = packument['dist-tags']?.latest;
        const dist = version === undefined ? undefined : packument.versions?.[version]?.dist;
        if (dist === undefined) {
          throw new Error(`The local registry has no latest version of ${name}: ${JSON.stringify(packument['dist-tags'])}`);
        }

        // Only the local registry is ever contacted.
        if (new URL(dist.tarball).origin !== new URL(registry.url).origin) {
          throw new Error(`The local registry points ${name} at ${dist.tarball}, outside ${registry.url}`);
        }
        const response = await fetch(dist.tarball);
        if (response.status !== 200) {
          throw new Error(`Downloading ${dist.tarball} answered HTTP ${response.status}`);
        }
        const tarball = Buffer.from(await response.arrayBuffer());
        const tarballPath = join(tmp, 'tarballs', basename(new URL(dist.tarball).pathname));
        await writeFile(tarballPath, tarball);
        const files = await readTarball(tarballPath);

        released.set(name, {
          manifest: JSON.parse(files.get('package.json')?.toString('utf8') ?? '{}') as PackageManifest,
          tarballPath,
          tarball,
          files,
          dist,
          distTags: packument['dist-tags'] ?? {},
        });
      }
    });

    const catalog = (parseYaml(await readFile(join(REPO_ROOT, 'pnpm-workspace.yaml'), 'utf8')) as { catalog: Record<string, string> }).catalog;
    await createConsumerProject({
      dir: consumerDir,
      registryUrl: registry.url,
      scope: SCOPE,
      dependencies: {
        ...Object.fromEntries([...released.values()].map(({ manifest }) => [manifest.name, manifest.version])),
        '@modelcontextprotocol/sdk': catalog['@modelcontextprotocol/sdk'] ?? 'missing from the catalog',
      },
      devDependencies: {
        typescript: catalog.typescript ?? 'missing from the catalog',
        '@types/node': catalog['@types/node'] ?? 'missing from the catalog',
        // The MCP SDK's declarations, which @lfx/mcp-auth's refer to, import express types;
        // a consumer that type-checks libraries (skipLibCheck: false) needs them.
        '@types/express': catalog['@types/express'] ?? 'missing from the catalog',
      },
    });
    const firstInstallRequest = registry.requests.length;
    await step('npm install in the consumer project', () => installConsumerProject(consumerDir, join(tmp, 'npm-cache')));
    consumerInstallRequests = registry.requests.slice(firstInstallRequest);
    node16Build = await step('compiling the consumer project', () => consumerTsc(['-p', 'tsconfig.node16.json']));
  } catch (error) {
    await runCleanups();
    throw error;
  }
});

afterAll(runCleanups);

/** Runs the TypeScript compiler that the consumer project installed. */
function consumerTsc(args: readonly string[]) {
  return run('node', [join(consumerDir, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], { cwd: consumerDir });
}

function repositoryBin(name: string): string {
  return join(REPO_ROOT, 'node_modules', '.bin', name);
}

function releasedPackage(name: string): ReleasedPackage {
  const pkg = released.get(name);
  if (pkg === undefined) {
    throw new Error(`${name} was not packed`);
  }
  return pkg;
}

describe('release', () => {
  it('covers the three SDK packages', () => {
    expect(PUBLIC_NAMES).toEqual(['@lfx/mcp-auth', '@lfx/project-client', '@lfx/token-exchange']);
  });

  it('leaves the source workspace unchanged', async () => {
    expect(await describeSourceState()).toBe(sourceStateBefore);
  });

  it('publishes no private package', async () => {
    const response = await fetch(new URL('@lfx%2ftesting', registry.url));

    expect(response.status).toBe(404);
  });

  it('serves no package outside the scope from the local registry', async () => {
    const response = await fetch(new URL('jose', registry.url));

    expect(response.status).toBe(401);
  });

  it('replaces workspace ranges in @lfx/mcp-auth with the released versions', () => {
    const { manifest } = releasedPackage('@lfx/mcp-auth');

    expect(manifest.dependencies).toMatchObject({
      '@lfx/token-exchange': `^${releasedPackage('@lfx/token-exchange').manifest.version}`,
      '@lfx/project-client': `^${releasedPackage('@lfx/project-client').manifest.version}`,
    });
  });
});

describe.each(PUBLIC_PACKAGES.map((pkg) => [pkg.manifest.name, pkg.manifest.version] as const))('%s tarball', (name, sourceVersion) => {
  it('carries the next minor version', () => {
    expect(releasedPackage(name).manifest.version).toBe(nextMinor(sourceVersion));
  });

  it('is the latest version in the registry', () => {
    const { distTags, manifest } = releasedPackage(name);

    expect(distTags).toEqual({ latest: manifest.version });
  });

  it('matches the shasum and integrity the registry records', () => {
    const { tarball, dist } = releasedPackage(name);

    expect(createHash('sha1').update(tarball).digest('hex')).toBe(dist.shasum);
    expect(`sha512-${createHash('sha512').update(tarball).digest('base64')}`).toBe(dist.integrity);
  });

  it('ships only what users need', () => {
    expect(findPackagingProblems(releasedPackage(name).files)).toEqual([]);
  });

  it('has a changelog entry for the release', () => {
    const { files, manifest } = releasedPackage(name);
    const changelog = files.get('CHANGELOG.md')?.toString('utf8') ?? '';

    expect(changelog).toContain(`## ${manifest.version}`);
    expect(changelog).toContain(CHANGESET_SUMMARY);
  });

  it('passes publint', async () => {
    const result = await run(repositoryBin('publint'), ['run', releasedPackage(name).tarballPath, '--strict'], { cwd: REPO_ROOT });

    expect(result.exitCode, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it('passes attw', async () => {
    const args = [releasedPackage(name).tarballPath, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'];
    const result = await run(repositoryBin('attw'), args, { cwd: REPO_ROOT });

    expect(result.exitCode, `${result.stdout}${result.stderr}`).toBe(0);
  });
});

describe('consumer project', () => {
  it('installs the scoped packages from the local registry', async () => {
    const lockfile = JSON.parse(await readFile(join(consumerDir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; resolved?: string }>;
    };

    for (const { manifest } of released.values()) {
      expect(lockfile.packages[`node_modules/${manifest.name}`]).toMatchObject({
        version: manifest.version,
        resolved: `${registry.url}${manifest.name}/-/${manifest.name.split('/')[1]}-${manifest.version}.tgz`,
      });
    }
  });

  it('asks the local registry for scoped packages only', () => {
    const reads = consumerInstallRequests.filter((request) => request.startsWith('GET '));
    const scoped = (request: string) => request.startsWith(`GET /${SCOPE}/`) || request.toLowerCase().startsWith(`get /${SCOPE}%2f`);
    expect(reads.filter((request) => !scoped(request))).toEqual([]);
  });

  it('type-checks with moduleResolution node16', () => {
    expect(node16Build.exitCode, node16Build.stdout).toBe(0);
  });

  // Each check is a separate tsc process, so they may overlap.
  describe.concurrent('type checks', () => {
    it('type-checks with moduleResolution bundler', async ({ expect }) => {
      const result = await consumerTsc(['-p', 'tsconfig.bundler.json']);

      expect(result.exitCode, result.stdout).toBe(0);
    });

    it.for(['node16', 'bundler'])('rejects an unknown response field with moduleResolution %s', async (mode, { expect }) => {
      const result = await consumerTsc(['-p', `type-error/tsconfig.${mode}.json`]);

      expect(result.exitCode).toBe(2);
      expect(result.stdout).toContain("type-error/unknown-field.ts(7,19): error TS2339: Property 'no_such_field' does not exist on type");
      expect(result.stdout.match(/error TS\d+/g)).toEqual(['error TS2339']);
    });
  });

  describe('program', () => {
    const LFX_AUDIENCE = 'https://api.lfx.example.test';
    const PROJECT = { uid: '6b0a3c4e-3d1f-4b8e-9a52-0c7f1e2d3a4b', name: 'Rehearsal Foundation', slug: 'rehearsal' };
    const clientSecret = randomBytes(24).toString('base64url');
    let authServer: AuthServer;
    let projectApi: ProjectApi;

    beforeAll(async () => {
      authServer = await startAuthServer({ clients: [{ clientId: 'mcp-server', clientSecret }] });
      projectApi = await startProjectApi({
        verifyToken: (token) => authServer.verifyToken(token),
        audience: LFX_AUDIENCE,
        projects: { [PROJECT.uid]: PROJECT },
      });
    });

    afterAll(async () => {
      await projectApi?.close();
      await authServer?.close();
    });

    it('reads a project with an exchanged token', async () => {
      const callerToken = await authServer.issueSubjectToken({ sub: 'alice', audience: 'https://mcp.example.test/mcp' });

      const result = await run('node', ['dist/main.js'], {
        cwd: consumerDir,
        env: {
          LFX_TOKEN_ENDPOINT: authServer.tokenEndpoint,
          LFX_CLIENT_ID: 'mcp-server',
          LFX_CLIENT_SECRET: clientSecret,
          LFX_AUDIENCE,
          LFX_API_URL: projectApi.url,
          CALLER_TOKEN: callerToken,
          PROJECT_UID: PROJECT.uid,
        },
      });

      expect(result.exitCode, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ uid: PROJECT.uid, name: PROJECT.name, etag: '"1"' });
      expect(authServer.stats.tokenExchange).toBe(1);
      expect(projectApi.requests).toEqual([{ method: 'GET', url: `/projects/${PROJECT.uid}?v=1`, subject: 'alice', status: 200 }]);
    });

    it('has a project API stand-in that rejects the caller token', async () => {
      const callerToken = await authServer.issueSubjectToken({ sub: 'alice', audience: 'https://mcp.example.test/mcp' });

      const response = await fetch(`${projectApi.url}/projects/${PROJECT.uid}?v=1`, { headers: { authorization: `Bearer ${callerToken}` } });

      expect(response.status).toBe(401);
    });
  });
});
