import { generateRsaKeyPair } from '@lfx/testing';
import { describe, expect, it } from 'vitest';

import { findPackagingProblems } from '../package-contents.js';

const MANIFEST = {
  name: '@lfx/example',
  version: '1.0.0',
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
  dependencies: { jose: '^6.2.19' },
};

function cleanPackage(): Map<string, Buffer> {
  return new Map([
    ['package.json', Buffer.from(JSON.stringify(MANIFEST))],
    ['README.md', Buffer.from('# example\n')],
    ['LICENSE', Buffer.from('MIT\n')],
    ['CHANGELOG.md', Buffer.from('# @lfx/example\n')],
    ['dist/index.js', Buffer.from('export const answer = 42;\n')],
    ['dist/index.d.ts', Buffer.from('export declare const answer = 42;\n')],
  ]);
}

function withFiles(entries: Record<string, string>): Map<string, Buffer> {
  const files = cleanPackage();
  for (const [path, content] of Object.entries(entries)) {
    files.set(path, Buffer.from(content));
  }
  return files;
}

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('findPackagingProblems', () => {
  it('accepts a package with only dist, docs and license', () => {
    expect(findPackagingProblems(cleanPackage())).toEqual([]);
  });

  it('reports each missing required file', () => {
    const files = cleanPackage();
    files.delete('README.md');
    files.delete('CHANGELOG.md');

    expect(findPackagingProblems(files)).toEqual(['README.md is missing', 'CHANGELOG.md is missing']);
  });

  it('reports a source file outside dist', () => {
    expect(findPackagingProblems(withFiles({ 'src/index.ts': 'export const answer = 42;\n' }))).toEqual([
      'src/index.ts is not a file users need (allowed: package.json, README.md, LICENSE, CHANGELOG.md and dist/ JavaScript, declarations, source maps)',
    ]);
  });

  it('reports a compiled test inside dist', () => {
    expect(findPackagingProblems(withFiles({ 'dist/cache.test.js': 'test();\n' }))).toEqual(['dist/cache.test.js looks like a test, benchmark or fixture']);
  });

  it('reports a fixture folder inside dist', () => {
    expect(findPackagingProblems(withFiles({ 'dist/fixtures/keys.js': 'export {};\n' }))).toEqual([
      'dist/fixtures/keys.js looks like a test, benchmark or fixture',
    ]);
  });

  it('reports a source map whose source is missing', () => {
    const map = JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' });

    expect(findPackagingProblems(withFiles({ 'dist/index.js.map': map }))).toEqual([
      'dist/index.js.map maps to the source ../src/index.ts, which is neither in the package nor embedded in the map',
    ]);
  });

  it('accepts a source map with embedded sources', () => {
    const map = JSON.stringify({ version: 3, sources: ['../src/index.ts'], sourcesContent: ['export const answer = 42;\n'], mappings: '' });

    expect(findPackagingProblems(withFiles({ 'dist/index.js.map': map }))).toEqual([]);
  });

  it('reports a sourceMappingURL to a missing map', () => {
    expect(findPackagingProblems(withFiles({ 'dist/index.js': 'export const answer = 42;\n//# sourceMappingURL=index.js.map\n' }))).toEqual([
      'dist/index.js names the source map index.js.map, which is not in the package',
    ]);
  });

  it('reports a PEM private key', () => {
    const pem = generateRsaKeyPair().privateKeyPkcs8Pem;

    expect(findPackagingProblems(withFiles({ 'dist/key.js': `export const key = ${JSON.stringify(pem)};\n` }))).toEqual([
      'dist/key.js contains what looks like a PEM private key',
    ]);
  });

  it('accepts a PEM header in documentation', () => {
    const doc = '/** A PKCS#8 PEM string that starts with -----BEGIN PRIVATE KEY-----. */\nexport declare const key: string;\n';

    expect(findPackagingProblems(withFiles({ 'dist/index.d.ts': doc }))).toEqual([]);
  });

  it('reports a signed JWT', () => {
    const jwt = [base64urlJson({ alg: 'RS256', typ: 'JWT' }), base64urlJson({ sub: 'alice', aud: 'api' }), 'c2lnbmF0dXJlLW9mLXRoZS10b2tlbg'].join('.');

    expect(findPackagingProblems(withFiles({ 'dist/token.js': `export const token = '${jwt}';\n` }))).toEqual([
      'dist/token.js contains what looks like a JWT',
    ]);
  });

  it('reports a workspace dependency range', () => {
    const manifest = { ...MANIFEST, dependencies: { '@lfx/token-exchange': 'workspace:^' } };

    expect(findPackagingProblems(withFiles({ 'package.json': JSON.stringify(manifest) }))).toEqual([
      'package.json dependencies.@lfx/token-exchange is "workspace:^"; publish with pnpm so it becomes a version range',
    ]);
  });

  it('reports a catalog peer dependency range', () => {
    const manifest = { ...MANIFEST, peerDependencies: { 'openapi-fetch': 'catalog:' } };

    expect(findPackagingProblems(withFiles({ 'package.json': JSON.stringify(manifest) }))).toEqual([
      'package.json peerDependencies.openapi-fetch is "catalog:"; publish with pnpm so it becomes a version range',
    ]);
  });

  it('reports an export target that is not in the package', () => {
    const files = cleanPackage();
    files.delete('dist/index.d.ts');

    expect(findPackagingProblems(files)).toEqual(['package.json points at ./dist/index.d.ts, which is not in the package']);
  });
});
