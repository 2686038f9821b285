import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenExchangeError } from '../src/errors.js';
import { TokenCache, tokenExchangeMiddleware, type TokenExchangeResponse, type TokenCacheClient } from '../src/index.js';

/** The API that the openapi-fetch client calls in these tests. */
interface paths {
  '/projects/{id}': {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: { content: { 'application/json': { id: string } } }; 401: { content: { 'application/json': { error: string } } } };
    };
  };
  '/projects': {
    post: {
      requestBody: { content: { 'application/json': { name: string; tags: string[] } } };
      responses: { 201: { content: { 'application/json': { id: string } } }; 401: { content: { 'application/json': { error: string } } } };
    };
  };
}

interface ReceivedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A loopback API that records each request and lets each test decide the status code. */
class RecordingApi {
  readonly received: ReceivedRequest[] = [];
  rejectedTokens = new Set<string>();
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }

    const authorization = request.headers.authorization;
    this.received.push({ method: request.method ?? '', url: request.url ?? '', authorization, body: Buffer.concat(chunks).toString('utf8') });

    const token = authorization?.replace(/^Bearer /, '');
    if (token === undefined || this.rejectedTokens.has(token)) {
      response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' });
      response.end(JSON.stringify({ error: 'invalid_token' }));
      return;
    }

    response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: 'project-1' }));
  }
}

/** A client that issues `access-<n>` tokens and counts its calls. */
class CountingClient implements TokenCacheClient {
  exchanges = 0;
  failWith: Error | undefined;

  async exchangeToken(): Promise<TokenExchangeResponse> {
    this.exchanges += 1;
    if (this.failWith !== undefined) {
      throw this.failWith;
    }

    return { access_token: `access-${this.exchanges}`, token_type: 'Bearer', expires_in: 3600 };
  }

  async clientCredentials(): Promise<TokenExchangeResponse> {
    throw new Error('clientCredentials is not used in these tests');
  }
}

const api = new RecordingApi();
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await api.start();
});

afterAll(async () => {
  await api.stop();
});

beforeEach(() => {
  api.received.length = 0;
  api.rejectedTokens.clear();
});

function setup(subjectToken: () => string | undefined = () => 'subject-1') {
  const tokenClient = new CountingClient();
  const cache = new TokenCache({ client: tokenClient });
  const client = createClient<paths>({ baseUrl });
  client.use(tokenExchangeMiddleware({ cache, subjectToken }));
  return { client, cache, tokenClient };
}

describe('tokenExchangeMiddleware', () => {
  it('sets the exchanged token as bearer', async () => {
    const { client } = setup();

    const { data, response } = await client.GET('/projects/{id}', { params: { path: { id: 'p1' } } });

    expect(response.status).toBe(200);
    expect(data).toEqual({ id: 'project-1' });
    expect(api.received.map((request) => request.authorization)).toEqual(['Bearer access-1']);
  });

  it('reuses the cached token', async () => {
    const { client, tokenClient } = setup();

    await client.GET('/projects/{id}', { params: { path: { id: 'p1' } } });
    await client.GET('/projects/{id}', { params: { path: { id: 'p2' } } });

    expect(api.received.map((request) => request.authorization)).toEqual(['Bearer access-1', 'Bearer access-1']);
    expect(tokenClient.exchanges).toBe(1);
  });

  it('replaces an Authorization header set by the caller', async () => {
    const { client } = setup();

    await client.GET('/projects/{id}', { params: { path: { id: 'p1' } }, headers: { Authorization: 'Bearer caller-supplied' } });

    expect(api.received.map((request) => request.authorization)).toEqual(['Bearer access-1']);
  });

  it.each([undefined, '', '  '])('fails before any request when the subject token is %j', async (subjectToken) => {
    const { client, tokenClient } = setup(() => subjectToken);

    const error = await client.GET('/projects/{id}', { params: { path: { id: 'p1' } } }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TokenExchangeError);
    expect((error as TokenExchangeError).code).toBe('missing_subject_token');
    expect((error as TokenExchangeError).message).toBe("`subjectToken` returned no token: make it return the caller's access token.");
    expect(api.received).toHaveLength(0);
    expect(tokenClient.exchanges).toBe(0);
  });

  it('fails before any request when the exchange fails', async () => {
    const { client, tokenClient } = setup();
    const failure = new TokenExchangeError('exchange rejected', { code: 'invalid_grant', status: 400 });
    tokenClient.failWith = failure;

    const error = await client.GET('/projects/{id}', { params: { path: { id: 'p1' } } }).catch((caught: unknown) => caught);

    expect(error).toBe(failure);
    expect(api.received).toHaveLength(0);
  });

  it('retries a 401 once with a new token', async () => {
    const { client, tokenClient } = setup();
    api.rejectedTokens.add('access-1');

    const { data, response } = await client.GET('/projects/{id}', { params: { path: { id: 'p1' } } });

    expect(response.status).toBe(200);
    expect(data).toEqual({ id: 'project-1' });
    expect(api.received.map((request) => request.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(api.received.map((request) => request.url)).toEqual(['/projects/p1', '/projects/p1']);
    expect(tokenClient.exchanges).toBe(2);
  });

  it('keeps the new token after a retry', async () => {
    const { client, tokenClient } = setup();
    api.rejectedTokens.add('access-1');

    await client.GET('/projects/{id}', { params: { path: { id: 'p1' } } });
    await client.GET('/projects/{id}', { params: { path: { id: 'p2' } } });

    expect(api.received.map((request) => request.authorization)).toEqual(['Bearer access-1', 'Bearer access-2', 'Bearer access-2']);
    expect(tokenClient.exchanges).toBe(2);
  });

  it('replays a JSON body intact', async () => {
    const { client } = setup();
    api.rejectedTokens.add('access-1');
    const body = { name: 'Project "one" ✓', tags: ['a', 'b'] };

    const { data, response } = await client.POST('/projects', { body });

    expect(response.status).toBe(201);
    expect(data).toEqual({ id: 'project-1' });
    expect(api.received.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(api.received.map((request) => JSON.parse(request.body) as unknown)).toEqual([body, body]);
    expect(api.received.map((request) => request.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('returns a second 401 without another retry', async () => {
    const { client, tokenClient } = setup();
    api.rejectedTokens.add('access-1');
    api.rejectedTokens.add('access-2');
    api.rejectedTokens.add('access-3');

    const { error, response } = await client.GET('/projects/{id}', { params: { path: { id: 'p1' } } });

    expect(response.status).toBe(401);
    expect(error).toEqual({ error: 'invalid_token' });
    expect(api.received).toHaveLength(2);
    expect(tokenClient.exchanges).toBe(2);
  });

  it('shares one new exchange among concurrent 401s', async () => {
    const { client, tokenClient } = setup();
    await client.GET('/projects/{id}', { params: { path: { id: 'p0' } } });
    api.rejectedTokens.add('access-1');
    api.received.length = 0;

    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => client.GET('/projects/{id}', { params: { path: { id: `p${i}` } } })),
    );

    expect(results.map((result) => result.response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(tokenClient.exchanges).toBe(2);
    expect(api.received.filter((request) => request.authorization === 'Bearer access-2')).toHaveLength(5);
  });

  it('retries through a fetch given to createClient', async () => {
    const tokenClient = new CountingClient();
    const cache = new TokenCache({ client: tokenClient });
    const fetched: string[] = [];
    const client = createClient<paths>({
      baseUrl,
      fetch: (request: Request) => {
        fetched.push(request.headers.get('authorization') ?? '');
        return globalThis.fetch(request);
      },
    });
    client.use(tokenExchangeMiddleware({ cache, subjectToken: () => 'subject-1' }));
    api.rejectedTokens.add('access-1');

    await client.GET('/projects/{id}', { params: { path: { id: 'p1' } } });

    expect(fetched).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('does not retry other error statuses', async () => {
    const { client, tokenClient } = setup();

    const { response } = await client.GET('/projects/{id}', {
      params: { path: { id: 'p1' } },
      fetch: async () => new Response('{"error":"forbidden"}', { status: 403, headers: { 'content-type': 'application/json' } }),
    });

    expect(response.status).toBe(403);
    expect(tokenClient.exchanges).toBe(1);
  });

  it.each([
    { name: 'missing options', options: undefined, message: /options must be an object/ },
    { name: 'a cache without getToken', options: { cache: {}, subjectToken: () => 'x' }, message: /`cache` must be a TokenCache/ },
    { name: 'a subjectToken string', options: { cache: { getToken() {}, delete() {} }, subjectToken: 'x' }, message: /`subjectToken` must be a function/ },
  ])('rejects $name', ({ options, message }) => {
    expect(() => tokenExchangeMiddleware(options as never)).toThrow(TypeError);
    expect(() => tokenExchangeMiddleware(options as never)).toThrow(message);
  });
});
