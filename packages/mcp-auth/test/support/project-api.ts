import { createServer, type Server } from 'node:http';

import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

import { close, listen } from './http.js';

/** What the API saw of one request. */
export interface ApiRequest {
  method: string;
  path: string;
  query: string;
  /** The raw `Authorization` header, or `undefined` without one. */
  authorization: string | undefined;
  /** The verified claims of the bearer token, or `undefined` when it is absent or failed verification. */
  claims: JWTPayload | undefined;
}

export interface ProjectApiOptions {
  /** Issuer whose JWKS signs the tokens the API accepts; without it the API accepts any request. */
  issuer?: { issuer: string; jwksUri: string };
  /** The `aud` the API requires. */
  audience?: string;
}

/**
 * A loopback stand-in for the LFX project service. `GET /projects/{uid}` returns a
 * project whose `name` is the verified `sub` of the bearer token (or `anonymous` without
 * one), so each caller can check that its request was made as itself. A bearer token that
 * fails verification gets 401.
 */
export class ProjectApi {
  readonly requests: ApiRequest[] = [];
  #server: Server | undefined;
  #origin = '';

  constructor(private readonly options: ProjectApiOptions = {}) {}

  get origin(): string {
    return this.#origin;
  }

  async start(): Promise<void> {
    const { issuer, audience } = this.options;
    const keys = issuer === undefined ? undefined : createRemoteJWKSet(new URL(issuer.jwksUri));

    this.#server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const authorization = request.headers.authorization;
      const record: ApiRequest = {
        method: request.method ?? '',
        path: url.pathname,
        query: url.search,
        authorization,
        claims: undefined,
      };
      this.requests.push(record);

      const verify = async (): Promise<JWTPayload | undefined> => {
        if (authorization === undefined || keys === undefined || issuer === undefined) {
          return undefined;
        }
        const { payload } = await jwtVerify(authorization.replace(/^Bearer /, ''), keys, {
          issuer: issuer.issuer,
          audience,
          algorithms: ['RS256'],
        });
        return payload;
      };

      verify().then(
        (claims) => {
          record.claims = claims;
          const match = /^\/projects\/([^/]+)$/.exec(url.pathname);
          if (request.method !== 'GET' || match === null) {
            response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
            return;
          }
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ uid: match[1], name: claims?.sub ?? 'anonymous', slug: match[1] }));
        },
        () => {
          response.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"invalid token"}');
        },
      );
    });

    this.#origin = await listen(this.#server);
  }

  async stop(): Promise<void> {
    await close(this.#server);
  }
}
