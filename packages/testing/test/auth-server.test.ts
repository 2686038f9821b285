import { randomBytes } from 'node:crypto';
import { SignJWT, createLocalJWKSet, decodeJwt, importPKCS8, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  GRANT_TYPE_TOKEN_EXCHANGE,
  TOKEN_TYPE_ACCESS_TOKEN,
  generateRsaKeyPair,
  startAuthServer,
  type AuthServer,
} from '../src/index.js';

const AUDIENCE = 'https://api.lfx.test';
const SECRET = 'fixture-secret-7f3a';
const keys = generateRsaKeyPair('fixture-key');

let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer({
    clients: [
      { clientId: 'key-client', publicJwk: keys.publicJwk },
      { clientId: 'secret-client', clientSecret: SECRET },
    ],
    audiences: [AUDIENCE],
    accessTokenTtlSec: 600,
  });
});

afterAll(async () => {
  await server.close();
});

async function signAssertion(audience = server.tokenEndpoint): Promise<string> {
  const nowSec = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: randomBytes(32).toString('base64url') })
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
    .setIssuer('key-client')
    .setSubject('key-client')
    .setAudience(audience)
    .setIssuedAt(nowSec)
    .setExpirationTime(nowSec + 60)
    .sign(await importPKCS8(keys.privateKeyPkcs8Pem, 'RS256'));
}

async function postToken(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(server.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function exchangeForm(subjectToken: string, assertion: string, extra: Record<string, string> = {}) {
  return {
    grant_type: GRANT_TYPE_TOKEN_EXCHANGE,
    client_id: 'key-client',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    subject_token: subjectToken,
    subject_token_type: TOKEN_TYPE_ACCESS_TOKEN,
    audience: AUDIENCE,
    ...extra,
  };
}

describe('startAuthServer', () => {
  it('serves discovery with its token endpoint', async () => {
    const response = await fetch(`${server.issuer}/.well-known/openid-configuration`);
    const metadata = (await response.json()) as Record<string, unknown>;

    expect(metadata.issuer).toBe(server.issuer);
    expect(metadata.token_endpoint).toBe(server.tokenEndpoint);
    expect(metadata.jwks_uri).toBe(server.jwksUri);
    expect(metadata.grant_types_supported).toContain(GRANT_TYPE_TOKEN_EXCHANGE);
  });

  it('publishes the key of its tokens at jwksUri', async () => {
    const token = await server.issueSubjectToken({ sub: 'alice', audience: 'https://mcp.lfx.test', scope: 'read' });
    const jwks = (await (await fetch(server.jwksUri)).json()) as JSONWebKeySet;

    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: server.issuer,
      audience: 'https://mcp.lfx.test',
    });

    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload.sub).toBe('alice');
    expect(payload.scope).toBe('read');
    expect(payload.client_id).toBe('mcp-client');
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);
  });

  it('exchanges a subject token for the audience', async () => {
    const subjectToken = await server.issueSubjectToken({ sub: 'alice', audience: 'https://mcp.lfx.test' });

    const { status, body } = await postToken(await exchangeForm(subjectToken, await signAssertion()));

    expect(status).toBe(200);
    expect(body.token_type).toBe('Bearer');
    expect(body.issued_token_type).toBe(TOKEN_TYPE_ACCESS_TOKEN);
    expect(body.expires_in).toBe(600);
    const claims = await server.verifyToken(body.access_token as string);
    expect(claims.sub).toBe('alice');
    expect(claims.aud).toBe(AUDIENCE);
    expect(claims.client_id).toBe('key-client');
    expect(claims.azp).toBe('key-client');
  });

  it('rejects a replayed client assertion', async () => {
    const subjectToken = await server.issueSubjectToken({ sub: 'alice', audience: 'https://mcp.lfx.test' });
    const assertion = await signAssertion();

    const first = await postToken(await exchangeForm(subjectToken, assertion));
    const replay = await postToken(await exchangeForm(subjectToken, assertion));

    expect(first.status).toBe(200);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toBe('invalid_client');
  });

  it('rejects an expired subject token', async () => {
    const subjectToken = await server.issueSubjectToken({ sub: 'alice', audience: 'x', expiresInSec: -10 });

    const { status, body } = await postToken(await exchangeForm(subjectToken, await signAssertion()));

    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toBe('subject_token is invalid or expired');
  });

  it('rejects an unknown audience', async () => {
    const subjectToken = await server.issueSubjectToken({ sub: 'alice', audience: 'x' });
    const form = await exchangeForm(subjectToken, await signAssertion(), { audience: 'https://other.test' });

    const { status, body } = await postToken(form);

    expect(status).toBe(400);
    expect(body.error).toBe('invalid_target');
  });

  it('rejects an unsupported subject token type', async () => {
    const subjectToken = await server.issueSubjectToken({ sub: 'alice', audience: 'x' });
    const form = await exchangeForm(subjectToken, await signAssertion(), {
      subject_token_type: 'urn:ietf:params:oauth:token-type:saml2',
    });

    const { status, body } = await postToken(form);

    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
  });

  it('issues client credentials tokens for machine callers', async () => {
    const { status, body } = await postToken({
      grant_type: 'client_credentials',
      client_id: 'secret-client',
      client_secret: SECRET,
      audience: AUDIENCE,
    });

    expect(status).toBe(200);
    const claims = decodeJwt(body.access_token as string);
    expect(claims.sub).toBe('secret-client@clients');
    expect(claims.aud).toBe(AUDIENCE);
  });

  it('rejects a wrong client secret', async () => {
    const { status, body } = await postToken({
      grant_type: 'client_credentials',
      client_id: 'secret-client',
      client_secret: 'wrong',
      audience: AUDIENCE,
    });

    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
  });

  it('counts grants and records redacted parameters', async () => {
    server.resetStats();
    const subjectToken = await server.issueSubjectToken({ sub: 'bob', audience: 'x' });

    await postToken(await exchangeForm(subjectToken, await signAssertion(), { scope: 'read' }));
    await postToken({ grant_type: 'client_credentials', client_id: 'secret-client', client_secret: 'wrong', audience: AUDIENCE });

    expect(server.stats).toEqual({ tokenExchange: 1, clientCredentials: 0, rejected: 1 });
    expect(server.exchanges).toBe(1);
    expect(server.grants).toEqual([
      {
        grantType: GRANT_TYPE_TOKEN_EXCHANGE,
        clientId: 'key-client',
        clientAuthMethod: 'private_key_jwt',
        params: {
          subject_token: '[redacted]',
          subject_token_type: TOKEN_TYPE_ACCESS_TOKEN,
          audience: AUDIENCE,
          scope: 'read',
        },
        outcome: 'issued',
      },
    ]);
  });
});

describe('generateRsaKeyPair', () => {
  it('encodes one key as PKCS#8, PKCS#1 and JWK', () => {
    const pair = generateRsaKeyPair('k1');

    expect(pair.privateKeyPkcs8Pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(pair.privateKeyPkcs1Pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(pair.publicJwk).toMatchObject({ kty: 'RSA', kid: 'k1', alg: 'RS256', use: 'sig' });
    expect(pair.publicJwk.n).toBe(pair.privateJwk.n);
    expect(pair.publicJwk.d).toBeUndefined();
  });
});

describe('startAuthServer with an injected clock', () => {
  const nowMs = Date.UTC(2030, 0, 1);
  let clockServer: AuthServer;

  beforeAll(async () => {
    clockServer = await startAuthServer({ clients: [{ clientId: 'secret-client', clientSecret: SECRET }], now: () => nowMs });
  });

  afterAll(async () => {
    await clockServer.close();
  });

  it('signs and checks tokens on that clock', async () => {
    const subjectToken = await clockServer.issueSubjectToken({ sub: 'alice', audience: 'x', expiresInSec: 60 });

    const response = await fetch(clockServer.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: GRANT_TYPE_TOKEN_EXCHANGE,
        client_id: 'secret-client',
        client_secret: SECRET,
        subject_token: subjectToken,
        subject_token_type: TOKEN_TYPE_ACCESS_TOKEN,
        audience: AUDIENCE,
      }),
    });
    const body = (await response.json()) as { access_token: string };

    expect(response.status).toBe(200);
    expect(decodeJwt(subjectToken).iat).toBe(nowMs / 1000);
    expect(decodeJwt(body.access_token).exp).toBe(nowMs / 1000 + 3600);
    expect((await clockServer.verifyToken(body.access_token)).sub).toBe('alice');
  });
});
