import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateRsaKeyPair, startAuthServer, type AuthServer } from '@lfx/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const README = new URL('../README.md', import.meta.url);
const EXAMPLE = new URL('./readme-example.ts', import.meta.url);
const LFX_AUDIENCE = 'https://api.lfx.test';
const keys = generateRsaKeyPair('readme-example-key');
const ENVIRONMENT = ['LFX_TOKEN_ENDPOINT', 'LFX_CLIENT_ID', 'LFX_CLIENT_PRIVATE_KEY', 'LFX_API_AUDIENCE', 'LFX_API_URL'];

let authServer: AuthServer;
let api: Server;
let getProjectName: (mcpAccessToken: string, uid: string) => Promise<string>;

/** Returns the README's ```ts block that defines `name`. */
async function readReadmeBlock(name: string): Promise<string> {
  const markdown = await readFile(README, 'utf8');
  const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const block = blocks.find((text) => text.includes(`function ${name}(`));
  if (block === undefined) {
    throw new Error(`README.md has no \`\`\`ts block that defines ${name}()`);
  }

  return block;
}

beforeAll(async () => {
  authServer = await startAuthServer({
    clients: [{ clientId: 'readme-mcp-server', publicJwk: keys.publicJwk }],
    audiences: [LFX_AUDIENCE],
  });

  // The project API accepts only LFX tokens from the authorization server and names the project after their subject.
  api = createServer((request, response) => {
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    void authServer.verifyToken(token).then(
      (claims) => {
        const uid = decodeURIComponent(request.url?.split('/').pop() ?? '');
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ uid, name: `${uid} of ${claims.sub}` }));
      },
      () => {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end('{"error":"invalid_token"}');
      },
    );
  });
  api.listen(0, '127.0.0.1');
  await once(api, 'listening');

  process.env.LFX_TOKEN_ENDPOINT = authServer.tokenEndpoint;
  process.env.LFX_CLIENT_ID = 'readme-mcp-server';
  process.env.LFX_CLIENT_PRIVATE_KEY = keys.privateKeyPkcs8Pem;
  process.env.LFX_API_AUDIENCE = LFX_AUDIENCE;
  process.env.LFX_API_URL = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  ({ getProjectName } = await import('./readme-example.js'));
});

afterAll(async () => {
  for (const name of ENVIRONMENT) {
    delete process.env[name];
  }

  api.closeAllConnections();
  await new Promise<void>((resolve) => api.close(() => resolve()));
  await authServer.close();
});

describe('README example', () => {
  it('matches test/readme-example.ts', async () => {
    const example = await readFile(EXAMPLE, 'utf8');

    const block = await readReadmeBlock('getProjectName');

    expect(block).toBe(example.replace("from '../src/index.js'", "from '@lfx/token-exchange'"));
  });

  it('reads a project as the caller', async () => {
    authServer.resetStats();
    const mcpAccessToken = await authServer.issueSubjectToken({ sub: 'ada', audience: 'https://mcp.lfx.test' });

    expect(await getProjectName(mcpAccessToken, 'p-1')).toBe('p-1 of ada');
    expect(await getProjectName(mcpAccessToken, 'p-2')).toBe('p-2 of ada');
    expect(authServer.stats.tokenExchange).toBe(1);
  });

  it('keeps callers apart', async () => {
    const [grace, linus] = await Promise.all([
      authServer.issueSubjectToken({ sub: 'grace', audience: 'https://mcp.lfx.test' }),
      authServer.issueSubjectToken({ sub: 'linus', audience: 'https://mcp.lfx.test' }),
    ]);

    const names = await Promise.all([getProjectName(grace, 'p-3'), getProjectName(linus, 'p-3'), getProjectName(grace, 'p-4')]);

    expect(names).toEqual(['p-3 of grace', 'p-3 of linus', 'p-4 of grace']);
  });
});
