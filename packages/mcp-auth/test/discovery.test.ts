import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createJwtVerifier } from '../src/index.js';
import { metadataUrls } from '../src/discovery.js';
import { createSigningKey, TestIssuer } from './support/issuer.js';

const AUDIENCE = 'https://mcp.example.test/mcp';

let issuer: TestIssuer;

beforeAll(async () => {
  issuer = new TestIssuer();
  await issuer.start();
  issuer.keys = [await createSigningKey('key-1')];
});

afterAll(async () => {
  await issuer.stop();
});

beforeEach(() => {
  issuer.requests.clear();
  issuer.metadata.clear();
});

function discoveringVerifier() {
  return createJwtVerifier({ authServers: [issuer.issuer], audience: AUDIENCE });
}

describe('metadataUrls', () => {
  it('lists OpenID and RFC 8414 URLs for an issuer without a path', () => {
    const urls = metadataUrls(new URL('https://as.example.test'));

    expect(urls.map(String)).toEqual([
      'https://as.example.test/.well-known/openid-configuration',
      'https://as.example.test/.well-known/oauth-authorization-server',
    ]);
  });

  it('lists OpenID and RFC 8414 URLs for an issuer with a path', () => {
    const urls = metadataUrls(new URL('https://as.example.test/tenant/'));

    expect(urls.map(String)).toEqual([
      'https://as.example.test/tenant/.well-known/openid-configuration',
      'https://as.example.test/.well-known/oauth-authorization-server/tenant',
    ]);
  });
});

describe('JWKS discovery', () => {
  it('reads jwks_uri from the OpenID configuration', async () => {
    issuer.metadata.set('/.well-known/openid-configuration', { issuer: issuer.issuer, jwks_uri: issuer.jwksUri });

    const authInfo = await discoveringVerifier().verifyAccessToken(await issuer.sign({ aud: AUDIENCE }));

    expect(authInfo.clientId).toBe('client-1');
    expect(issuer.count('/.well-known/openid-configuration')).toBe(1);
    expect(issuer.count('/.well-known/oauth-authorization-server')).toBe(0);
    expect(issuer.count('/jwks')).toBe(1);
  });

  it('falls back to RFC 8414 metadata', async () => {
    issuer.metadata.set('/.well-known/oauth-authorization-server', { issuer: `${issuer.issuer}/`, jwks_uri: issuer.jwksUri });

    const authInfo = await discoveringVerifier().verifyAccessToken(await issuer.sign({ aud: AUDIENCE }));

    expect(authInfo.clientId).toBe('client-1');
    expect(issuer.count('/.well-known/openid-configuration')).toBe(1);
    expect(issuer.count('/.well-known/oauth-authorization-server')).toBe(1);
  });

  it('discovers once for many tokens', async () => {
    issuer.metadata.set('/.well-known/openid-configuration', { issuer: issuer.issuer, jwks_uri: issuer.jwksUri });
    const verifier = discoveringVerifier();

    await Promise.all(
      ['a', 'b', 'c'].map(async (sub) => verifier.verifyAccessToken(await issuer.sign({ aud: AUDIENCE, sub }))),
    );

    expect(issuer.count('/.well-known/openid-configuration')).toBe(1);
    expect(issuer.count('/jwks')).toBe(1);
  });

  it('throws metadata_unavailable when no metadata exists', async () => {
    const error = await discoveringVerifier()
      .verifyAccessToken(await issuer.sign({ aud: AUDIENCE }))
      .catch((reason: unknown) => reason);

    expect(error).toMatchObject({ name: 'McpAuthError', code: 'metadata_unavailable', status: 404 });
    expect((error as Error).message).toBe(
      `No authorization server metadata found for issuer "${issuer.issuer}/" (last HTTP status 404). Serve /.well-known/openid-configuration or /.well-known/oauth-authorization-server, or set jwksUri for this issuer.`,
    );
    expect(issuer.count('/jwks')).toBe(0);
  });

  it('rejects metadata that names another issuer', async () => {
    issuer.metadata.set('/.well-known/openid-configuration', { issuer: 'https://evil.example.test', jwks_uri: issuer.jwksUri });

    const error = await discoveringVerifier()
      .verifyAccessToken(await issuer.sign({ aud: AUDIENCE }))
      .catch((reason: unknown) => reason);

    expect(error).toMatchObject({ code: 'metadata_unavailable', status: 200 });
    expect((error as Error).message).toBe(
      `The authorization server metadata at "${issuer.issuer}/.well-known/openid-configuration" names a different issuer. Check the issuer in authServers.`,
    );
    expect(issuer.count('/jwks')).toBe(0);
  });

  it('rejects a plain-http jwks_uri off loopback', async () => {
    issuer.metadata.set('/.well-known/openid-configuration', { issuer: issuer.issuer, jwks_uri: 'http://keys.example.test/jwks' });

    const error = await discoveringVerifier()
      .verifyAccessToken(await issuer.sign({ aud: AUDIENCE }))
      .catch((reason: unknown) => reason);

    expect(error).toMatchObject({ code: 'metadata_unavailable' });
    expect((error as Error).message).toBe(
      `The authorization server metadata at "${issuer.issuer}/.well-known/openid-configuration" has an invalid jwks_uri: jwks_uri must use https (http is allowed only on localhost, 127.0.0.0/8 and [::1]).`,
    );
  });

  it('reuses a failed discovery within the cooldown', async () => {
    const verifier = discoveringVerifier();
    await expect(verifier.verifyAccessToken(await issuer.sign({ aud: AUDIENCE }))).rejects.toMatchObject({
      code: 'metadata_unavailable',
    });
    issuer.metadata.set('/.well-known/openid-configuration', { issuer: issuer.issuer, jwks_uri: issuer.jwksUri });

    const error = await verifier.verifyAccessToken(await issuer.sign({ aud: AUDIENCE })).catch((reason: unknown) => reason);

    expect(error).toMatchObject({ code: 'metadata_unavailable', status: 404 });
    expect(issuer.count('/.well-known/openid-configuration')).toBe(1);
    expect(issuer.count('/.well-known/oauth-authorization-server')).toBe(1);
  });

  it('retries discovery after the cooldown', async () => {
    const cooldownMs = 100;
    const verifier = createJwtVerifier({ authServers: [issuer.issuer], audience: AUDIENCE, jwksCooldownMs: cooldownMs });
    const token = await issuer.sign({ aud: AUDIENCE });
    await expect(verifier.verifyAccessToken(token)).rejects.toMatchObject({ code: 'metadata_unavailable' });
    issuer.metadata.set('/.well-known/openid-configuration', { issuer: issuer.issuer, jwks_uri: issuer.jwksUri });
    await sleep(cooldownMs + 50);

    const authInfo = await verifier.verifyAccessToken(token);

    expect(authInfo.clientId).toBe('client-1');
    expect(issuer.count('/.well-known/openid-configuration')).toBe(2);
  });
});
