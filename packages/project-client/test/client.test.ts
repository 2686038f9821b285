import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createProjectClient, ProjectClientError, type ProjectClientOptions, type ProjectServiceErrorBody } from '../src/index.js';
import { ApiServer } from './support/api-server.js';
import { PARENT_UID, PROJECT_UID, projectBase } from './support/fixtures.js';

let api: ApiServer;

beforeAll(async () => {
  api = await ApiServer.start();
});

afterAll(async () => {
  await api.close();
});

beforeEach(() => {
  api.reset();
});

/** Returns a loopback URL on which nothing listens: a port the OS handed out and that is closed again. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');

  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}

describe('createProjectClient options', () => {
  const invalidOptions: Array<{ given: unknown; message: RegExp }> = [
    { given: undefined, message: /^createProjectClient options must be an object/ },
    { given: null, message: /^createProjectClient options must be an object/ },
    { given: {}, message: /^`baseUrl` is missing\./ },
    { given: { baseUrl: '' }, message: /^`baseUrl` is missing\./ },
    { given: { baseUrl: 42 }, message: /^`baseUrl` must be a string or a URL, such as "https:\/\/api\.lfx\.dev"\.$/ },
    { given: { baseUrl: '/projects' }, message: /^`baseUrl` must be an absolute http or https URL/ },
    { given: { baseUrl: 'ftp://127.0.0.1' }, message: /^`baseUrl` must be an absolute http or https URL/ },
    { given: { baseUrl: 'https://api.lfx.dev?x=1' }, message: /^`baseUrl` must be an absolute http or https URL/ },
    { given: { baseUrl: 'https://api.lfx.dev#top' }, message: /^`baseUrl` must be an absolute http or https URL/ },
    { given: { baseUrl: 'https://user:pass@api.lfx.dev' }, message: /^`baseUrl` must be an absolute http or https URL/ },
    { given: { baseUrl: 'http://api.lfx.dev' }, message: /^`baseUrl` uses http: on a host other than loopback/ },
    { given: { baseUrl: 'http://10.0.0.8:8080' }, message: /^`baseUrl` uses http: on a host other than loopback/ },
    { given: { baseUrl: 'http://localhost.example.org' }, message: /^`baseUrl` uses http: on a host other than loopback/ },
    { given: { baseUrl: 'https://api.lfx.dev/projects' }, message: /^`baseUrl` ends in \/projects/ },
    { given: { baseUrl: 'https://api.lfx.dev/gateway/projects/' }, message: /^`baseUrl` ends in \/projects/ },
    { given: { baseUrl: new URL('https://api.lfx.dev/projects') }, message: /^`baseUrl` ends in \/projects/ },
    { given: { baseUrl: 'https://api.lfx.dev', allowInsecureRequests: 'yes' }, message: /^`allowInsecureRequests` must be a boolean when set\.$/ },
    { given: { baseUrl: 'https://api.lfx.dev', middleware: {} }, message: /^`middleware` must be an array/ },
    { given: { baseUrl: 'https://api.lfx.dev', middleware: [{}] }, message: /^`middleware\[0\]` must be an openapi-fetch middleware/ },
    { given: { baseUrl: 'https://api.lfx.dev', middleware: [{ onRequest() {} }, null] }, message: /^`middleware\[1\]` must be/ },
    { given: { baseUrl: 'https://api.lfx.dev', fetch: 'fetch' }, message: /^`fetch` must be a function/ },
    { given: { baseUrl: 'https://api.lfx.dev', headers: 'x' }, message: /^`headers` must be a Headers object/ },
  ];

  it.each(invalidOptions)('rejects $given', ({ given, message }) => {
    expect(() => createProjectClient(given as ProjectClientOptions)).toThrow(TypeError);
    expect(() => createProjectClient(given as ProjectClientOptions)).toThrow(message);
  });

  it('names the fix for an http baseUrl', () => {
    expect(() => createProjectClient({ baseUrl: 'http://api.lfx.dev' })).toThrow(
      new TypeError(
        '`baseUrl` uses http: on a host other than loopback, which would send bearer tokens in clear text. ' +
          'Use https:, or set `allowInsecureRequests: true` to allow it (http: needs no option on 127.0.0.0/8, [::1] and localhost).',
      ),
    );
  });

  it('names the fix for a baseUrl ending in /projects', () => {
    expect(() => createProjectClient({ baseUrl: 'https://api.lfx.dev/projects' })).toThrow(
      new TypeError(
        '`baseUrl` ends in /projects, but every operation path already starts with /projects. ' +
          'Pass the API base without the service path, such as "https://api.lfx.dev".',
      ),
    );
  });

  it.each(['http://127.0.0.1:8080', 'http://127.45.3.9', 'http://localhost:3000/api', 'http://[::1]:8080', 'https://api.lfx.dev/projects-gateway'])(
    'accepts the baseUrl %s',
    (baseUrl) => {
      expect(() => createProjectClient({ baseUrl })).not.toThrow();
    },
  );

  it('accepts http anywhere with allowInsecureRequests', () => {
    expect(() => createProjectClient({ baseUrl: 'http://api.lfx.dev', allowInsecureRequests: true })).not.toThrow();
  });

  it('accepts a URL object as baseUrl', async () => {
    const client = createProjectClient({ baseUrl: new URL(`${api.baseUrl}/gateway/`) });
    api.respondWith({ status: 200, body: projectBase });

    await client.GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } });

    expect(api.onlyRequest().path).toBe(`/gateway/projects/${PROJECT_UID}`);
  });

  it('keeps credentials out of the baseUrl message', () => {
    expect(() => createProjectClient({ baseUrl: 'https://user:s3cret@api.lfx.dev' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });

  it('accepts a baseUrl with a path and trailing slash', async () => {
    const client = createProjectClient({ baseUrl: `${api.baseUrl}/gateway/` });
    api.respondWith({ status: 200, body: projectBase });

    await client.GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } });

    expect(api.onlyRequest().path).toBe(`/gateway/projects/${PROJECT_UID}`);
  });

  it('sends the headers option with every request', async () => {
    const client = createProjectClient({ baseUrl: api.baseUrl, headers: { 'X-Request-Source': 'mcp-tool' } });
    api.respondWith({ status: 200, body: projectBase });

    await client.GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } });

    expect(api.onlyRequest().headers['x-request-source']).toBe('mcp-tool');
  });

  it('sends requests through the fetch option', async () => {
    const seen: string[] = [];
    const client = createProjectClient({
      baseUrl: api.baseUrl,
      fetch: (request) => {
        seen.push(`${request.method} ${request.url}`);
        return fetch(request);
      },
    });
    api.respondWith({ status: 200, body: projectBase });

    await client.GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } });

    expect(seen).toEqual([`GET ${api.baseUrl}/projects/${PROJECT_UID}?v=1`]);
  });

  it('runs caller middleware after its own', async () => {
    const urls: string[] = [];
    const recorder: Middleware = {
      onRequest({ request }) {
        urls.push(request.url);
      },
    };
    const client = createProjectClient({ baseUrl: api.baseUrl, middleware: [recorder] });
    api.respondWith({ status: 200, body: projectBase });

    await client.GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } });

    expect(urls).toEqual([`${api.baseUrl}/projects/${PROJECT_UID}?v=1`]);
  });
});

describe('version parameter', () => {
  it('adds v=1 by default', async () => {
    const client = createProjectClient({ baseUrl: api.baseUrl });
    api.respondWith({ status: 200, body: { projects: [] } });

    await client.GET('/projects');

    expect(api.onlyRequest().query.getAll('v')).toEqual(['1']);
  });

  it('keeps a v set by the caller', async () => {
    const client = createProjectClient({ baseUrl: api.baseUrl });
    api.respondWith({ status: 200, body: { projects: [] } });

    await client.GET('/projects', { params: { query: { v: '1' } } });

    expect(api.onlyRequest().query.getAll('v')).toEqual(['1']);
  });
});

describe('error responses', () => {
  const statuses = [400, 404, 409, 500, 503] as const;

  it.each(statuses)('returns the %i body as a typed error', async (status) => {
    const client = createProjectClient({ baseUrl: api.baseUrl });
    const body: ProjectServiceErrorBody = { code: String(status), message: `status ${status}` };
    api.respondWith({ status, body });

    const { data, error, response } = await client.PUT('/projects/{uid}', {
      params: { path: { uid: PROJECT_UID } },
      body: { slug: 'analytical-engine', name: 'Analytical Engine', description: 'x', parent_uid: PARENT_UID },
    });

    expect(response.status).toBe(status);
    expect(data).toBeUndefined();
    expect(error?.code).toBe(String(status));
    expect(error?.message).toBe(`status ${status}`);
  });
});

describe('network errors', () => {
  it('wraps a refused connection with method and path', async () => {
    const client = createProjectClient({ baseUrl: await closedPortUrl() });

    const failure = await client.GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ProjectClientError);
    const error = failure as ProjectClientError;
    expect(error.code).toBe('network_error');
    expect(error.method).toBe('GET');
    expect(error.path).toBe(`/projects/${PROJECT_UID}`);
    expect(error.status).toBeUndefined();
    expect(error.message).toBe(
      `GET /projects/${PROJECT_UID} failed before a response arrived: the connection could not be made or was dropped. ` +
        'Check that `baseUrl` points at a reachable LFX API, then retry.',
    );
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('leaves the query string and headers out of the error', async () => {
    const client = createProjectClient({ baseUrl: await closedPortUrl(), headers: { Authorization: 'Bearer secret-token' } });

    const error = (await client.GET('/projects').catch((caught: unknown) => caught)) as ProjectClientError;

    expect(error.path).toBe('/projects');
    expect(error.message).not.toContain('v=1');
    expect(error.message).not.toContain('secret-token');
    expect(JSON.stringify(error)).not.toContain('secret-token');
  });

  it('wraps a per-request fetch failure', async () => {
    const client = createProjectClient({ baseUrl: await closedPortUrl() });
    const perRequestFetch = (request: Request) => fetch(request);

    const error = (await client.GET('/projects', { fetch: perRequestFetch }).catch((caught: unknown) => caught)) as ProjectClientError;

    expect(error).toBeInstanceOf(ProjectClientError);
    expect(error.code).toBe('network_error');
    expect(error.path).toBe('/projects');
  });

  it('wraps a per-request fetch in request()', async () => {
    const client = createProjectClient({ baseUrl: await closedPortUrl() });
    const perRequestFetch = (request: Request) => fetch(request);

    const error = (await client.request('get', '/projects', { fetch: perRequestFetch }).catch((caught: unknown) => caught)) as ProjectClientError;

    expect(error).toBeInstanceOf(ProjectClientError);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/projects');
  });

  it('gives onError hooks the ProjectClientError', async () => {
    const seen: unknown[] = [];
    const observer: Middleware = {
      onError({ error }) {
        seen.push(error);
      },
    };
    const client = createProjectClient({ baseUrl: await closedPortUrl(), middleware: [observer] });

    const error = await client.GET('/projects').catch((caught: unknown) => caught);

    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(error);
    expect(error).toBeInstanceOf(ProjectClientError);
  });

  it('reports an aborted request as aborted', async () => {
    const client = createProjectClient({ baseUrl: api.baseUrl });
    const controller = new AbortController();
    api.respondWith({ status: 200, hang: true });
    const received = api.nextRequestReceived();

    const pending = client.GET('/projects', { signal: controller.signal }).catch((error: unknown) => error);
    await received;
    controller.abort();
    const error = (await pending) as ProjectClientError;

    expect(error).toBeInstanceOf(ProjectClientError);
    expect(error.code).toBe('aborted');
    expect(error.message).toBe('GET /projects was aborted by the AbortSignal passed as `signal`.');
    expect((error.cause as Error).name).toBe('AbortError');
  });

  it('reports a TimeoutError abort as a timeout', async () => {
    const client = createProjectClient({ baseUrl: api.baseUrl });
    const controller = new AbortController();
    api.respondWith({ status: 200, hang: true });
    const received = api.nextRequestReceived();

    const pending = client.GET('/projects', { signal: controller.signal }).catch((error: unknown) => error);
    await received;
    // AbortSignal.timeout() aborts with this reason. Aborting by hand avoids waiting for a real timer.
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    const error = (await pending) as ProjectClientError;

    expect(error.code).toBe('timeout');
    expect(error.message).toBe(
      'GET /projects timed out before a response arrived. Allow more time in the AbortSignal passed as `signal`, or retry.',
    );
  });
});
