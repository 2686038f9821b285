import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { createProjectClient, type ProjectClient, type ProjectDocument } from '../src/index.js';
import { ApiServer } from './support/api-server.js';
import { conflictError, DOCUMENT_UID, PROJECT_UID, projectBase, projectDocument } from './support/fixtures.js';

const PACKAGE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const README = join(PACKAGE_DIR, 'README.md');
const SOURCE_INDEX = join(PACKAGE_DIR, 'src/index.ts');

interface ReadmeExample {
  renameProject(client: ProjectClient, uid: string, name: string): Promise<boolean>;
  uploadDocument(client: ProjectClient, uid: string, file: File): Promise<ProjectDocument | undefined>;
  downloadDocument(client: ProjectClient, uid: string, documentUid: string): Promise<Blob | undefined>;
}

async function readTypeScriptBlocks(): Promise<string[]> {
  const markdown = await readFile(README, 'utf8');
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/**
 * Type-checks each block as its own module placed in the package directory, so that
 * `@lfx/token-exchange` resolves as it does for the tests, with `@lfx/project-client`
 * mapped to the sources.
 */
function typecheckBlocks(blocks: string[]): string[] {
  const virtualFiles = new Map(blocks.map((block, index) => [join(PACKAGE_DIR, `readme-block-${index}.ts`), block]));
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    paths: { '@lfx/project-client': [SOURCE_INDEX] },
  };
  const host = ts.createCompilerHost(options);
  const readSourceFile = host.getSourceFile.bind(host);

  host.fileExists = (fileName) => virtualFiles.has(fileName) || ts.sys.fileExists(fileName);
  host.readFile = (fileName) => virtualFiles.get(fileName) ?? ts.sys.readFile(fileName);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = virtualFiles.get(fileName);
    return text === undefined ? readSourceFile(fileName, languageVersion) : ts.createSourceFile(fileName, text, languageVersion, true);
  };

  const program = ts.createProgram([...virtualFiles.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

// A TypeScript program takes about 5 s alone and several times that while turbo runs every
// package's tasks at once.
vi.setConfig({ testTimeout: 120_000 });

let api: ApiServer;
let client: ProjectClient;
let exampleDirectory: string;
let example: ReadmeExample;

beforeAll(async () => {
  api = await ApiServer.start();
  client = createProjectClient({ baseUrl: api.baseUrl });

  const blocks = await readTypeScriptBlocks();
  const runnable = blocks.find((block) => block.includes('export async function renameProject'));
  if (runnable === undefined) {
    throw new Error('README.md has no ```ts block with renameProject');
  }

  exampleDirectory = await mkdtemp(join(tmpdir(), 'lfx-project-readme-'));
  const examplePath = join(exampleDirectory, 'example.ts');
  await writeFile(examplePath, runnable.replace("from '@lfx/project-client'", `from ${JSON.stringify(SOURCE_INDEX)}`));
  example = (await import(examplePath)) as ReadmeExample;
});

afterAll(async () => {
  await rm(exampleDirectory, { recursive: true, force: true });
  await api.close();
});

beforeEach(() => {
  api.reset();
});

describe('README.md', () => {
  it('has TypeScript blocks that compile', async () => {
    const blocks = await readTypeScriptBlocks();

    expect(blocks).toHaveLength(2);
    expect(typecheckBlocks(blocks)).toEqual([]);
  });

  it('renames a project with If-Match', async () => {
    api.respondWith({ status: 200, headers: { ETag: '"4"' }, body: projectBase });
    api.respondWith({ status: 200, body: { ...projectBase, name: 'Difference Engine' } });

    const renamed = await example.renameProject(client, PROJECT_UID, 'Difference Engine');

    expect(renamed).toBe(true);
    const update = api.requests[1];
    expect(update?.method).toBe('PUT');
    expect(update?.headers['if-match']).toBe('"4"');
    expect(update?.headers['x-sync']).toBe('true');
    expect(JSON.parse(update?.body.toString('utf8') ?? '')).toEqual({ ...projectBase, name: 'Difference Engine' });
  });

  it('reports a rename conflict as false', async () => {
    api.respondWith({ status: 200, headers: { ETag: '"4"' }, body: projectBase });
    api.respondWith({ status: 409, body: conflictError });

    expect(await example.renameProject(client, PROJECT_UID, 'Difference Engine')).toBe(false);
  });

  it('uploads a document as multipart', async () => {
    api.respondWith({ status: 201, body: projectDocument });

    const document = await example.uploadDocument(client, PROJECT_UID, new File(['%PDF-'], 'charter.pdf', { type: 'application/pdf' }));

    expect(document?.uid).toBe(DOCUMENT_UID);
    expect(api.onlyRequest().headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('downloads a document as a Blob', async () => {
    api.respondWith({ status: 200, headers: { 'Content-Type': 'application/pdf' }, body: Buffer.from('%PDF-') });

    const blob = await example.downloadDocument(client, PROJECT_UID, DOCUMENT_UID);

    expect(await blob?.text()).toBe('%PDF-');
  });
});
