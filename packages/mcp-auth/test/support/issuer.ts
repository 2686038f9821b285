import type { KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { generateKeyObjects } from '@lfx/testing';
import { SignJWT, type JWK, type JWTPayload } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = generateKeyObjects({ type: 'ec', namedCurve: 'P-256' });
  const publicJwk = { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256', use: 'sig' };

  return { kid, privateKey, publicJwk };
}

/**
 * A loopback issuer for the verifier tests: it serves a JWKS whose keys and status the test
 * changes, optional discovery documents, and counts the requests on each path.
 */
export class TestIssuer {
  readonly requests = new Map<string, number>();
  keys: SigningKey[] = [];
  jwksStatus = 200;
  /** Body for each discovery path; a path that is absent here gets 404. */
  metadata = new Map<string, unknown>();

  #server: Server | undefined;
  #origin = '';

  get issuer(): string {
    return this.#origin;
  }

  get jwksUri(): string {
    return `${this.#origin}/jwks`;
  }

  count(path: string): number {
    return this.requests.get(path) ?? 0;
  }

  async start(): Promise<void> {
    this.#server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      this.requests.set(path, this.count(path) + 1);

      if (path === '/jwks') {
        response.writeHead(this.jwksStatus, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ keys: this.keys.map((key) => key.publicJwk) }));
        return;
      }

      const document = this.metadata.get(path);
      if (document === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(document));
    });

    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    const { port } = this.#server.address() as AddressInfo;
    this.#origin = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  /** Signs `claims` with `key` (default: the first key), filling iss, sub, azp, iat and exp unless given. */
  async sign(claims: JWTPayload, key: SigningKey | undefined = this.keys[0]): Promise<string> {
    if (key === undefined) {
      throw new Error('TestIssuer.sign needs a key: add one to keys first.');
    }
    const nowSec = Math.floor(Date.now() / 1000);

    return new SignJWT({ iss: this.issuer, sub: 'user-1', azp: 'client-1', iat: nowSec, exp: nowSec + 300, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
      .sign(key.privateKey);
  }
}
