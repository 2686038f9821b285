import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requestToken } from '../src/http.js';
import { startFaultServer, sendJson, type FaultServer } from './support/fault-server.js';
import { captureRejection, scanForLeaksAfterAll } from './support/leak-scan.js';

let server: FaultServer;

scanForLeaksAfterAll();

beforeAll(async () => {
  server = await startFaultServer();
});

afterAll(async () => {
  await server.close();
});

function request(maxResponseBytes?: number) {
  return requestToken({
    tokenEndpoint: server.url,
    form: new URLSearchParams({ grant_type: 'client_credentials' }),
    fetch,
    timeoutMs: 5_000,
    secrets: [],
    maxResponseBytes,
  });
}

describe('requestToken', () => {
  it('returns status and parsed body without judging them', async () => {
    server.respondWith((_request, response) => sendJson(response, 400, { error: 'invalid_client' }));

    const raw = await request();

    expect(raw).toEqual({ status: 400, body: { error: 'invalid_client' } });
  });

  it('returns an undefined body for HTML', async () => {
    server.respondWith((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
    });

    const raw = await request();

    expect(raw).toEqual({ status: 502, body: undefined });
  });

  it('returns an undefined body for an empty one', async () => {
    server.respondWith((_request, response) => {
      response.writeHead(204).end();
    });

    const raw = await request();

    expect(raw).toEqual({ status: 204, body: undefined });
  });

  it('returns an undefined body for invalid UTF-8', async () => {
    server.respondWith((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.from([0x22, 0xff, 0x22]));
    });

    const raw = await request();

    expect(raw).toEqual({ status: 200, body: undefined });
  });

  it('accepts a body of exactly the limit', async () => {
    const body = JSON.stringify({ padding: 'p'.repeat(100) });
    server.respondWith((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });

    const raw = await request(Buffer.byteLength(body));

    expect(raw.status).toBe(200);
  });

  it('rejects a chunked body one byte over the limit', async () => {
    const body = JSON.stringify({ padding: 'p'.repeat(100) });
    server.respondWith((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write(body.slice(0, 50));
      response.end(body.slice(50));
    });

    const error = await captureRejection(request(Buffer.byteLength(body) - 1));

    expect(error).toMatchObject({ code: 'response_too_large', status: 200 });
  });
});
