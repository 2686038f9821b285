import type { KeyObject } from 'node:crypto';
import { SignJWT, type JWK, type JWTPayload } from 'jose';

import { Cleanup } from '../../src/cleanup.js';
import { generateRsaKeyObjects } from '../../src/keys.js';
import { createDemoData, createLfxApi, loadOpenApiDocument, PROJECT_SERVICE_SPEC, type LfxApi } from '../../src/lfx-api/index.js';
import { listenOnLoopback } from '../../src/loopback.js';

/** The stand-in behind a real loopback server, with a JWKS server that vouches for its tokens. */
export interface StandInFixture {
  api: LfxApi;
  origin: string;
  issuer: string;
  audience: string;
  /** Signs a token with the issuer's key; `claims` override the valid defaults. */
  token(claims?: JWTPayload): Promise<string>;
  /** Sends a request to the stand-in with a valid token unless `authorization` is given. */
  request(path: string, init?: RequestInit & { authorization?: string | null }): Promise<Response>;
  cleanup: Cleanup;
}

const KEY_ID = 'issuer-key-1';

export async function startStandIn(): Promise<StandInFixture> {
  const cleanup = new Cleanup();
  const jwksServer = await listenOnLoopback();
  cleanup.add(() => jwksServer.close());
  const apiServer = await listenOnLoopback();
  cleanup.add(() => apiServer.close());

  const { privateKey, publicKey } = generateRsaKeyObjects();
  const jwks = { keys: [{ ...(publicKey.export({ format: 'jwk' }) as JWK), kid: KEY_ID, alg: 'RS256', use: 'sig' }] };
  jwksServer.server.on('request', (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });

  const issuer = jwksServer.origin;
  const audience = apiServer.origin;
  const api = createLfxApi({
    document: loadOpenApiDocument(PROJECT_SERVICE_SPEC),
    data: createDemoData(),
    issuer,
    jwksUri: `${jwksServer.origin}/jwks`,
    audience,
  });
  apiServer.server.on('request', api.listener);

  const token = (claims: JWTPayload = {}) => signToken(privateKey, { iss: issuer, aud: audience, ...claims });
  return {
    api,
    origin: apiServer.origin,
    issuer,
    audience,
    token,
    async request(path, init = {}) {
      const { authorization, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (authorization === undefined) {
        headers.set('authorization', `Bearer ${await token()}`);
      } else if (authorization !== null) {
        headers.set('authorization', authorization);
      }
      return fetch(new URL(path, apiServer.origin), { ...rest, headers });
    },
    cleanup,
  };
}

function signToken(key: KeyObject, claims: JWTPayload): Promise<string> {
  const nowSec = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: 'auth0|test-user', client_id: 'test-mcp-server', iat: nowSec, exp: nowSec + 600, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
    .sign(key);
}
