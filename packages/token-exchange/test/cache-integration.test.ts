import { generateRsaKeyPair, startAuthServer, type AuthServer } from '@lfx/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_TYPE_ACCESS_TOKEN, TokenCache, TokenExchangeClient } from '../src/index.js';

const LFX_AUDIENCE = 'https://api.lfx.test';
const MCP_AUDIENCE = 'https://mcp.lfx.test';
const ACCESS_TOKEN_TTL_SEC = 900;
const keys = generateRsaKeyPair('cache-client-1');

let server: AuthServer;
let client: TokenExchangeClient;

beforeAll(async () => {
  server = await startAuthServer({
    clients: [{ clientId: 'cache-client', publicJwk: keys.publicJwk }],
    audiences: [LFX_AUDIENCE],
    accessTokenTtlSec: ACCESS_TOKEN_TTL_SEC,
  });
  client = new TokenExchangeClient({
    tokenEndpoint: server.tokenEndpoint,
    clientId: 'cache-client',
    clientAssertionSigningKey: keys.privateKeyPkcs8Pem,
    subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
    audience: LFX_AUDIENCE,
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.resetStats();
});

function issueSubjectToken(sub: string): Promise<string> {
  return server.issueSubjectToken({ sub, audience: MCP_AUDIENCE, expiresInSec: 3600 });
}

describe('TokenCache with TokenExchangeClient', () => {
  it('makes one exchange for 1,000 concurrent cold calls', async () => {
    const cache = new TokenCache({ client });
    const subjectToken = await issueSubjectToken('alice');

    const tokens = await Promise.all(Array.from({ length: 1000 }, () => cache.getToken(subjectToken)));

    expect(server.stats).toEqual({ tokenExchange: 1, clientCredentials: 0, rejected: 0 });
    expect(new Set(tokens).size).toBe(1);
    const claims = await server.verifyToken(tokens[0] as string);
    expect(claims.sub).toBe('alice');
    expect(claims.aud).toBe(LFX_AUDIENCE);
  });

  it('exchanges each distinct subject once', async () => {
    const cache = new TokenCache({ client });
    const subjects = Array.from({ length: 20 }, (_, i) => `user-${i}`);
    const subjectTokens = await Promise.all(subjects.map(issueSubjectToken));

    const calls = subjectTokens.flatMap((subjectToken) => [cache.getToken(subjectToken), cache.getToken(subjectToken)]);
    const tokens = await Promise.all(calls);

    expect(server.stats.tokenExchange).toBe(20);
    for (const [i, subject] of subjects.entries()) {
      expect((await server.verifyToken(tokens[2 * i] as string)).sub).toBe(subject);
      expect(tokens[2 * i + 1]).toBe(tokens[2 * i]);
    }
  });

  it('refreshes at the buffer before expires_in', async () => {
    let nowMs = Date.now();
    const cache = new TokenCache({ client, now: () => nowMs });
    const subjectToken = await issueSubjectToken('bob');
    const issuedAtMs = nowMs;
    const first = await cache.getToken(subjectToken);

    nowMs = issuedAtMs + ACCESS_TOKEN_TTL_SEC * 1000 - 300_000 - 1;
    expect(await cache.getToken(subjectToken)).toBe(first);
    expect(server.stats.tokenExchange).toBe(1);

    nowMs = issuedAtMs + ACCESS_TOKEN_TTL_SEC * 1000 - 300_000;
    expect(await cache.getToken(subjectToken)).not.toBe(first);
    expect(server.stats.tokenExchange).toBe(2);
  });

  it('shares one client credentials token among machine callers', async () => {
    const cache = new TokenCache({ client });
    const machineA = await issueSubjectToken('reporting-service@clients');
    const machineB = await issueSubjectToken('sync-service@clients');

    const tokens = await Promise.all([cache.getToken(machineA), cache.getToken(machineB), cache.getToken(machineA)]);

    expect(server.stats).toEqual({ tokenExchange: 0, clientCredentials: 1, rejected: 0 });
    expect(new Set(tokens).size).toBe(1);
    expect((await server.verifyToken(tokens[0] as string)).sub).toBe('cache-client@clients');
  });

  it('shares a rejected exchange among waiters and retries later', async () => {
    const cache = new TokenCache({ client });
    const foreignToken = 'not-a-token-this-server-issued';

    const results = await Promise.allSettled([cache.getToken(foreignToken), cache.getToken(foreignToken)]);

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    const [first, second] = results as [PromiseRejectedResult, PromiseRejectedResult];
    expect(second.reason).toBe(first.reason);
    expect((first.reason as { code: string }).code).toBe('invalid_grant');
    expect(server.stats.rejected).toBe(1);

    await expect(cache.getToken(foreignToken)).rejects.toMatchObject({ code: 'invalid_grant' });
    expect(server.stats.rejected).toBe(2);
    expect(cache.stats.failures).toBe(2);
  });
});
