import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeyPair, startAuthServer, type AuthServer } from '@lfx/testing';

import { TokenExchangeError } from '../src/index.js';
import { captureRejection, leakScanner, scanForLeaksAfterAll } from './support/leak-scan.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const SOURCE_INDEX = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const AUDIENCE = 'https://api.lfx.test';
const keys = generateRsaKeyPair('readme-key');

let server: AuthServer;
let exampleDirectory: string;
let tokenForCaller: (mcpAccessToken: string) => Promise<string>;

scanForLeaksAfterAll();

/** Returns the README's TypeScript block that defines tokenForCaller, with its package import pointed at the sources. */
async function readExample(): Promise<string> {
  const markdown = await readFile(README, 'utf8');
  const match = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].find((block) => block[1]?.includes('function tokenForCaller('));
  if (match?.[1] === undefined) {
    throw new Error('README.md has no ```ts block that defines tokenForCaller()');
  }
  return match[1].replace("from '@lfx/token-exchange'", `from ${JSON.stringify(SOURCE_INDEX)}`);
}

beforeAll(async () => {
  leakScanner.addSecret(keys.privateKeyPkcs8Pem);
  server = await startAuthServer({
    clients: [{ clientId: 'readme-client', publicJwk: keys.publicJwk }],
    audiences: [AUDIENCE],
  });

  process.env.LFX_TOKEN_ENDPOINT = server.tokenEndpoint;
  process.env.LFX_CLIENT_ID = 'readme-client';
  process.env.LFX_CLIENT_PRIVATE_KEY = keys.privateKeyPkcs8Pem;
  process.env.LFX_API_AUDIENCE = AUDIENCE;

  exampleDirectory = await mkdtemp(join(tmpdir(), 'lfx-readme-'));
  const examplePath = join(exampleDirectory, 'example.ts');
  await writeFile(examplePath, await readExample());
  ({ tokenForCaller } = (await import(examplePath)) as { tokenForCaller: typeof tokenForCaller });
});

afterAll(async () => {
  for (const name of ['LFX_TOKEN_ENDPOINT', 'LFX_CLIENT_ID', 'LFX_CLIENT_PRIVATE_KEY', 'LFX_API_AUDIENCE']) {
    delete process.env[name];
  }
  await rm(exampleDirectory, { recursive: true, force: true });
  await server.close();
});

describe('README.md client example', () => {
  it('exchanges the caller token', async () => {
    const subjectToken = await server.issueSubjectToken({ sub: 'readme-user', audience: 'https://mcp.lfx.test' });
    leakScanner.addSecret(subjectToken);

    const accessToken = await tokenForCaller(subjectToken);
    leakScanner.addSecret(accessToken);

    const claims = await server.verifyToken(accessToken);
    expect(claims.sub).toBe('readme-user');
    expect(claims.aud).toBe(AUDIENCE);
  });

  it('rethrows invalid_grant for an expired caller token', async () => {
    const subjectToken = await server.issueSubjectToken({ sub: 'readme-user', audience: 'x', expiresInSec: -1 });
    leakScanner.addSecret(subjectToken);

    const error = await captureRejection(tokenForCaller(subjectToken));

    expect(error).toBeInstanceOf(TokenExchangeError);
    expect(error).toMatchObject({ code: 'invalid_grant' });
  });
});
