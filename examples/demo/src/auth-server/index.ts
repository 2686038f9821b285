import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import type { KoaContext } from 'oidc-provider';

import { generateRsaKeyObjects } from '../keys.js';
import { interactionRoute, type DemoUser } from './interactions.js';
import { loadProvider } from './load-provider.js';
import { createMemoryAdapterFactory } from './memory-adapter.js';
import {
  createTokenExchangeGrant,
  GRANT_TYPE_TOKEN_EXCHANGE,
  TOKEN_EXCHANGE_PARAMETERS,
  USERNAME_CLAIM,
} from './token-exchange.js';
import type { TokenSigner } from './tokens.js';
import type { IssuedExchange } from './token-exchange.js';

export type { DemoUser } from './interactions.js';
export { GRANT_TYPE_TOKEN_EXCHANGE, TOKEN_TYPE_ACCESS_TOKEN, USERNAME_CLAIM, type IssuedExchange } from './token-exchange.js';

export interface AuthServerOptions {
  /** Issuer identifier and base URL, such as `http://127.0.0.1:<port>`. */
  issuer: string;
  users: readonly DemoUser[];
  /** The MCP client: a public client (no secret) using the authorization code flow with PKCE. */
  mcpClient: { clientId: string; redirectUri: string };
  /** The MCP server as a token-exchange client, authenticating with `private_key_jwt` and RS256. */
  exchangeClient: { clientId: string; publicJwk: JWK };
  /** Resource indicator (RFC 8707) of the MCP server: the `aud` of the tokens the MCP client gets. */
  mcpResource: string;
  /** Scopes of the MCP server that users can grant. */
  mcpScopes: readonly string[];
  /** `audience` that the MCP server may exchange tokens for: the LFX API. */
  lfxAudience: string;
  /** Lifetime of every access token, in seconds. Default: 3600. */
  accessTokenTtlSec?: number;
  /** Called after each token exchange, with the issued token's fingerprint instead of the token. */
  onTokenExchange?: (exchange: IssuedExchange) => void;
}

/** Counts of token-endpoint outcomes since the server started. */
export interface AuthServerStats {
  /** Authorization codes exchanged for an MCP access token. */
  authorizationCodeGrants: number;
  /** RFC 8693 exchanges that issued an LFX API token. */
  tokenExchanges: number;
  /** Token-endpoint requests rejected with an OAuth error. */
  rejectedGrants: number;
}

export interface AuthServer {
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  readonly stats: AuthServerStats;
  /** The request listener to attach to a `node:http` server listening at `issuer`. */
  readonly listener: (request: IncomingMessage, response: ServerResponse) => void;
}

/**
 * Creates the demo's authorization server: oidc-provider 9 with its signing key generated here.
 *
 * It issues JWT access tokens for the MCP server's resource through the authorization code flow
 * with PKCE and resource indicators (RFC 8707), and exchanges those tokens for LFX API tokens with
 * the RFC 8693 grant. The demo's user agent completes sign-in and consent over HTTP (see
 * `interactionRoute`).
 */
export async function createAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const { Provider, errors } = await loadProvider();
  const accessTokenTtlSec = options.accessTokenTtlSec ?? 3600;
  const signer = generateSigner(options.issuer);
  const users = new Map(options.users.map((user) => [user.accountId, user]));
  const stats: AuthServerStats = { authorizationCodeGrants: 0, tokenExchanges: 0, rejectedGrants: 0 };

  const provider = new Provider(options.issuer, {
    adapter: createMemoryAdapterFactory(),
    jwks: { keys: [{ ...(signer.privateKey.export({ format: 'jwk' }) as JWK), kid: signer.kid, alg: 'RS256', use: 'sig' }] },
    clients: [
      {
        client_id: options.mcpClient.clientId,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: [options.mcpClient.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: options.exchangeClient.clientId,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [options.exchangeClient.publicJwk] },
        grant_types: [GRANT_TYPE_TOKEN_EXCHANGE],
        response_types: [],
        redirect_uris: [],
      },
    ],
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => options.mcpResource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: KoaContext, resource: string) => {
          if (resource !== options.mcpResource) {
            throw new errors.InvalidTarget('this authorization server issues tokens only for the demo MCP server');
          }
          return {
            scope: options.mcpScopes.join(' '),
            audience: options.mcpResource,
            accessTokenTTL: accessTokenTtlSec,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    findAccount: async (_ctx: KoaContext, sub: string) => {
      const user = users.get(sub);
      return user === undefined ? undefined : { accountId: user.accountId, claims: () => ({ sub: user.accountId }) };
    },
    extraTokenClaims: async (_ctx: KoaContext, token: { kind: string; accountId?: string }) => {
      const user = token.accountId === undefined ? undefined : users.get(token.accountId);
      return token.kind === 'AccessToken' && user !== undefined ? { [USERNAME_CLAIM]: user.username } : undefined;
    },
    clientBasedCORS: () => false,
    renderError: async (ctx: KoaContext & { type: string }, out: Record<string, string>) => {
      ctx.type = 'json';
      ctx.body = out;
    },
    ttl: { AccessToken: accessTokenTtlSec, AuthorizationCode: 60, Grant: 3600, IdToken: 3600, Interaction: 600, Session: 3600 },
  });

  provider.registerGrantType(
    GRANT_TYPE_TOKEN_EXCHANGE,
    createTokenExchangeGrant({
      errors,
      signer,
      subjectAudience: () => options.mcpResource,
      audiences: () => new Set([options.lfxAudience]),
      accessTokenTtlSec,
      onIssued: (exchange) => {
        stats.tokenExchanges += 1;
        options.onTokenExchange?.(exchange);
      },
    }),
    TOKEN_EXCHANGE_PARAMETERS,
  );
  provider.on('grant.success', (ctx) => {
    if (ctx.oidc.params.grant_type === 'authorization_code') {
      stats.authorizationCodeGrants += 1;
    }
  });
  provider.on('grant.error', () => {
    stats.rejectedGrants += 1;
  });

  const callback = provider.callback();
  return {
    issuer: options.issuer,
    tokenEndpoint: `${options.issuer}/token`,
    jwksUri: `${options.issuer}/jwks`,
    get stats() {
      return { ...stats };
    },
    listener(request, response) {
      const route = interactionRoute(provider, options.users, request);
      if (route === undefined) {
        callback(request, response);
        return;
      }
      void route(response);
    },
  };
}

function generateSigner(issuer: string): TokenSigner {
  const { privateKey, publicKey } = generateRsaKeyObjects();
  return { issuer, privateKey, publicKey, kid: randomBytes(8).toString('hex') };
}

