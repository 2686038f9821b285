import type { ProjectBase } from '@lfx/project-client';
import * as tokenExchange from '@lfx/token-exchange';
import { TokenCache, TokenExchangeClient } from '@lfx/token-exchange';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { describe, expectTypeOf, it } from 'vitest';

import {
  createClients,
  createJwtVerifier,
  extractMCPToken,
  getMCPToken,
  McpAuthError,
  withMCPToken,
  type CreateClientsOptions,
  type McpAuthErrorCode,
  type TokenCacheOptions,
  type TokenCacheStats,
  type TokenExchangeConfig,
  type TokenExchangeErrorCode,
} from '../src/index.js';
import * as mcpAuth from '../src/index.js';

describe('types', () => {
  it('withMCPToken returns the callback result type', () => {
    expectTypeOf(withMCPToken('t', () => 1)).toEqualTypeOf<number>();
    expectTypeOf(withMCPToken('t', async () => 'x')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(getMCPToken()).toEqualTypeOf<string | undefined>();
  });

  it('extractMCPToken accepts the SDK AuthInfo and returns a string', () => {
    expectTypeOf(extractMCPToken).returns.toEqualTypeOf<string>();
    expectTypeOf(extractMCPToken).toBeCallableWith(undefined);
    // @ts-expect-error a bare string is not an AuthInfo
    extractMCPToken('token');
  });

  it('createJwtVerifier returns the SDK verifier interface', () => {
    expectTypeOf(createJwtVerifier({ authServers: ['https://a'], audience: 'x' })).toEqualTypeOf<OAuthTokenVerifier>();
    expectTypeOf(createJwtVerifier).toBeCallableWith({
      authServers: ['https://a', { issuer: 'https://b', jwksUri: 'https://b/keys' }],
      audience: ['x', 'y'],
    });
  });

  it('createClients accepts a TokenExchangeClient and a TokenCache', () => {
    expectTypeOf<TokenExchangeClient>().toExtend<NonNullable<CreateClientsOptions['tokenExchangeClient']>>();
    expectTypeOf<TokenCache>().toExtend<NonNullable<CreateClientsOptions['cache']>>();
  });

  it('the project client is typed by the project service paths', async () => {
    const { project } = createClients({ apiDomain: 'api.lfx.dev' });
    const { data } = await project.GET('/projects/{uid}', { params: { path: { uid: 'u' } } });

    expectTypeOf(data).toEqualTypeOf<ProjectBase | undefined>();
    // @ts-expect-error the project service has no /users path
    void project.GET('/users', {});
  });

  it('re-exports the token exchange types unchanged', () => {
    expectTypeOf(mcpAuth.TokenExchangeClient).toEqualTypeOf(tokenExchange.TokenExchangeClient);
    expectTypeOf(mcpAuth.TokenCache).toEqualTypeOf(tokenExchange.TokenCache);
    expectTypeOf(mcpAuth.TokenExchangeError).toEqualTypeOf(tokenExchange.TokenExchangeError);
    expectTypeOf<TokenExchangeConfig>().toEqualTypeOf<tokenExchange.TokenExchangeConfig>();
    expectTypeOf<TokenCacheOptions>().toEqualTypeOf<tokenExchange.TokenCacheOptions>();
    expectTypeOf<TokenCacheStats>().toEqualTypeOf<tokenExchange.TokenCacheStats>();
    expectTypeOf<TokenExchangeErrorCode>().toEqualTypeOf<tokenExchange.TokenExchangeErrorCode>();
  });

  it('McpAuthError codes narrow in a switch', () => {
    const describe = (error: McpAuthError): string => {
      switch (error.code) {
        case 'missing_auth_info':
        case 'missing_token':
        case 'no_token_in_context':
        case 'jwks_unavailable':
        case 'metadata_unavailable':
          return error.code;
        default:
          return assertNever(error.code);
      }
    };

    expectTypeOf(describe).returns.toEqualTypeOf<string>();
    expectTypeOf<McpAuthError['code']>().toEqualTypeOf<McpAuthErrorCode>();
  });
});

function assertNever(value: never): never {
  throw new Error(`unexpected ${String(value)}`);
}
