import { readFile } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMcpApp } from './readme-example.js';
import { close, listen } from './support/http.js';
import { LFX_API_AUDIENCE, MCP_CLIENT_ID, MCP_CLIENT_SECRET, startLfxStack, type LfxStack } from './support/lfx.js';

let stack: LfxStack;
const server = createServer();
let resourceUrl: string;

beforeAll(async () => {
  stack = await startLfxStack();
  const origin = await listen(server);
  resourceUrl = `${origin}/mcp`;
  const app = createMcpApp({
    resourceUrl,
    issuer: stack.authServer.issuer,
    tokenEndpoint: stack.authServer.tokenEndpoint,
    clientId: MCP_CLIENT_ID,
    clientSecret: MCP_CLIENT_SECRET,
    lfxApiAudience: LFX_API_AUDIENCE,
    apiDomain: stack.api.origin,
  });
  server.on('request', app as RequestListener);
});

afterAll(async () => {
  await close(server);
  await stack?.stop();
});

describe('README example', () => {
  it('serves a tool call as the caller', async () => {
    const token = await stack.authServer.issueSubjectToken({ sub: 'readme-reader', audience: resourceUrl });
    const client = new Client({ name: 'readme', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(resourceUrl), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
    );

    try {
      const result = await client.callTool({ name: 'get_project', arguments: { uid: 'docs' } });

      expect(result.content).toEqual([{ type: 'text', text: '{"uid":"docs","name":"readme-reader","slug":"docs"}' }]);
      expect(stack.api.requests.at(-1)?.claims).toMatchObject({ sub: 'readme-reader', aud: LFX_API_AUDIENCE });
    } finally {
      await client.close();
    }
  });

  it('is the code that README.md shows', async () => {
    const example = await readFile(new URL('./readme-example.ts', import.meta.url), 'utf8');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');

    const readmeCode = /<!-- example:start -->\n```ts\n([\s\S]*?)```\n<!-- example:end -->/.exec(readme)?.[1];

    expect(readmeCode).toBe(example.replace("from '../src/index.js'", "from '@lfx/mcp-auth'"));
  });
});
