import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { GRANT_TYPE_TOKEN_EXCHANGE, TOKEN_TYPE_ACCESS_TOKEN } from '@lfx/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createClients, createJwtVerifier } from '../src/index.js';
import { createSigningKey, TestIssuer } from './support/issuer.js';
import { LFX_API_AUDIENCE, MCP_CLIENT_ID, startLfxStack, type LfxStack } from './support/lfx.js';
import { startMcpServer, type McpTestServer } from './support/mcp-server.js';

let stack: LfxStack;
let mcp: McpTestServer;

beforeAll(async () => {
  stack = await startLfxStack();
  mcp = await startMcpServer({
    authorizationServers: [stack.authServer.issuer],
    createVerifier: (resourceUrl) => createJwtVerifier({ authServers: [stack.authServer.issuer], audience: resourceUrl }),
    clients: createClients({ apiDomain: stack.api.origin, tokenExchangeClient: stack.tokenExchangeClient }),
  });
});

afterAll(async () => {
  await mcp?.stop();
  await stack?.stop();
});

beforeEach(() => {
  stack.api.requests.length = 0;
  stack.authServer.resetStats();
});

async function connect(bearerToken: string): Promise<Client> {
  const client = new Client({ name: 'e2e-client', version: '0.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(mcp.resourceUrl), {
    requestInit: { headers: { Authorization: `Bearer ${bearerToken}` } },
  });
  await client.connect(transport);
  return client;
}

function mcpTokenFor(sub: string, audience = mcp.resourceUrl): Promise<string> {
  return stack.authServer.issueSubjectToken({ sub, audience, scope: 'openid profile' });
}

function postInitialize(authorization: string | undefined): Promise<Response> {
  return fetch(mcp.resourceUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    }),
  });
}

describe('MCP tool call to LFX API call', () => {
  it('calls the project API with the token exchanged for the caller', async () => {
    const mcpToken = await mcpTokenFor('alice');
    const client = await connect(mcpToken);

    try {
      const result = await client.callTool({ name: 'get_project', arguments: { uid: 'p-42' } });

      expect(result.isError).toBeUndefined();
      expect(result.content).toEqual([{ type: 'text', text: '{"uid":"p-42","name":"alice","slug":"p-42"}' }]);
    } finally {
      await client.close();
    }

    expect(stack.api.requests).toHaveLength(1);
    const [apiRequest] = stack.api.requests;
    expect(apiRequest?.path).toBe('/projects/p-42');
    expect(apiRequest?.claims?.sub).toBe('alice');
    expect(apiRequest?.claims?.aud).toBe(LFX_API_AUDIENCE);
    expect(apiRequest?.claims?.iss).toBe(stack.authServer.issuer);
    expect(apiRequest?.authorization).not.toContain(mcpToken);
    expect(stack.authServer.exchanges).toBe(1);
  });

  it('exchanges as the MCP server for the LFX API audience', async () => {
    const mcpToken = await mcpTokenFor('bob');
    const client = await connect(mcpToken);

    try {
      await client.callTool({ name: 'get_project', arguments: { uid: 'p-1' } });
    } finally {
      await client.close();
    }

    expect(stack.authServer.grants).toHaveLength(1);
    expect(stack.authServer.grants[0]).toMatchObject({
      grantType: GRANT_TYPE_TOKEN_EXCHANGE,
      clientId: MCP_CLIENT_ID,
      outcome: 'issued',
      params: { audience: LFX_API_AUDIENCE, subject_token_type: TOKEN_TYPE_ACCESS_TOKEN, subject_token: '[redacted]' },
    });
  });

  it('keeps concurrent callers apart', async () => {
    const subjects = Array.from({ length: 20 }, (_, index) => `user-${index}`);
    const clients = await Promise.all(subjects.map(async (sub) => connect(await mcpTokenFor(sub))));

    try {
      const results = await Promise.all(
        clients.map((client, index) => client.callTool({ name: 'get_project', arguments: { uid: `p-${index}` } })),
      );

      expect(results.map((result) => result.content)).toEqual(
        subjects.map((sub, index) => [{ type: 'text', text: `{"uid":"p-${index}","name":"${sub}","slug":"p-${index}"}` }]),
      );
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });

  it('responds 401 to another audience', async () => {
    const token = await mcpTokenFor('mallory', LFX_API_AUDIENCE);

    const response = await postInitialize(`Bearer ${token}`);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="The token audience does not include this server", resource_metadata="${mcp.origin}/.well-known/oauth-protected-resource/mcp"`,
    );
    expect(stack.authServer.grants).toHaveLength(0);
    expect(stack.api.requests).toHaveLength(0);
  });

  it('responds 401 to an expired token', async () => {
    const token = await stack.authServer.issueSubjectToken({ sub: 'late', audience: mcp.resourceUrl, expiresInSec: -120 });

    const response = await postInitialize(`Bearer ${token}`);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_token', error_description: 'The token has expired' });
  });

  it('rejects an SDK client without a token', async () => {
    const client = new Client({ name: 'anonymous', version: '0.0.0' });

    await expect(client.connect(new StreamableHTTPClientTransport(new URL(mcp.resourceUrl)))).rejects.toThrow();
    expect(stack.api.requests).toHaveLength(0);
  });

  it('serves the metadata that the 401 points to', async () => {
    const response = await fetch(`${mcp.origin}/.well-known/oauth-protected-resource/mcp`);

    expect(await response.json()).toEqual({
      resource: mcp.resourceUrl,
      authorization_servers: [stack.authServer.issuer],
      bearer_methods_supported: ['header'],
    });
  });
});

describe('JWKS outage', () => {
  let issuer: TestIssuer;
  let outage: McpTestServer;

  beforeAll(async () => {
    issuer = new TestIssuer();
    await issuer.start();
    issuer.keys = [await createSigningKey('key-1')];
    issuer.jwksStatus = 503;
    outage = await startMcpServer({
      authorizationServers: [issuer.issuer],
      createVerifier: (resourceUrl) =>
        createJwtVerifier({ authServers: [{ issuer: issuer.issuer, jwksUri: issuer.jwksUri }], audience: resourceUrl }),
      clients: createClients({ apiDomain: stack.api.origin, tokenExchangeClient: stack.tokenExchangeClient }),
    });
  });

  afterAll(async () => {
    await outage?.stop();
    await issuer?.stop();
  });

  it('responds 500 during a JWKS outage', async () => {
    const token = await issuer.sign({ aud: outage.resourceUrl });

    const response = await fetch(outage.resourceUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{}',
    });

    expect(response.status).toBe(500);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(await response.json()).toEqual({ error: 'server_error', error_description: 'Internal Server Error' });
    expect(issuer.count('/jwks')).toBe(1);
  });
});
