import type { Middleware } from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import {
  TokenCache,
  tokenExchangeMiddleware,
  type TokenExchangeResponse,
  type TokenCacheClient,
  type TokenCacheStats,
} from '../src/index.js';

const client: TokenCacheClient = {
  exchangeToken: async (): Promise<TokenExchangeResponse> => ({ access_token: 'a', token_type: 'Bearer', expires_in: 60 }),
  clientCredentials: async (): Promise<TokenExchangeResponse> => ({ access_token: 'b', token_type: 'Bearer', expires_in: 60 }),
};

describe('public types', () => {
  it('middleware is an openapi-fetch Middleware', () => {
    const cache = new TokenCache({ client });
    expectTypeOf(tokenExchangeMiddleware({ cache, subjectToken: () => undefined })).toExtend<Middleware>();
  });

  it('getToken resolves to a string', () => {
    const cache = new TokenCache({ client });
    expectTypeOf(cache.getToken('subject')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(cache.getToken).parameter(1).toEqualTypeOf<{ signal?: AbortSignal | undefined } | undefined>();
  });

  it('stats are read-only counters', () => {
    const cache = new TokenCache({ client });
    expectTypeOf(cache.stats).toEqualTypeOf<TokenCacheStats>();
    // @ts-expect-error stats is a snapshot with read-only fields
    cache.stats.hits = 1;
  });

  it('rejects wrong option types', () => {
    // @ts-expect-error maxSize is a number of entries, not a string
    new TokenCache({ client, maxSize: '10' });
    // @ts-expect-error client must implement clientCredentials as well
    new TokenCache({ client: { exchangeToken: client.exchangeToken } });
    // @ts-expect-error subjectToken is a function, not the token itself
    tokenExchangeMiddleware({ cache: new TokenCache({ client }), subjectToken: 'token' });
  });
});
