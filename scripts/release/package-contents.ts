import { posix } from 'node:path';

import type { PackageManifest } from './workspace.js';

/** Files every published package must contain, besides what its `exports` point at. */
export const REQUIRED_FILES = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'] as const;

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** Path segments and name parts that mark tests and fixtures, which users never need. */
const TEST_PATH = /(^|\/)(test|tests|__tests__|fixtures?|bench)\/|\.(test|spec|test-d)\.[cm]?[jt]s/;

/** Secrets as they would appear in a file: a whole PEM private key, a signed JWT, an npm auth token. */
const SECRETS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'a PEM private key', pattern: /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[A-Za-z0-9+/=\s\\]{64,}-----END \1PRIVATE KEY-----/ },
  { kind: 'a JWT', pattern: /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{20,}/ },
  { kind: 'an npm auth token', pattern: /_authToken\s*=/ },
];

/**
 * Lists what is wrong with the contents of a package tarball, one sentence per problem. An
 * empty list means the package ships only what a user needs.
 *
 * Allowed: `package.json`, README, LICENSE, CHANGELOG and JavaScript, declarations and
 * source maps under `dist/`. Source maps must resolve: every map a file names must be in the
 * tarball, and every source a map names must be in the tarball or embedded in the map.
 * No file may look like a test or a fixture or contain what looks like a secret, and no dependency range may still
 * use the `workspace:` or `catalog:` protocols, which only pnpm understands.
 */
export function findPackagingProblems(files: ReadonlyMap<string, Buffer>): string[] {
  const problems: string[] = [];

  for (const required of REQUIRED_FILES) {
    if (!files.has(required)) {
      problems.push(`${required} is missing`);
    }
  }

  for (const [path, data] of files) {
    const allowed = (REQUIRED_FILES as readonly string[]).includes(path) || /^dist\/.+\.(js|d\.ts)(\.map)?$/.test(path);
    if (!allowed) {
      problems.push(`${path} is not a file users need (allowed: ${REQUIRED_FILES.join(', ')} and dist/ JavaScript, declarations, source maps)`);
    }
    if (TEST_PATH.test(path)) {
      problems.push(`${path} looks like a test, benchmark or fixture`);
    }
    for (const secret of SECRETS) {
      if (secret.pattern.test(data.toString('utf8'))) {
        problems.push(`${path} contains what looks like ${secret.kind}`);
      }
    }
  }

  problems.push(...findSourceMapProblems(files));

  const manifestData = files.get('package.json');
  if (manifestData !== undefined) {
    problems.push(...findManifestProblems(JSON.parse(manifestData.toString('utf8')) as PackageManifest, files));
  }
  return problems;
}

function findSourceMapProblems(files: ReadonlyMap<string, Buffer>): string[] {
  const problems: string[] = [];

  for (const [path, data] of files) {
    if (/\.(js|d\.ts)$/.test(path)) {
      const reference = /[#@] sourceMappingURL=(\S+)\s*$/.exec(data.toString('utf8'))?.[1];
      if (reference !== undefined && !reference.startsWith('data:') && !files.has(posix.join(posix.dirname(path), reference))) {
        problems.push(`${path} names the source map ${reference}, which is not in the package`);
      }
    }

    if (path.endsWith('.map')) {
      const map = JSON.parse(data.toString('utf8')) as { sourceRoot?: string; sources?: string[]; sourcesContent?: (string | null)[] };
      (map.sources ?? []).forEach((source, index) => {
        const resolved = posix.join(posix.dirname(path), map.sourceRoot ?? '', source);
        if (!files.has(resolved) && typeof map.sourcesContent?.[index] !== 'string') {
          problems.push(`${path} maps to the source ${source}, which is neither in the package nor embedded in the map`);
        }
      });
    }
  }
  return problems;
}

function findManifestProblems(manifest: PackageManifest, files: ReadonlyMap<string, Buffer>): string[] {
  const problems: string[] = [];

  for (const fieldName of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[fieldName] ?? {})) {
      if (/^(workspace|catalog):/.test(range)) {
        problems.push(`package.json ${fieldName}.${name} is ${JSON.stringify(range)}; publish with pnpm so it becomes a version range`);
      }
    }
  }

  for (const target of exportTargets(manifest)) {
    const path = posix.normalize(target);
    if (!files.has(path)) {
      problems.push(`package.json points at ${target}, which is not in the package`);
    }
  }
  return problems;
}

/** Collects every file path that `main`, `types` and `exports` (at any depth of conditions) point at. */
function exportTargets(manifest: PackageManifest): string[] {
  const targets: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!value.includes('*')) {
        targets.push(value);
      }
    } else if (value !== null && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };

  visit(manifest.exports);
  visit(manifest.main);
  visit(manifest.types);
  return targets;
}
