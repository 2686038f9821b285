import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  MAX_RESPONSE_BYTES,
  TOKEN_TYPE_ACCESS_TOKEN,
  TokenExchangeClient,
  TokenExchangeError,
  type TokenExchangeConfig,
} from '../src/index.js';
import { startFaultServer, sendJson, type FaultServer } from './support/fault-server.js';
import { captureRejection, leakScanner, scanForLeaksAfterAll } from './support/leak-scan.js';

const CLIENT_SECRET = 'fault-suite-secret-9c2e7';
const SUBJECT_TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJmYXVsdC1zdWJqZWN0LWFsaWNlIn0.fault-subject-signature-xyz';
const ISSUED_TOKEN = 'issued-access-token-fault-suite-7e21';

let server: FaultServer;

scanForLeaksAfterAll();

beforeAll(async () => {
  leakScanner.addSecret(CLIENT_SECRET);
  leakScanner.addSecret(SUBJECT_TOKEN);
  leakScanner.addSecret(ISSUED_TOKEN);
  server = await startFaultServer();
});

afterAll(async () => {
  await server.close();
});

function client(overrides: Partial<TokenExchangeConfig> = {}): TokenExchangeClient {
  return new TokenExchangeClient({
    tokenEndpoint: server.url,
    clientId: 'fault-client',
    clientSecret: CLIENT_SECRET,
    subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
    audience: 'https://api.lfx.test',
    ...overrides,
  });
}

function exchange(overrides: Partial<TokenExchangeConfig> = {}, signal?: AbortSignal): Promise<unknown> {
  return client(overrides).exchangeToken(SUBJECT_TOKEN, { signal });
}

async function exchangeError(overrides: Partial<TokenExchangeConfig> = {}, signal?: AbortSignal): Promise<TokenExchangeError> {
  const error = await captureRejection(exchange(overrides, signal));
  expect(error).toBeInstanceOf(TokenExchangeError);
  return error as TokenExchangeError;
}

describe('TokenExchangeClient against a faulty token endpoint', () => {
  describe('OAuth error responses', () => {
    it.each([
      { status: 400, error: 'invalid_grant', description: 'subject token expired' },
      { status: 401, error: 'invalid_client', description: 'client authentication failed' },
      { status: 500, error: 'server_error', description: 'database unavailable' },
      { status: 503, error: 'temporarily_unavailable', description: 'try again later' },
    ])('maps HTTP $status with $error', async ({ status, error, description }) => {
      server.respondWith((_request, response) => sendJson(response, status, { error, error_description: description }));

      const thrown = await exchangeError();

      expect(thrown.code).toBe(error);
      expect(thrown.status).toBe(status);
      expect(thrown.description).toBe(description);
      expect(thrown.message).toBe(
        `Token endpoint returned HTTP ${status} with OAuth error ${JSON.stringify(error)}: ${JSON.stringify(description)}`,
      );
    });

    it('treats a 200 carrying error as that error', async () => {
      server.respondWith((_request, response) =>
        sendJson(response, 200, { error: 'invalid_grant', error_description: 'revoked', access_token: ISSUED_TOKEN }),
      );

      const thrown = await exchangeError();

      expect(thrown.code).toBe('invalid_grant');
      expect(thrown.status).toBe(200);
      expect(thrown.description).toBe('revoked');
    });

    it('JSON-encodes server strings in the message', async () => {
      server.respondWith((_request, response) =>
        sendJson(response, 400, { error: 'bad"code\n', error_description: 'line one\nline "two"' }),
      );

      const thrown = await exchangeError();

      expect(thrown.code).toBe('bad"code\n');
      expect(thrown.message).toContain('"bad\\"code\\n"');
      expect(thrown.message).toContain('"line one\\nline \\"two\\""');
      expect(thrown.message).not.toContain('\n');
    });

    it('redacts an echoed subject token from the description', async () => {
      server.respondWith((_request, response, form) =>
        sendJson(response, 400, {
          error: 'invalid_grant',
          error_description: `cannot use ${form.get('subject_token') ?? ''} with ${form.get('client_secret') ?? ''}`,
        }),
      );

      const thrown = await exchangeError();

      expect(thrown.description).toBe('cannot use [redacted] with [redacted]');
    });
  });

  describe('responses without an OAuth error body', () => {
    it('reports an HTML 502 page as http_error', async () => {
      server.respondWith((_request, response) => {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      });

      const thrown = await exchangeError();

      expect(thrown.code).toBe('http_error');
      expect(thrown.status).toBe(502);
      expect(thrown.description).toBeUndefined();
      expect(thrown.message).not.toContain('<html>');
    });

    it('does not follow a redirect', async () => {
      let redirected = 0;
      server.respondWith((request, response) => {
        if (request.url === '/elsewhere') {
          redirected += 1;
          sendJson(response, 200, { access_token: ISSUED_TOKEN, token_type: 'Bearer' });
          return;
        }
        response.writeHead(307, { location: '/elsewhere' }).end();
      });

      const thrown = await exchangeError();

      expect(thrown.code).toBe('http_error');
      expect(thrown.status).toBe(307);
      expect(redirected).toBe(0);
    });

    it('reports invalid JSON in a 200 as invalid_response', async () => {
      server.respondWith((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"access_token": "abc", ');
      });

      const thrown = await exchangeError();

      expect(thrown.code).toBe('invalid_response');
      expect(thrown.status).toBe(200);
      expect(thrown.message).toContain('body is not JSON');
    });

    it('reports a 200 without access_token as invalid_response', async () => {
      server.respondWith((_request, response) => sendJson(response, 200, { token_type: 'Bearer', expires_in: 3600 }));

      const thrown = await exchangeError();

      expect(thrown.code).toBe('invalid_response');
      expect(thrown.message).toContain('access_token is missing');
    });
  });

  describe('expires_in', () => {
    it('converts the string "3600" to 3600', async () => {
      server.respondWith((_request, response) =>
        sendJson(response, 200, { access_token: ISSUED_TOKEN, token_type: 'Bearer', expires_in: '3600' }),
      );

      const response = await client().exchangeToken(SUBJECT_TOKEN);

      expect(response.expires_in).toBe(3600);
    });

    it('rejects -5', async () => {
      server.respondWith((_request, response) =>
        sendJson(response, 200, { access_token: ISSUED_TOKEN, token_type: 'Bearer', expires_in: -5 }),
      );

      const thrown = await exchangeError();

      expect(thrown.code).toBe('invalid_response');
      expect(thrown.message).toContain('expires_in must be a positive integer');
    });

    it('accepts a missing value', async () => {
      server.respondWith((_request, response) => sendJson(response, 200, { access_token: ISSUED_TOKEN, token_type: 'Bearer' }));

      const response = await client().exchangeToken(SUBJECT_TOKEN);

      expect(response).toEqual({ access_token: ISSUED_TOKEN, token_type: 'Bearer' });
    });
  });

  describe('transport failures', () => {
    it('times out a server that never answers', async () => {
      let received = 0;
      server.respondWith(() => {
        received += 1;
      });

      const thrown = await exchangeError({ timeoutMs: 200 });

      expect(thrown.code).toBe('timeout');
      expect(thrown.status).toBeUndefined();
      expect(thrown.message).toBe(
        'Token request timed out after 200 ms: check the token endpoint or raise timeoutMs.',
      );
      expect(received).toBe(1);
    });

    it('times out a body that stops halfway', async () => {
      server.respondWith((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        response.write('{"access_token":');
      });

      const thrown = await exchangeError({ timeoutMs: 200 });

      expect(thrown.code).toBe('timeout');
    });

    it('times out a custom fetch that ignores the signal', async () => {
      const neverSettles: typeof fetch = () => new Promise<Response>(() => undefined);

      const thrown = await exchangeError({ timeoutMs: 100, fetch: neverSettles });

      expect(thrown.code).toBe('timeout');
    });

    it('reports a reset connection as network_error', async () => {
      server.respondWith((request) => {
        request.socket.destroy();
      });

      const thrown = await exchangeError();

      expect(thrown.code).toBe('network_error');
      expect(thrown.status).toBeUndefined();
      expect(thrown.cause).toBeInstanceOf(Error);
      expect((thrown.cause as Error).message).toBe('fetch failed');
    });

    it('reports a refused connection as network_error', async () => {
      const closed = await startFaultServer();
      const url = closed.url;
      await closed.close();

      const thrown = await exchangeError({ tokenEndpoint: url });

      expect(thrown.code).toBe('network_error');
      expect(((thrown.cause as Error).cause as { code?: unknown }).code).toBe('ECONNREFUSED');
    });

    it('stops reading a 10 MB body and closes the connection', async () => {
      const total = 10 * 1024 * 1024;
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      let serverSawClose!: Promise<{ sent: number; finished: boolean }>;

      server.respondWith((_request, response) => {
        serverSawClose = new Promise((resolve) => {
          response.on('close', () => resolve({ sent, finished: response.writableFinished }));
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        const pump = (): void => {
          while (sent < total) {
            sent += chunk.length;
            if (!response.write(chunk)) {
              response.once('drain', pump);
              return;
            }
          }
          response.end();
        };
        pump();
      });

      const thrown = await exchangeError();
      const { sent: sentAtClose, finished } = await serverSawClose;

      expect(thrown.code).toBe('response_too_large');
      expect(thrown.status).toBe(200);
      expect(thrown.message).toBe(`Token endpoint response body exceeds the ${MAX_RESPONSE_BYTES}-byte limit.`);
      expect(finished).toBe(false);
      expect(sentAtClose).toBeLessThan(total);
    });

    it('rejects a declared length over the limit before reading', async () => {
      server.respondWith((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MAX_RESPONSE_BYTES + 1) });
        response.write('{');
      });

      const thrown = await exchangeError();

      expect(thrown.code).toBe('response_too_large');
    });

    it('reports a caller abort during the request as aborted', async () => {
      const controller = new AbortController();
      server.respondWith(() => {
        controller.abort(new Error('caller went away'));
      });

      const thrown = await exchangeError({}, controller.signal);

      expect(thrown.code).toBe('aborted');
      expect(thrown.message).toBe("Token request was aborted by the caller's signal.");
      expect((thrown.cause as Error).message).toBe('caller went away');
    });

    it('reports a caller timeout signal during the request as timeout', async () => {
      const controller = new AbortController();
      server.respondWith(() => {
        controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
      });

      const thrown = await exchangeError({}, controller.signal);

      expect(thrown.code).toBe('timeout');
      expect(thrown.message).toBe("Token request timed out by the caller's signal.");
      expect((thrown.cause as Error).name).toBe('TimeoutError');
    });

    it('sends nothing when the signal has already fired', async () => {
      const before = server.requestCount;

      const thrown = await exchangeError({}, AbortSignal.abort());

      expect(thrown.code).toBe('aborted');
      expect(server.requestCount).toBe(before);
    });

    it('keeps no credential in a fetch error cause', async () => {
      const leakyFetch: typeof fetch = async (_input, init) => {
        const error = new TypeError(`fetch failed for body ${String(init?.body)}`);
        Object.assign(error, { code: 'ECONNRESET', request: { body: init?.body }, headers: init?.headers });
        throw error;
      };

      const thrown = await exchangeError({ fetch: leakyFetch });

      expect(thrown.code).toBe('network_error');
      const cause = thrown.cause as Error & Record<string, unknown>;
      expect(Object.keys(cause)).toEqual(['code']);
      expect(cause.code).toBe('ECONNRESET');
      expect(cause.name).toBe('TypeError');
      expect(cause.message).toContain('[redacted]');
      expect(cause.message).not.toContain(SUBJECT_TOKEN);
    });

    it('redacts form-encoded credentials from a cause', async () => {
      const secret = 'secret with spaces/and+plus=';
      leakScanner.addSecret(secret);
      leakScanner.addSecret(new URLSearchParams({ s: secret }).toString().slice(2));
      const echoFetch: typeof fetch = async (_input, init) => {
        throw new Error(`rejected body ${String(init?.body)}`);
      };

      const thrown = await exchangeError({ fetch: echoFetch, clientSecret: secret });

      expect((thrown.cause as Error).message).toContain('client_secret=[redacted]');
    });
  });
});
