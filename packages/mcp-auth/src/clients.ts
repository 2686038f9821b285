import { createProjectClient, type ProjectClient } from '@lfx/project-client';
import { TokenCache, tokenExchangeMiddleware, type TokenCacheClient } from '@lfx/token-exchange';

import { parseApiDomain } from './api-domain.js';
import { getMCPToken } from './context.js';
import { McpAuthError } from './errors.js';

export interface CreateClientsOptions {
  /**
   * The LFX API host, such as `api.lfx.dev`, which becomes `https://api.lfx.dev`, or its base
   * URL with a scheme: https, or http on loopback only. A loopback host needs its scheme, such
   * as `http://127.0.0.1:8080`.
   */
  apiDomain: string;
  /**
   * Performs the RFC 8693 exchange of the caller's MCP token for an LFX API token, such as a
   * `TokenExchangeClient` from `@lfx/token-exchange`. Without it (and without `cache`),
   * requests go out without `Authorization`, which only public endpoints accept.
   */
  tokenExchangeClient?: TokenCacheClient;
  /**
   * The cache of exchanged tokens, when the caller builds it, for example to set its
   * `maxSize`. It already carries its client, so `tokenExchangeClient` is not needed with it.
   * Default: a `TokenCache` around `tokenExchangeClient` with its default settings.
   */
  cache?: TokenCache;
  /** The `fetch` used for LFX API requests. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** The LFX API clients of an MCP server. More services join as their clients are published. */
export interface LfxClients {
  /** The project service client. */
  project: ProjectClient;
  /** The cache that all clients share, for its `stats`; `undefined` without token exchange. */
  tokenCache: TokenCache | undefined;
}

/**
 * Creates the LFX API clients, once at start-up, to be shared by every request.
 *
 * With token exchange, every request is made as the caller whose MCP token the enclosing
 * {@link withMCPToken} carries: the one token cache exchanges it (once per token, until the
 * exchanged token nears expiry) and the request carries the result. A request made outside
 * `withMCPToken` rejects with {@link McpAuthError} `no_token_in_context` before anything is
 * sent.
 *
 * @throws {TypeError} naming the option, when an option is invalid.
 */
export function createClients(options: CreateClientsOptions): LfxClients {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createClients requires an options object with at least apiDomain.');
  }

  const baseUrl = parseApiDomain(options.apiDomain);
  const tokenCache = readTokenCache(options);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('fetch must be a function with the signature of the global fetch.');
  }

  const middleware =
    tokenCache === undefined ? [] : [tokenExchangeMiddleware({ cache: tokenCache, subjectToken: requireMCPToken })];

  return {
    project: createProjectClient({ baseUrl, middleware, fetch: options.fetch }),
    tokenCache,
  };
}

function readTokenCache(options: CreateClientsOptions): TokenCache | undefined {
  const { cache, tokenExchangeClient } = options;

  if (cache !== undefined) {
    // Duck-typed, so that a TokenCache from another copy of @lfx/token-exchange also passes.
    if (typeof cache !== 'object' || cache === null || typeof cache.getToken !== 'function' || typeof cache.delete !== 'function') {
      throw new TypeError('cache must be a TokenCache from @lfx/token-exchange.');
    }
    return cache;
  }

  if (tokenExchangeClient === undefined) {
    return undefined;
  }
  if (
    typeof tokenExchangeClient !== 'object' ||
    tokenExchangeClient === null ||
    typeof tokenExchangeClient.exchangeToken !== 'function' ||
    typeof tokenExchangeClient.clientCredentials !== 'function'
  ) {
    throw new TypeError('tokenExchangeClient must be a TokenExchangeClient from @lfx/token-exchange.');
  }

  return new TokenCache({ client: tokenExchangeClient });
}

function requireMCPToken(): string {
  const token = getMCPToken();
  if (token === undefined) {
    throw new McpAuthError(
      'An LFX API call was made outside withMCPToken, so there is no caller token to exchange. Wrap the tool handler body in withMCPToken(extractMCPToken(extra.authInfo), () => ...).',
      { code: 'no_token_in_context' },
    );
  }
  return token;
}
