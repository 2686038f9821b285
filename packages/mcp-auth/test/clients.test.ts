import { TokenCache, TokenExchangeError } from '@lfx/token-exchange';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createClients, McpAuthError, withMCPToken } from '../src/index.js';
import { ProjectApi } from './support/project-api.js';
import { LFX_API_AUDIENCE, startLfxStack, type LfxStack } from './support/lfx.js';

const MCP_AUDIENCE = 'https://mcp.example.test/mcp';

let stack: LfxStack;

beforeAll(async () => {
  stack = await startLfxStack();
});

afterAll(async () => {
  await stack?.stop();
});

beforeEach(() => {
  stack.api.requests.length = 0;
  stack.authServer.resetStats();
});

function subjectToken(sub: string): Promise<string> {
  return stack.authServer.issueSubjectToken({ sub, audience: MCP_AUDIENCE });
}

describe('createClients', () => {
  describe('with token exchange', () => {
    it('calls the API with the exchanged token', async () => {
      const clients = createClients({ apiDomain: stack.api.origin, tokenExchangeClient: stack.tokenExchangeClient });
      const mcpToken = await subjectToken('alice');

      const { data, response } = await withMCPToken(mcpToken, () =>
        clients.project.GET('/projects/{uid}', { params: { path: { uid: 'p-1' } } }),
      );

      expect(response.status).toBe(200);
      expect(data).toEqual({ uid: 'p-1', name: 'alice', slug: 'p-1' });
      expect(stack.api.requests).toHaveLength(1);
      expect(stack.api.requests[0]?.claims).toMatchObject({ sub: 'alice', aud: LFX_API_AUDIENCE, iss: stack.authServer.issuer });
      expect(stack.api.requests[0]?.authorization).not.toBe(`Bearer ${mcpToken}`);
      expect(stack.api.requests[0]?.query).toBe('?v=1');
    });

    it('exchanges once per caller token', async () => {
      const clients = createClients({ apiDomain: stack.api.origin, tokenExchangeClient: stack.tokenExchangeClient });
      const mcpToken = await subjectToken('bob');

      await withMCPToken(mcpToken, async () => {
        await clients.project.GET('/projects/{uid}', { params: { path: { uid: 'a' } } });
        await clients.project.GET('/projects/{uid}', { params: { path: { uid: 'b' } } });
      });

      expect(stack.authServer.exchanges).toBe(1);
      expect(clients.tokenCache?.stats).toMatchObject({ hits: 1, misses: 1, exchanges: 1 });
    });

    it('uses the given cache', async () => {
      const cache = new TokenCache({ client: stack.tokenExchangeClient });
      const clients = createClients({ apiDomain: stack.api.origin, cache });

      await withMCPToken(await subjectToken('carol'), () =>
        clients.project.GET('/projects/{uid}', { params: { path: { uid: 'c' } } }),
      );

      expect(clients.tokenCache).toBe(cache);
      expect(cache.stats.exchanges).toBe(1);
    });

    it('rejects a call outside withMCPToken before any request', async () => {
      const clients = createClients({ apiDomain: stack.api.origin, tokenExchangeClient: stack.tokenExchangeClient });

      const error = await clients.project
        .GET('/projects/{uid}', { params: { path: { uid: 'p-1' } } })
        .catch((reason: unknown) => reason);

      expect(error).toBeInstanceOf(McpAuthError);
      expect(error).toMatchObject({
        code: 'no_token_in_context',
        message:
          'An LFX API call was made outside withMCPToken, so there is no caller token to exchange. Wrap the tool handler body in withMCPToken(extractMCPToken(extra.authInfo), () => ...).',
      });
      expect(stack.api.requests).toHaveLength(0);
      expect(stack.authServer.grants).toHaveLength(0);
    });

    it('passes a failed exchange through without calling the API', async () => {
      const clients = createClients({ apiDomain: stack.api.origin, tokenExchangeClient: stack.tokenExchangeClient });
      const foreign = await stack.authServer.issueSubjectToken({ sub: 'eve', audience: MCP_AUDIENCE, expiresInSec: -60 });

      const error = await withMCPToken(foreign, () =>
        clients.project.GET('/projects/{uid}', { params: { path: { uid: 'p-1' } } }),
      ).catch((reason: unknown) => reason);

      expect(error).toBeInstanceOf(TokenExchangeError);
      expect(error).toMatchObject({ code: 'invalid_grant', status: 400 });
      expect(stack.api.requests).toHaveLength(0);
    });
  });

  describe('without token exchange', () => {
    let publicApi: ProjectApi;

    beforeAll(async () => {
      publicApi = new ProjectApi();
      await publicApi.start();
    });

    afterAll(async () => {
      await publicApi?.stop();
    });

    it('sends requests without Authorization', async () => {
      const clients = createClients({ apiDomain: publicApi.origin });

      const { data } = await withMCPToken('ignored-token', () =>
        clients.project.GET('/projects/{uid}', { params: { path: { uid: 'open' } } }),
      );

      expect(data).toEqual({ uid: 'open', name: 'anonymous', slug: 'open' });
      expect(publicApi.requests.map((request) => request.authorization)).toEqual([undefined]);
      expect(clients.tokenCache).toBeUndefined();
    });

    it('uses the injected fetch', async () => {
      const seen: string[] = [];
      const recordingFetch: typeof fetch = async (input, init) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      };
      const clients = createClients({ apiDomain: publicApi.origin, fetch: recordingFetch });

      await clients.project.GET('/projects/{uid}', { params: { path: { uid: 'x' } } });

      expect(seen).toEqual([`${publicApi.origin}/projects/x?v=1`]);
    });
  });

  describe('options', () => {
    it.each([
      [{ apiDomain: 'http://api.lfx.dev' }, 'apiDomain must use https (http is allowed only on localhost, 127.0.0.0/8 and [::1]).'],
      [
        { apiDomain: '127.0.0.1:8080' },
        'apiDomain "127.0.0.1:8080" names a loopback host without a scheme. Write "http://127.0.0.1:8080" for a local http API, or "https://127.0.0.1:8080".',
      ],
      [
        { apiDomain: 'https://api.lfx.dev/projects' },
        'apiDomain must not end in /projects, because every project service path starts with it. Pass the LFX API base without the service path, such as "api.lfx.dev".',
      ],
      [{ apiDomain: 'api.lfx.dev', tokenExchangeClient: {} }, 'tokenExchangeClient must be a TokenExchangeClient from @lfx/token-exchange.'],
      [{ apiDomain: 'api.lfx.dev', cache: { getToken: 'no' } }, 'cache must be a TokenCache from @lfx/token-exchange.'],
      [{ apiDomain: 'api.lfx.dev', fetch: 42 }, 'fetch must be a function with the signature of the global fetch.'],
    ])('rejects %j', (options, message) => {
      expect(() => createClients(options as never)).toThrow(new TypeError(message));
    });

    it('rejects a missing options object', () => {
      expect(() => createClients(undefined as never)).toThrow(
        new TypeError('createClients requires an options object with at least apiDomain.'),
      );
    });
  });
});
