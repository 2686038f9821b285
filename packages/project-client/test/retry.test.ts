import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createProjectClient, ProjectClientError, type ProjectClient } from '../src/index.js';
import { ApiServer } from './support/api-server.js';
import { createAuthMiddleware, ScriptedTokenClient } from './support/auth.js';
import { PROJECT_UID } from './support/fixtures.js';

// The token exchange middleware handles a 401 by sending the request once more through the
// client's fetch from its onResponse hook, where openapi-fetch's onError hooks never run. These
// tests pin that a failure of that second fetch still rejects with a ProjectClientError.

let api: ApiServer;
let tokenClient: ScriptedTokenClient;
let client: ProjectClient;

beforeAll(async () => {
  api = await ApiServer.start();
});

afterAll(async () => {
  await api.close();
});

beforeEach(() => {
  api.reset();
  tokenClient = new ScriptedTokenClient();
  client = createProjectClient({ baseUrl: api.baseUrl, middleware: [createAuthMiddleware(tokenClient)] });
});

describe('failure of the retry after a 401', () => {
  it('rejects a dropped connection as network_error', async () => {
    api.respondWith({ status: 401, body: { code: '401', message: 'token expired' } });
    api.respondWith({ status: 200, drop: true });

    const failure = await client
      .GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ProjectClientError);
    const error = failure as ProjectClientError;
    expect(error.code).toBe('network_error');
    expect(error.method).toBe('GET');
    expect(error.path).toBe(`/projects/${PROJECT_UID}`);
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(api.requests).toHaveLength(2);
    expect(tokenClient.exchanges).toBe(2);
  });

  it('rejects an abort during the retry as aborted', async () => {
    const controller = new AbortController();
    api.respondWith({ status: 401, body: { code: '401', message: 'token expired' } });
    api.respondWith({ status: 200, hang: true });
    const firstReceived = api.nextRequestReceived();
    const retryReceived = api.nextRequestReceived();

    const pending = client.GET('/projects', { signal: controller.signal }).catch((error: unknown) => error);
    await firstReceived;
    await retryReceived;
    controller.abort();
    const failure = await pending;

    expect(failure).toBeInstanceOf(ProjectClientError);
    const error = failure as ProjectClientError;
    expect(error.code).toBe('aborted');
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/projects');
    expect(error.message).toBe('GET /projects was aborted by the AbortSignal passed as `signal`.');
    expect((error.cause as Error).name).toBe('AbortError');
    expect(api.requests).toHaveLength(2);
  });

  it('rejects a timeout during the retry as timeout', async () => {
    const controller = new AbortController();
    api.respondWith({ status: 401, body: { code: '401', message: 'token expired' } });
    api.respondWith({ status: 200, hang: true });
    const firstReceived = api.nextRequestReceived();
    const retryReceived = api.nextRequestReceived();

    const pending = client.GET('/projects', { signal: controller.signal }).catch((error: unknown) => error);
    await firstReceived;
    await retryReceived;
    // AbortSignal.timeout() aborts with this reason. Aborting by hand avoids waiting for a real timer.
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    const failure = await pending;

    expect(failure).toBeInstanceOf(ProjectClientError);
    expect((failure as ProjectClientError).code).toBe('timeout');
    expect(api.requests).toHaveLength(2);
  });

  it('returns the response of a successful retry', async () => {
    api.respondWith({ status: 401, body: { code: '401', message: 'token expired' } });
    api.respondWith({ status: 200, body: { projects: [] } });

    const { data, response } = await client.GET('/projects');

    expect(response.status).toBe(200);
    expect(data).toEqual({ projects: [] });
    expect(api.requests).toHaveLength(2);
  });
});
