import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateRsaKeyPair, startAuthServer, type AuthServer } from '@lfx/testing';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_TYPE_ACCESS_TOKEN, TokenCache, TokenExchangeClient, tokenExchangeMiddleware } from '../src/index.js';

const LFX_AUDIENCE = 'https://api.lfx.test';
const MCP_AUDIENCE = 'https://mcp.lfx.test';
const keys = generateRsaKeyPair('middleware-client-1');

interface paths {
  '/me': {
    get: { responses: { 200: { content: { 'application/json': { sub: string } } } } };
  };
  '/notes': {
    post: {
      requestBody: { content: { 'application/json': { text: string } } };
      responses: { 201: { content: { 'application/json': { sub: string; text: string } } } };
    };
  };
}

interface ApiRequest {
  authorization: string | undefined;
  body: string;
}

let authServer: AuthServer;
let api: Server;
let apiUrl = '';
const apiRequests: ApiRequest[] = [];
/** Access tokens that the API rejects with 401, as it would after a revocation. */
const revokedTokens = new Set<string>();

/** An API that accepts only access tokens the authorization server issued for LFX, and returns their `sub`. */
async function handleApiRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }

  const body = Buffer.concat(chunks).toString('utf8');
  apiRequests.push({ authorization: request.headers.authorization, body });
  const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const claims = await authServer.verifyToken(token).catch(() => undefined);
  if (claims === undefined || claims.aud !== LFX_AUDIENCE || revokedTokens.has(token)) {
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end('{"error":"invalid_token"}');
    return;
  }

  const result = request.method === 'POST' ? { sub: claims.sub, ...(JSON.parse(body) as object) } : { sub: claims.sub };
  response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(result));
}

beforeAll(async () => {
  authServer = await startAuthServer({
    clients: [{ clientId: 'middleware-client', publicJwk: keys.publicJwk }],
    audiences: [LFX_AUDIENCE],
  });
  api = createServer((request, response) => void handleApiRequest(request, response));
  api.listen(0, '127.0.0.1');
  await once(api, 'listening');
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

afterAll(async () => {
  api.closeAllConnections();
  await new Promise<void>((resolve) => api.close(() => resolve()));
  await authServer.close();
});

beforeEach(() => {
  authServer.resetStats();
  apiRequests.length = 0;
  revokedTokens.clear();
});

async function setup(sub: string) {
  const subjectToken = await authServer.issueSubjectToken({ sub, audience: MCP_AUDIENCE });
  const cache = new TokenCache({
    client: new TokenExchangeClient({
      tokenEndpoint: authServer.tokenEndpoint,
      clientId: 'middleware-client',
      clientAssertionSigningKey: keys.privateKeyPkcs8Pem,
      subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
      audience: LFX_AUDIENCE,
    }),
  });
  const client = createClient<paths>({ baseUrl: apiUrl });
  client.use(tokenExchangeMiddleware({ cache, subjectToken: () => subjectToken }));
  return { client, cache };
}

describe('tokenExchangeMiddleware with the authorization server', () => {
  it('calls the API as the subject', async () => {
    const { client } = await setup('alice');

    const { data, response } = await client.GET('/me');

    expect(response.status).toBe(200);
    expect(data).toEqual({ sub: 'alice' });
    expect(authServer.stats.tokenExchange).toBe(1);
  });

  it('re-exchanges once after a 401', async () => {
    const { client } = await setup('bob');
    await client.GET('/me');
    const firstToken = apiRequests[0]?.authorization?.replace(/^Bearer /, '') ?? '';
    revokedTokens.add(firstToken);

    const { data, response } = await client.GET('/me');

    expect(response.status).toBe(200);
    expect(data).toEqual({ sub: 'bob' });
    expect(authServer.stats.tokenExchange).toBe(2);
    expect(apiRequests).toHaveLength(3);
    expect(apiRequests[1]?.authorization).toBe(`Bearer ${firstToken}`);
    expect(apiRequests[2]?.authorization).not.toBe(`Bearer ${firstToken}`);
  });

  it('replays a POST body after a 401', async () => {
    const { client } = await setup('carol');
    await client.GET('/me');
    revokedTokens.add(apiRequests[0]?.authorization?.replace(/^Bearer /, '') ?? '');

    const { data, response } = await client.POST('/notes', { body: { text: 'hello, LFX' } });

    expect(response.status).toBe(201);
    expect(data).toEqual({ sub: 'carol', text: 'hello, LFX' });
    expect(apiRequests.slice(1).map((request) => request.body)).toEqual(['{"text":"hello, LFX"}', '{"text":"hello, LFX"}']);
  });
});
