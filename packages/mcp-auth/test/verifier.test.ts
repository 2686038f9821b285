import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { base64url, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { createJwtVerifier, DEFAULT_JWKS_COOLDOWN_MS, LFX_USERNAME_CLAIM, McpAuthError } from '../src/index.js';
import { createSigningKey, TestIssuer, type SigningKey } from './support/issuer.js';

const AUDIENCE = 'https://mcp.example.test/mcp';

let issuer: TestIssuer;
let other: TestIssuer;
let firstKey: SigningKey;

beforeAll(async () => {
  issuer = new TestIssuer();
  other = new TestIssuer();
  await Promise.all([issuer.start(), other.start()]);
  firstKey = await createSigningKey('key-1');
});

afterAll(async () => {
  await Promise.all([issuer.stop(), other.stop()]);
});

beforeEach(() => {
  issuer.keys = [firstKey];
  issuer.jwksStatus = 200;
  issuer.requests.clear();
  issuer.metadata.clear();
  other.keys = [firstKey];
  other.requests.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

function verifier(overrides: Partial<Parameters<typeof createJwtVerifier>[0]> = {}) {
  return createJwtVerifier({
    authServers: [{ issuer: issuer.issuer, jwksUri: issuer.jwksUri }],
    audience: AUDIENCE,
    ...overrides,
  });
}

function unsigned(header: object, payload: object): string {
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  return `${encode(header)}.${encode(payload)}.`;
}

async function rejection(promise: Promise<unknown>): Promise<InvalidTokenError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return error as InvalidTokenError;
}

describe('createJwtVerifier', () => {
  describe('accepted tokens', () => {
    it('returns AuthInfo for a valid token', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, sub: 'alice', azp: 'desktop', exp: 2_000_000_000, scope: 'read write' });

      const authInfo = await verifier({ now: () => 1_900_000_000_000 }).verifyAccessToken(token);

      expect(authInfo).toEqual({
        token,
        clientId: 'desktop',
        scopes: ['read', 'write'],
        expiresAt: 2_000_000_000,
        resource: new URL(AUDIENCE),
        extra: { sub: 'alice', iss: issuer.issuer },
      });
    });

    it('reads scopes from a scopes array', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, scopes: ['projects:read', 'projects:write'] });

      const authInfo = await verifier().verifyAccessToken(token);

      expect(authInfo.scopes).toEqual(['projects:read', 'projects:write']);
    });

    it('prefers scope over scopes', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, scope: 'a', scopes: ['b'] });

      const authInfo = await verifier().verifyAccessToken(token);

      expect(authInfo.scopes).toEqual(['a']);
    });

    it('returns no scopes when the token has none', async () => {
      const token = await issuer.sign({ aud: AUDIENCE });

      const authInfo = await verifier().verifyAccessToken(token);

      expect(authInfo.scopes).toEqual([]);
    });

    it('reads clientId from client_id when azp is absent', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, azp: undefined, client_id: 'cli' });

      const authInfo = await verifier().verifyAccessToken(token);

      expect(authInfo.clientId).toBe('cli');
    });

    it('prefers azp over client_id', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, azp: 'from-azp', client_id: 'from-client-id' });

      const authInfo = await verifier().verifyAccessToken(token);

      expect(authInfo.clientId).toBe('from-azp');
    });

    it('puts the LFX username claim in extra', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, sub: 'auth0|123', [LFX_USERNAME_CLAIM]: 'alice' });

      const authInfo = await verifier().verifyAccessToken(token);

      expect(authInfo.extra).toEqual({ sub: 'auth0|123', iss: issuer.issuer, username: 'alice' });
    });

    it('accepts an issuer with a trailing slash in the token', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, iss: `${issuer.issuer}/` });

      const authInfo = await verifier().verifyAccessToken(token);

      expect(authInfo.extra).toEqual({ sub: 'user-1', iss: `${issuer.issuer}/` });
    });

    it('accepts an issuer with a trailing slash in the options', async () => {
      const token = await issuer.sign({ aud: AUDIENCE });

      const authInfo = await verifier({
        authServers: [{ issuer: `${issuer.issuer}/`, jwksUri: issuer.jwksUri }],
      }).verifyAccessToken(token);

      expect(authInfo.clientId).toBe('client-1');
    });

    it('accepts any configured audience in an aud array', async () => {
      const token = await issuer.sign({ aud: ['https://other.example.test', 'urn:lfx:mcp'] });

      const authInfo = await verifier({ audience: [AUDIENCE, 'urn:lfx:mcp'] }).verifyAccessToken(token);

      expect(authInfo.resource).toBeUndefined();
    });

    it('accepts an expired token within clockToleranceSec', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, exp: 1_000 });

      const authInfo = await verifier({ clockToleranceSec: 10, now: () => 1_009_000 }).verifyAccessToken(token);

      expect(authInfo.expiresAt).toBe(1_000);
    });

    it('accepts a token whose nbf is within the default tolerance of 30 s', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, nbf: 1_030, exp: 2_000 });

      const authInfo = await verifier({ now: () => 1_000_000 }).verifyAccessToken(token);

      expect(authInfo.expiresAt).toBe(2_000);
    });

    it('fetches the JWKS once for many tokens', async () => {
      const check = verifier();

      for (const sub of ['a', 'b', 'c']) {
        await check.verifyAccessToken(await issuer.sign({ aud: AUDIENCE, sub }));
      }

      expect(issuer.count('/jwks')).toBe(1);
    });
  });

  describe('rejected tokens', () => {
    it('rejects alg none without fetching', async () => {
      const token = unsigned({ alg: 'none', typ: 'JWT' }, { iss: issuer.issuer, aud: AUDIENCE, sub: 'x', exp: 2_000_000_000 });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token is signed with an algorithm that is not accepted');
      expect(issuer.count('/jwks')).toBe(0);
    });

    it('rejects an HS256 token keyed with the public key', async () => {
      const secret = new TextEncoder().encode(JSON.stringify(firstKey.publicJwk));
      const token = await new SignJWT({ iss: issuer.issuer, aud: AUDIENCE, sub: 'x', azp: 'c', exp: 2_000_000_000 })
        .setProtectedHeader({ alg: 'HS256', kid: firstKey.kid })
        .sign(secret);

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token is signed with an algorithm that is not accepted');
      expect(issuer.count('/jwks')).toBe(0);
    });

    it('rejects an unknown issuer without fetching anything', async () => {
      const token = await other.sign({ aud: AUDIENCE });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token issuer is not an allowed authorization server');
      expect(other.requests.size).toBe(0);
      expect(issuer.requests.size).toBe(0);
    });

    it('rejects a token signed by another issuer that claims an allowed iss', async () => {
      const stranger = await createSigningKey('key-1');
      const token = await issuer.sign({ aud: AUDIENCE }, stranger);

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token signature is invalid');
    });

    it('rejects a token without iss', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, iss: undefined });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token has no iss claim');
    });

    it('rejects a wrong audience', async () => {
      const token = await issuer.sign({ aud: 'https://api.lfx.example.test' });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token audience does not include this server');
    });

    it('rejects a token without aud', async () => {
      const token = await issuer.sign({});

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token is missing a required claim');
    });

    it('rejects an expired token', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, exp: 1_000 });

      const error = await rejection(verifier({ now: () => 1_030_000 }).verifyAccessToken(token));

      expect(error.message).toBe('The token has expired');
    });

    it('rejects a token not valid yet', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, nbf: 1_031, exp: 2_000 });

      const error = await rejection(verifier({ now: () => 1_000_000 }).verifyAccessToken(token));

      expect(error.message).toBe('The token is not valid yet');
    });

    it('rejects a non-numeric exp', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, exp: '2000000000' as unknown as number });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token has an invalid time claim');
    });

    it('rejects a token without exp', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, exp: undefined });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token has no exp claim');
    });

    it('rejects a token without sub', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, sub: undefined });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token has no sub claim');
    });

    it('rejects a token without azp or client_id', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, azp: undefined });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token has neither an azp nor a client_id claim');
    });

    it('rejects a scope claim that is not a string', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, scope: ['read'] });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token scope claim is not a string');
    });

    it('rejects a scopes claim that is not a string array', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, scopes: 'read' });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).toBe('The token scopes claim is not an array of strings');
    });

    it('rejects a value that is not a JWT', async () => {
      const error = await rejection(verifier().verifyAccessToken('not-a-jwt'));

      expect(error.message).toBe('The bearer token is not a valid JWT');
    });

    it('rejects a tampered payload', async () => {
      const token = await issuer.sign({ aud: AUDIENCE, sub: 'alice' });
      const [header, , signature] = token.split('.');
      const forged = base64url.encode(JSON.stringify({ iss: issuer.issuer, aud: AUDIENCE, sub: 'admin', azp: 'c', exp: 2_000_000_000 }));

      const error = await rejection(verifier().verifyAccessToken(`${header}.${forged}.${signature}`));

      expect(error.message).toBe('The token signature is invalid');
    });
  });

  describe('key rotation', () => {
    it('rejects an unknown kid after exactly one rate-limited refresh', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(1_800_000_000_000);
      const check = verifier();
      await check.verifyAccessToken(await issuer.sign({ aud: AUDIENCE }));
      const unknown = await createSigningKey('key-unknown');
      const token = await issuer.sign({ aud: AUDIENCE }, unknown);

      const withinCooldown = await rejection(check.verifyAccessToken(token));
      const fetchesWithinCooldown = issuer.count('/jwks');
      vi.setSystemTime(1_800_000_000_000 + DEFAULT_JWKS_COOLDOWN_MS + 1);
      const afterCooldown = await rejection(check.verifyAccessToken(token));
      const fetchesAfterCooldown = issuer.count('/jwks');
      const again = await rejection(check.verifyAccessToken(token));

      expect(withinCooldown.message).toBe('The token is signed with a key that its issuer does not publish');
      expect(fetchesWithinCooldown).toBe(1);
      expect(afterCooldown.message).toBe('The token is signed with a key that its issuer does not publish');
      expect(fetchesAfterCooldown).toBe(2);
      expect(again.message).toBe('The token is signed with a key that its issuer does not publish');
      expect(issuer.count('/jwks')).toBe(2);
    });

    it('accepts a new kid after one refresh', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(1_800_000_000_000);
      const check = verifier();
      await check.verifyAccessToken(await issuer.sign({ aud: AUDIENCE }));
      const rotated = await createSigningKey('key-2');
      issuer.keys = [rotated];
      vi.setSystemTime(1_800_000_000_000 + DEFAULT_JWKS_COOLDOWN_MS + 1);

      const authInfo = await check.verifyAccessToken(await issuer.sign({ aud: AUDIENCE, sub: 'rotated' }, rotated));

      expect(authInfo.extra).toEqual({ sub: 'rotated', iss: issuer.issuer });
      expect(issuer.count('/jwks')).toBe(2);
    });

    it('refetches the JWKS after jwksCacheMaxAgeMs', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(1_800_000_000_000);
      const check = verifier({ jwksCacheMaxAgeMs: 60_000 });
      await check.verifyAccessToken(await issuer.sign({ aud: AUDIENCE }));
      vi.setSystemTime(1_800_000_060_001);

      await check.verifyAccessToken(await issuer.sign({ aud: AUDIENCE }));

      expect(issuer.count('/jwks')).toBe(2);
    });
  });

  describe('server errors', () => {
    it('throws jwks_unavailable on HTTP 503', async () => {
      issuer.jwksStatus = 503;
      const token = await issuer.sign({ aud: AUDIENCE });

      const error = await verifier().verifyAccessToken(token).catch((reason: unknown) => reason);

      expect(error).toBeInstanceOf(McpAuthError);
      expect(error).not.toBeInstanceOf(InvalidTokenError);
      expect(error).toMatchObject({ code: 'jwks_unavailable', status: 503 });
      expect((error as Error).message).toBe(`The JWKS of issuer "${issuer.issuer}/" could not be fetched: HTTP 503.`);
    });

    it('throws jwks_unavailable when the JWKS server is unreachable', async () => {
      const closed = new TestIssuer();
      await closed.start();
      const jwksUri = closed.jwksUri;
      await closed.stop();
      const token = await issuer.sign({ aud: AUDIENCE });

      const error = await verifier({ authServers: [{ issuer: issuer.issuer, jwksUri }] })
        .verifyAccessToken(token)
        .catch((reason: unknown) => reason);

      expect(error).toMatchObject({ name: 'McpAuthError', code: 'jwks_unavailable', status: undefined });
      expect((error as Error).message).toBe(
        `The JWKS of issuer "${issuer.issuer}/" could not be loaded: the request could not be sent or the connection failed.`,
      );
    });

    it('throws jwks_unavailable when the JWKS is not a JWK Set', async () => {
      const token = await issuer.sign({ aud: AUDIENCE });
      const fetchNotJwks: typeof fetch = async () => Response.json({ keys: 'none' });

      const error = await verifier({ fetch: fetchNotJwks }).verifyAccessToken(token).catch((reason: unknown) => reason);

      expect(error).toMatchObject({ code: 'jwks_unavailable' });
      expect((error as Error).message).toBe(
        `The JWKS of issuer "${issuer.issuer}/" could not be loaded: the response is not a valid JWK Set.`,
      );
    });

    it('recovers after a JWKS outage', async () => {
      issuer.jwksStatus = 500;
      const check = verifier();
      const token = await issuer.sign({ aud: AUDIENCE });
      await expect(check.verifyAccessToken(token)).rejects.toMatchObject({ code: 'jwks_unavailable' });
      issuer.jwksStatus = 200;

      const authInfo = await check.verifyAccessToken(token);

      expect(authInfo.clientId).toBe('client-1');
    });

    it('uses the injected fetch', async () => {
      const fetched: string[] = [];
      const recordingFetch: typeof fetch = async (input, init) => {
        fetched.push(String(input));
        return fetch(input, init);
      };

      await verifier({ fetch: recordingFetch }).verifyAccessToken(await issuer.sign({ aud: AUDIENCE }));

      expect(fetched).toEqual([issuer.jwksUri]);
    });
  });

  describe('options', () => {
    it.each([
      [{ authServers: [] }, 'authServers must be a non-empty array of issuer URLs or { issuer, jwksUri? } objects.'],
      [{ authServers: ['http://as.example.test'] }, 'authServers[0] must use https (http is allowed only on localhost, 127.0.0.0/8 and [::1]).'],
      [{ authServers: [{ issuer: 'not a url' }] }, 'authServers[0].issuer is not a valid absolute URL.'],
      [{ authServers: [{ issuer: 'https://as.example.test', jwksUri: 'http://as.example.test/jwks' }] }, 'authServers[0].jwksUri must use https (http is allowed only on localhost, 127.0.0.0/8 and [::1]).'],
      [{ authServers: ['https://as.example.test', 'https://as.example.test/'] }, 'authServers[1] repeats the issuer "https://as.example.test".'],
      [{ authServers: ['https://as.example.test?tenant=1'] }, 'authServers[0] must not contain a query or a fragment.'],
      [{ audience: '' }, 'audience must be a non-empty string or a non-empty array of non-empty strings.'],
      [{ audience: [] }, 'audience must be a non-empty string or a non-empty array of non-empty strings.'],
      [{ clockToleranceSec: -1 }, 'clockToleranceSec must be a finite number of 0 or more.'],
      [{ timeoutMs: 0 }, 'timeoutMs must be a positive integer.'],
      [{ jwksCooldownMs: Number.NaN }, 'jwksCooldownMs must be a finite number of 0 or more.'],
      [{ fetch: 'fetch' }, 'fetch must be a function.'],
      [{ algorithms: ['HS256'] }, 'algorithms contains an algorithm that is not accepted (HMAC and none never are). Use any of: RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, Ed25519.'],
    ])('rejects %j', (overrides, message) => {
      const build = () =>
        createJwtVerifier({ authServers: ['https://as.example.test'], audience: AUDIENCE, ...(overrides as object) });

      expect(build).toThrow(new TypeError(message));
    });

    it('rejects a token whose alg is outside algorithms', async () => {
      const token = await issuer.sign({ aud: AUDIENCE });

      const error = await rejection(verifier({ algorithms: ['RS256'] }).verifyAccessToken(token));

      expect(error.message).toBe('The token is signed with an algorithm that is not accepted');
      expect(issuer.count('/jwks')).toBe(0);
    });
  });

  describe('hardening', () => {
    it('keeps the token out of rejection messages', async () => {
      const token = await issuer.sign({ aud: 'https://elsewhere.example.test', sub: 'alice"; evil' });

      const error = await rejection(verifier().verifyAccessToken(token));

      expect(error.message).not.toContain(token);
      expect(error.message).not.toContain('evil');
      expect(error.message).not.toContain('"');
    });

    it('keeps the token out of server errors', async () => {
      issuer.jwksStatus = 502;
      const token = await issuer.sign({ aud: AUDIENCE });

      const error = await verifier().verifyAccessToken(token).catch((reason: unknown) => reason);

      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(token);
    });
  });
});
