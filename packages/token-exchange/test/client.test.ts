import { createPrivateKey } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateRsaKeyPair, startAuthServer, type AuthServer } from '@lfx/testing';

import {
  CLIENT_ASSERTION_TYPE_JWT_BEARER,
  GRANT_TYPE_CLIENT_CREDENTIALS,
  GRANT_TYPE_TOKEN_EXCHANGE,
  TOKEN_TYPE_ACCESS_TOKEN,
  TOKEN_TYPE_JWT,
  TokenExchangeClient,
  TokenExchangeError,
  type TokenExchangeConfig,
} from '../src/index.js';
import { captureRejection, leakScanner, scanForLeaksAfterAll } from './support/leak-scan.js';
import { createRecordingFetch, type RecordingFetch } from './support/recording-fetch.js';

const LFX_AUDIENCE = 'https://api.lfx.test';
const MCP_AUDIENCE = 'https://mcp.lfx.test';
const CLIENT_SECRET = 'token-exchange-test-secret-4b1d9';

const keyClientKeys = generateRsaKeyPair('key-client-1');
const secretClientKeys = generateRsaKeyPair('secret-client-1');

let server: AuthServer;

scanForLeaksAfterAll();

beforeAll(async () => {
  leakScanner.addSecret(CLIENT_SECRET);
  leakScanner.addSecret(keyClientKeys.privateKeyPkcs8Pem);
  leakScanner.addSecret(keyClientKeys.privateKeyPkcs1Pem);

  server = await startAuthServer({
    clients: [
      { clientId: 'key-client', publicJwk: keyClientKeys.publicJwk },
      { clientId: 'secret-client', clientSecret: CLIENT_SECRET },
      { clientId: 'both-client', publicJwk: secretClientKeys.publicJwk },
    ],
    audiences: [LFX_AUDIENCE],
    accessTokenTtlSec: 900,
  });
});

afterAll(async () => {
  await server.close();
});

function keyClient(overrides: Partial<TokenExchangeConfig> = {}, recorder = createRecordingFetch()) {
  const client = new TokenExchangeClient({
    tokenEndpoint: server.tokenEndpoint,
    clientId: 'key-client',
    clientAssertionSigningKey: keyClientKeys.privateKeyPkcs8Pem,
    subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
    audience: LFX_AUDIENCE,
    fetch: recorder.fetch,
    ...overrides,
  });
  return { client, recorder };
}

function secretClient(recorder = createRecordingFetch()) {
  const client = new TokenExchangeClient({
    tokenEndpoint: server.tokenEndpoint,
    clientId: 'secret-client',
    clientSecret: CLIENT_SECRET,
    subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
    audience: LFX_AUDIENCE,
    fetch: recorder.fetch,
  });
  return { client, recorder };
}

async function subjectToken(sub = 'alice', expiresInSec = 3600): Promise<string> {
  const token = await server.issueSubjectToken({ sub, audience: MCP_AUDIENCE, expiresInSec, scope: 'openid profile' });
  leakScanner.addSecret(token);
  return token;
}

function lastForm(recorder: RecordingFetch): URLSearchParams {
  const request = recorder.requests.at(-1);
  if (request === undefined) {
    throw new Error('no request was recorded');
  }
  return request.form;
}

describe('TokenExchangeClient against oidc-provider', () => {
  describe('exchangeToken', () => {
    it('exchanges with a PKCS#8 signing key', async () => {
      const { client } = keyClient();

      const response = await client.exchangeToken(await subjectToken('alice'));

      expect(response.token_type).toBe('Bearer');
      expect(response.issued_token_type).toBe(TOKEN_TYPE_ACCESS_TOKEN);
      expect(response.expires_in).toBe(900);
      const claims = await server.verifyToken(response.access_token);
      expect(claims.sub).toBe('alice');
      expect(claims.aud).toBe(LFX_AUDIENCE);
      expect(claims.client_id).toBe('key-client');
    });

    it('exchanges with a PKCS#1 signing key', async () => {
      const { client } = keyClient({ clientAssertionSigningKey: keyClientKeys.privateKeyPkcs1Pem });

      const response = await client.exchangeToken(await subjectToken('bob'));

      const claims = await server.verifyToken(response.access_token);
      expect(claims.sub).toBe('bob');
      expect(claims.aud).toBe(LFX_AUDIENCE);
    });

    it('exchanges with a private KeyObject', async () => {
      const { client } = keyClient({ clientAssertionSigningKey: createPrivateKey(keyClientKeys.privateKeyPkcs8Pem) });

      const response = await client.exchangeToken(await subjectToken('carol'));

      expect((await server.verifyToken(response.access_token)).sub).toBe('carol');
    });

    it('exchanges with a client secret in the form body', async () => {
      const { client, recorder } = secretClient();

      const response = await client.exchangeToken(await subjectToken('dave'));

      const claims = await server.verifyToken(response.access_token);
      expect(claims.sub).toBe('dave');
      expect(claims.client_id).toBe('secret-client');
      const form = lastForm(recorder);
      expect(form.get('client_secret')).toBe(CLIENT_SECRET);
      expect(form.has('client_assertion')).toBe(false);
      expect(form.has('client_assertion_type')).toBe(false);
      expect(server.grants.at(-1)?.clientAuthMethod).toBe('client_secret_post');
    });

    it('prefers the signing key over the secret', async () => {
      const { client, recorder } = keyClient({
        clientId: 'both-client',
        clientSecret: CLIENT_SECRET,
        clientAssertionSigningKey: secretClientKeys.privateKeyPkcs8Pem,
      });

      await client.exchangeToken(await subjectToken());

      const form = lastForm(recorder);
      expect(form.has('client_secret')).toBe(false);
      expect(form.get('client_assertion_type')).toBe(CLIENT_ASSERTION_TYPE_JWT_BEARER);
      expect(server.grants.at(-1)?.clientAuthMethod).toBe('private_key_jwt');
    });

    it('sends only the required parameters by default', async () => {
      const { client, recorder } = keyClient();
      const token = await subjectToken();

      await client.exchangeToken(token);

      const request = recorder.requests.at(-1);
      expect(request?.method).toBe('POST');
      expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
      expect(request?.headers.get('accept')).toBe('application/json');
      const form = lastForm(recorder);
      expect([...form.keys()].sort()).toEqual([
        'audience',
        'client_assertion',
        'client_assertion_type',
        'client_id',
        'grant_type',
        'subject_token',
        'subject_token_type',
      ]);
      expect(form.get('grant_type')).toBe(GRANT_TYPE_TOKEN_EXCHANGE);
      expect(form.get('subject_token')).toBe(token);
      expect(form.get('subject_token_type')).toBe(TOKEN_TYPE_ACCESS_TOKEN);
      expect(form.get('audience')).toBe(LFX_AUDIENCE);
      expect(form.get('client_id')).toBe('key-client');
    });

    it('sends every optional parameter that is given', async () => {
      const { client, recorder } = keyClient();
      const actorToken = await subjectToken('mcp-server-agent');

      const response = await client.exchangeToken(await subjectToken('erin'), {
        scope: 'projects:read',
        resource: 'https://api.lfx.test/projects',
        requestedTokenType: TOKEN_TYPE_JWT,
        actorToken,
        actorTokenType: TOKEN_TYPE_ACCESS_TOKEN,
      });

      const form = lastForm(recorder);
      expect(form.get('scope')).toBe('projects:read');
      expect(form.get('resource')).toBe('https://api.lfx.test/projects');
      expect(form.get('requested_token_type')).toBe(TOKEN_TYPE_JWT);
      expect(form.get('actor_token')).toBe(actorToken);
      expect(form.get('actor_token_type')).toBe(TOKEN_TYPE_ACCESS_TOKEN);
      expect(server.grants.at(-1)?.params).toMatchObject({
        scope: 'projects:read',
        resource: 'https://api.lfx.test/projects',
        requested_token_type: TOKEN_TYPE_JWT,
        actor_token: '[redacted]',
        actor_token_type: TOKEN_TYPE_ACCESS_TOKEN,
      });
      expect(response.issued_token_type).toBe(TOKEN_TYPE_JWT);
      expect(response.scope).toBe('projects:read');
      const claims = await server.verifyToken(response.access_token);
      expect(claims.act).toEqual({ sub: 'mcp-server-agent' });
      expect(claims.scope).toBe('projects:read');
    });

    it('sends only the optional parameters that are given', async () => {
      const { client, recorder } = keyClient();

      await client.exchangeToken(await subjectToken(), { scope: 'projects:read' });

      const form = lastForm(recorder);
      expect(form.get('scope')).toBe('projects:read');
      for (const name of ['resource', 'requested_token_type', 'actor_token', 'actor_token_type']) {
        expect(form.has(name), name).toBe(false);
      }
    });

    it('signs a fresh assertion for each exchange in the same second', async () => {
      const { client, recorder } = keyClient();
      const token = await subjectToken();
      // A loaded machine can let a second boundary fall between the two exchanges. Freezing Date
      // keeps both in one second, and sockets and timers still run.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000 + 500);

      try {
        const [first, second] = await Promise.all([client.exchangeToken(token), client.exchangeToken(token)]);

        expect(first.access_token).not.toBe(second.access_token);
        const [firstClaims, secondClaims] = recorder.requests.map(({ form }) => decodeJwt(form.get('client_assertion') ?? ''));
        expect(firstClaims?.iat).toBe(secondClaims?.iat);
        expect(firstClaims?.jti).not.toBe(secondClaims?.jti);
      } finally {
        vi.useRealTimers();
      }
    });

    it('gets invalid_client for a replayed assertion', async () => {
      let firstAssertion = '';
      const recorder = createRecordingFetch((form, index) => {
        if (index === 0) {
          firstAssertion = form.get('client_assertion') ?? '';
        } else {
          form.set('client_assertion', firstAssertion);
        }
      });
      const { client } = keyClient({}, recorder);
      const token = await subjectToken();

      await client.exchangeToken(token);
      const error = await captureRejection(client.exchangeToken(token));

      expect(error).toBeInstanceOf(TokenExchangeError);
      expect(error).toMatchObject({ code: 'invalid_client', status: 401 });
      expect(recorder.requests[1]?.form.get('client_assertion')).toBe(firstAssertion);
    });

    it('puts clientAssertionAudience and clientAssertionKeyId in the assertion', async () => {
      const { client, recorder } = keyClient({
        clientAssertionAudience: server.issuer,
        clientAssertionKeyId: keyClientKeys.kid,
      });

      const response = await client.exchangeToken(await subjectToken('frank'));

      const assertion = lastForm(recorder).get('client_assertion') ?? '';
      expect(decodeJwt(assertion).aud).toBe(server.issuer);
      expect(decodeProtectedHeader(assertion).kid).toBe(keyClientKeys.kid);
      expect((await server.verifyToken(response.access_token)).sub).toBe('frank');
    });

    it('addresses the assertion to the token endpoint by default', async () => {
      const { client, recorder } = keyClient();

      await client.exchangeToken(await subjectToken());

      const assertion = lastForm(recorder).get('client_assertion') ?? '';
      expect(decodeJwt(assertion).aud).toBe(server.tokenEndpoint);
      expect(decodeProtectedHeader(assertion).kid).toBeUndefined();
    });

    it('gets invalid_client for a key the server does not know', async () => {
      const { client } = keyClient({ clientAssertionSigningKey: secretClientKeys.privateKeyPkcs8Pem });

      const error = await captureRejection(client.exchangeToken(await subjectToken()));

      expect(error).toMatchObject({ code: 'invalid_client', status: 401 });
    });

    it('gets invalid_grant for an expired subject token', async () => {
      const { client } = keyClient();

      const error = await captureRejection(client.exchangeToken(await subjectToken('alice', -60)));

      expect(error).toBeInstanceOf(TokenExchangeError);
      expect(error).toMatchObject({
        code: 'invalid_grant',
        status: 400,
        description: 'subject_token is invalid or expired',
      });
    });

    it('gets invalid_target for an audience the server does not serve', async () => {
      const { client } = keyClient({ audience: 'https://unknown.lfx.test' });

      const error = await captureRejection(client.exchangeToken(await subjectToken()));

      expect(error).toMatchObject({ code: 'invalid_target', status: 400 });
    });

    it('rejects a blank subject token before any request', async () => {
      const { client, recorder } = keyClient();

      for (const blank of ['', '   ', '\n']) {
        const error = await captureRejection(client.exchangeToken(blank));
        expect(error).toBeInstanceOf(TokenExchangeError);
        expect(error).toMatchObject({ code: 'invalid_subject_token', status: undefined });
      }
      expect(recorder.requests).toHaveLength(0);
    });
  });

  describe('clientCredentials', () => {
    it('gets a machine token for the audience', async () => {
      const { client, recorder } = secretClient();

      const response = await client.clientCredentials();

      expect(response.token_type).toBe('Bearer');
      expect(response.expires_in).toBe(900);
      const claims = await server.verifyToken(response.access_token);
      expect(claims.sub).toBe('secret-client@clients');
      expect(claims.aud).toBe(LFX_AUDIENCE);
      const form = lastForm(recorder);
      expect([...form.keys()].sort()).toEqual(['audience', 'client_id', 'client_secret', 'grant_type']);
      expect(form.get('grant_type')).toBe(GRANT_TYPE_CLIENT_CREDENTIALS);
    });

    it('authenticates with an assertion', async () => {
      const { client, recorder } = keyClient();

      const response = await client.clientCredentials();

      expect((await server.verifyToken(response.access_token)).sub).toBe('key-client@clients');
      expect(lastForm(recorder).get('client_assertion_type')).toBe(CLIENT_ASSERTION_TYPE_JWT_BEARER);
    });
  });

  it('counts one grant per call', async () => {
    server.resetStats();
    const { client } = keyClient();

    await client.exchangeToken(await subjectToken());
    await client.exchangeToken(await subjectToken());
    await client.clientCredentials();

    expect(server.stats).toEqual({ tokenExchange: 2, clientCredentials: 1, rejected: 0 });
  });
});
