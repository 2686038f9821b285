import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { JWK, JWTPayload } from 'jose';

import {
  createClientCredentialsHandler,
  createTokenExchangeHandler,
  CLIENT_CREDENTIALS_PARAMETERS,
  TOKEN_EXCHANGE_PARAMETERS,
} from './grants.js';
import { GRANT_TYPE_TOKEN_EXCHANGE } from './constants.js';
import { generateKeyObjects } from './keys.js';
import type { GrantRecord } from './grant-record.js';
import { createMemoryAdapterFactory } from './memory-adapter.js';
import { loadProvider } from './load-provider.js';
import { signAccessToken, verifyOwnToken, type TokenSigner } from './tokens.js';

/**
 * A client that the server accepts. Give exactly one of `clientSecret` (the client
 * authenticates with `client_secret_post`) and `publicJwk` (it authenticates with
 * `private_key_jwt`, RFC 7523, and RS256).
 */
export interface AuthServerClient {
  clientId: string;
  clientSecret?: string;
  publicJwk?: JWK;
  /** Grant types the client may use. Default: token exchange and `client_credentials`. */
  grantTypes?: readonly string[];
}

export interface AuthServerOptions {
  clients: readonly AuthServerClient[];
  /** Accepted `audience` values of both grants. Default: any non-empty value. Others get `invalid_target`. */
  audiences?: readonly string[];
  /** Lifetime of the access tokens that the grants issue, in seconds. Default: 3600. */
  accessTokenTtlSec?: number;
  /**
   * Clock in epoch milliseconds for the tokens this fixture signs and for its checks of subject and
   * actor tokens. Default: `Date.now`. oidc-provider's own checks of client assertions use the
   * real clock whatever this is.
   */
  now?: () => number;
}

export interface IssueSubjectTokenOptions {
  sub: string;
  /** `aud` claim, such as the MCP server's resource identifier. */
  audience: string | string[];
  /** Lifetime in seconds from the fixture's clock. Default: 3600. Zero or less gives an expired token. */
  expiresInSec?: number;
  scope?: string;
  /** `client_id` claim (RFC 9068). Default: `mcp-client`. */
  clientId?: string;
  /** Further claims. They override the defaults, including `iss`, `iat`, `exp` and `jti`. */
  claims?: JWTPayload;
}

/** Counters of token-endpoint requests since start or the last {@link AuthServer.resetStats}. */
export interface AuthServerStats {
  /** Token-exchange grants that issued a token. */
  tokenExchange: number;
  /** client_credentials grants that issued a token. */
  clientCredentials: number;
  /** Token-endpoint requests that got an OAuth error response, including failed client authentication. */
  rejected: number;
}

export interface AuthServer {
  /** Issuer identifier, `http://127.0.0.1:<port>`. */
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  /** A snapshot of the counters. */
  readonly stats: AuthServerStats;
  /** Shorthand for `stats.tokenExchange`. */
  readonly exchanges: number;
  /** Requests that reached a grant handler, oldest first. */
  readonly grants: readonly GrantRecord[];
  /** Signs an access token as this server, for use as a subject token or an MCP bearer token. */
  issueSubjectToken(options: IssueSubjectTokenOptions): Promise<string>;
  /**
   * Verifies a token that this server issued (signature, `iss`, `exp` against the fixture's clock)
   * and returns its claims.
   */
  verifyToken(token: string): Promise<JWTPayload & { sub: string }>;
  resetStats(): void;
  /** Stops the HTTP server and closes its connections. */
  close(): Promise<void>;
}

/**
 * Starts an oidc-provider 9 authorization server on 127.0.0.1 with a port chosen by the OS.
 *
 * Besides oidc-provider's own endpoints (discovery, JWKS, client authentication with replay
 * detection of client assertion `jti` values) it handles two grants: RFC 8693 token exchange and
 * client_credentials, both of which take an `audience` parameter and issue RS256 JWT access tokens.
 */
export async function startAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const { Provider, errors } = await loadProvider();
  const nowMs = options.now ?? Date.now;
  const accessTokenTtlSec = options.accessTokenTtlSec ?? 3600;
  const audiences = options.audiences === undefined ? undefined : new Set(options.audiences);

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey, publicKey } = generateKeyObjects({ type: 'rsa', modulusLength: 2048 });
  const kid = randomBytes(12).toString('base64url');
  const signer: TokenSigner = { issuer, privateKey, publicKey, kid, nowMs };

  const provider = new Provider(issuer, {
    adapter: createMemoryAdapterFactory(),
    jwks: { keys: [{ ...(privateKey.export({ format: 'jwk' }) as JWK), kid, alg: 'RS256', use: 'sig' }] },
    clients: options.clients.map(toClientMetadata),
    features: { devInteractions: { enabled: false } },
  });

  let stats = emptyStats();
  const grants: GrantRecord[] = [];
  const settings = {
    errors,
    signer,
    accessTokenTtlSec,
    audiences,
    record(grant: GrantRecord) {
      grants.push(grant);
      if (grant.outcome !== 'issued') {
        return;
      }
      if (grant.grantType === GRANT_TYPE_TOKEN_EXCHANGE) {
        stats.tokenExchange += 1;
      } else {
        stats.clientCredentials += 1;
      }
    },
  };

  provider.registerGrantType(GRANT_TYPE_TOKEN_EXCHANGE, createTokenExchangeHandler(settings), TOKEN_EXCHANGE_PARAMETERS);
  provider.registerGrantType('client_credentials', createClientCredentialsHandler(settings), CLIENT_CREDENTIALS_PARAMETERS);
  provider.on('grant.error', () => {
    stats.rejected += 1;
  });
  provider.on('server_error', () => {
    stats.rejected += 1;
  });

  server.on('request', provider.callback());

  return {
    issuer,
    tokenEndpoint: `${issuer}/token`,
    jwksUri: `${issuer}/jwks`,
    get stats() {
      return { ...stats };
    },
    get exchanges() {
      return stats.tokenExchange;
    },
    get grants() {
      return [...grants];
    },
    issueSubjectToken(subject) {
      return signAccessToken(
        signer,
        {
          sub: subject.sub,
          aud: subject.audience,
          client_id: subject.clientId ?? 'mcp-client',
          ...(subject.scope === undefined ? {} : { scope: subject.scope }),
          ...subject.claims,
        },
        subject.expiresInSec ?? 3600,
      );
    },
    verifyToken(token) {
      return verifyOwnToken(signer, token);
    },
    resetStats() {
      stats = emptyStats();
      grants.length = 0;
    },
    close() {
      return closeServer(server);
    },
  };
}

function emptyStats(): AuthServerStats {
  return { tokenExchange: 0, clientCredentials: 0, rejected: 0 };
}

function toClientMetadata(client: AuthServerClient): Record<string, unknown> {
  const hasSecret = client.clientSecret !== undefined;
  const hasKey = client.publicJwk !== undefined;
  if (hasSecret === hasKey) {
    throw new TypeError(`client ${JSON.stringify(client.clientId)} needs exactly one of clientSecret and publicJwk`);
  }

  const credentials = hasSecret
    ? { token_endpoint_auth_method: 'client_secret_post', client_secret: client.clientSecret }
    : {
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [client.publicJwk] },
      };

  return {
    client_id: client.clientId,
    grant_types: [...(client.grantTypes ?? [GRANT_TYPE_TOKEN_EXCHANGE, 'client_credentials'])],
    response_types: [],
    redirect_uris: [],
    ...credentials,
  };
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
  });
  server.closeAllConnections();
  await closed;
}
