import type { MiddlewareCallbackParams } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';

import { apiVersionMiddleware } from '../src/middleware.js';

async function runVersionMiddleware(request: Request): Promise<Request> {
  const params = { request, schemaPath: '/projects', params: {}, id: 'test', options: {} } as unknown as MiddlewareCallbackParams;
  const result = await apiVersionMiddleware.onRequest?.(params);
  return result instanceof Request ? result : request;
}

describe('apiVersionMiddleware', () => {
  it('appends v=1 without re-encoding the query', async () => {
    const request = await runVersionMiddleware(new Request('http://127.0.0.1/projects?name=a%20b&tag=x+y'));

    expect(request.url).toBe('http://127.0.0.1/projects?name=a%20b&tag=x+y&v=1');
  });

  it('adds v=1 to a URL without a query', async () => {
    const request = await runVersionMiddleware(new Request('http://127.0.0.1/projects'));

    expect(request.url).toBe('http://127.0.0.1/projects?v=1');
  });

  it('leaves an explicit v alone', async () => {
    const original = new Request('http://127.0.0.1/projects?v=2');

    const request = await runVersionMiddleware(original);

    expect(request).toBe(original);
  });

  it('keeps the method, headers and body', async () => {
    const original = new Request('http://127.0.0.1/projects', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"3"' },
      body: '{"name":"x"}',
    });

    const request = await runVersionMiddleware(original);

    expect(request.method).toBe('PUT');
    expect(request.headers.get('If-Match')).toBe('"3"');
    expect(await request.text()).toBe('{"name":"x"}');
  });
});
