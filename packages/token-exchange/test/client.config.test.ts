import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateKeyObjects, generateRsaKeyPair } from '@lfx/testing';

import {
  DEFAULT_TIMEOUT_MS,
  TOKEN_TYPE_ACCESS_TOKEN,
  TokenExchangeClient,
  TokenExchangeError,
  type TokenExchangeConfig,
} from '../src/index.js';
import { captureRejection, captureThrow, leakScanner, scanForLeaksAfterAll } from './support/leak-scan.js';

const CLIENT_SECRET = 'config-suite-secret-51af0';
const rsa = generateRsaKeyPair('config-key');
const ecKey = generateKeyObjects({ type: 'ec', namedCurve: 'P-256' });
const smallRsaKey = generateKeyObjects({ type: 'rsa', modulusLength: 1024 });
const ecPem = ecKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const smallRsaPem = smallRsaKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const encryptedPem = generateKeyObjects({ type: 'rsa', modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'config-passphrase' })
  .toString();

for (const secret of [CLIENT_SECRET, rsa.privateKeyPkcs8Pem, rsa.privateKeyPkcs1Pem, ecPem, smallRsaPem, encryptedPem]) {
  leakScanner.addSecret(secret);
}
// A PEM's base64 lines are what a partial leak would show, so each is a credential too.
for (const pem of [rsa.privateKeyPkcs8Pem, ecPem, smallRsaPem, encryptedPem]) {
  for (const line of pem.split('\n')) {
    if (line.length >= 40 && !line.startsWith('-----')) {
      leakScanner.addSecret(line);
    }
  }
}

scanForLeaksAfterAll();

const valid: TokenExchangeConfig = {
  tokenEndpoint: 'https://auth.lfx.test/oauth/token',
  clientId: 'lfx-mcp',
  clientSecret: CLIENT_SECRET,
  subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
  audience: 'https://api.lfx.test',
};

/** Builds a config from `valid` with `changes` applied; `undefined` in `changes` removes the option. */
function configWith(changes: Record<string, unknown>): TokenExchangeConfig {
  const config: Record<string, unknown> = { ...valid, ...changes };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete config[name];
    }
  }
  return config as unknown as TokenExchangeConfig;
}

describe('TokenExchangeClient constructor', () => {
  it.each([
    { given: 'no tokenEndpoint', changes: { tokenEndpoint: undefined }, field: 'tokenEndpoint', want: 'is missing' },
    { given: 'an empty tokenEndpoint', changes: { tokenEndpoint: '' }, field: 'tokenEndpoint', want: 'is missing' },
    { given: 'a relative tokenEndpoint', changes: { tokenEndpoint: '/oauth/token' }, field: 'tokenEndpoint', want: 'must be an https: URL, or http: with allowInsecureRequests: true' },
    { given: 'a non-URL tokenEndpoint', changes: { tokenEndpoint: 'auth server' }, field: 'tokenEndpoint', want: 'must be an https: URL, or http: with allowInsecureRequests: true' },
    { given: 'an ftp: tokenEndpoint', changes: { tokenEndpoint: 'ftp://auth.lfx.test/token' }, field: 'tokenEndpoint', want: 'must be an https: URL, or http: with allowInsecureRequests: true' },
    { given: 'http: on a remote host', changes: { tokenEndpoint: 'http://auth.lfx.test/token' }, field: 'tokenEndpoint', want: 'allowInsecureRequests' },
    { given: 'http: on a 127-like name', changes: { tokenEndpoint: 'http://127.lfx.test/token' }, field: 'tokenEndpoint', want: 'allowInsecureRequests' },
    { given: 'credentials in tokenEndpoint', changes: { tokenEndpoint: 'https://user:pw@auth.lfx.test/token' }, field: 'tokenEndpoint', want: 'must not contain credentials or a fragment' },
    { given: 'a fragment in tokenEndpoint', changes: { tokenEndpoint: 'https://auth.lfx.test/token#x' }, field: 'tokenEndpoint', want: 'must not contain credentials or a fragment' },
    { given: 'no clientId', changes: { clientId: undefined }, field: 'clientId', want: 'is missing' },
    { given: 'a numeric clientId', changes: { clientId: 42 }, field: 'clientId', want: 'must be a non-empty string' },
    { given: 'a blank clientId', changes: { clientId: '  ' }, field: 'clientId', want: 'must be a non-empty string' },
    { given: 'no subjectTokenType', changes: { subjectTokenType: undefined }, field: 'subjectTokenType', want: 'is missing' },
    { given: 'no audience', changes: { audience: undefined }, field: 'audience', want: 'is missing' },
    { given: 'neither secret nor key', changes: { clientSecret: undefined }, field: 'clientSecret', want: 'config.clientSecret and config.clientAssertionSigningKey are both missing: set one.' },
    { given: 'an empty clientSecret', changes: { clientSecret: '' }, field: 'clientSecret', want: 'must be a non-empty string' },
    { given: 'an unreadable key', changes: { clientAssertionSigningKey: 'not a key' }, field: 'clientAssertionSigningKey', want: 'must be an RSA private key of at least 2048 bits, as an unencrypted PEM string or a KeyObject' },
    { given: 'a truncated key', changes: { clientAssertionSigningKey: rsa.privateKeyPkcs8Pem.slice(0, 200) }, field: 'clientAssertionSigningKey', want: 'must be an RSA private key of at least 2048 bits, as an unencrypted PEM string or a KeyObject' },
    { given: 'an encrypted key', changes: { clientAssertionSigningKey: encryptedPem }, field: 'clientAssertionSigningKey', want: 'must be an RSA private key of at least 2048 bits, as an unencrypted PEM string or a KeyObject' },
    { given: 'a public key PEM', changes: { clientAssertionSigningKey: rsa.publicKeyPem }, field: 'clientAssertionSigningKey', want: 'must be an RSA private key of at least 2048 bits, as an unencrypted PEM string or a KeyObject' },
    { given: 'a public KeyObject', changes: { clientAssertionSigningKey: smallRsaKey.publicKey }, field: 'clientAssertionSigningKey', want: 'must be an RSA private key of at least 2048 bits, as an unencrypted PEM string or a KeyObject' },
    { given: 'an EC key', changes: { clientAssertionSigningKey: ecPem }, field: 'clientAssertionSigningKey', want: 'must be an RSA private key of at least 2048 bits, as an unencrypted PEM string or a KeyObject' },
    { given: 'a 1024-bit RSA key', changes: { clientAssertionSigningKey: smallRsaPem }, field: 'clientAssertionSigningKey', want: 'must be an RSA private key of at least 2048 bits, as an unencrypted PEM string or a KeyObject' },
    { given: 'a numeric key', changes: { clientAssertionSigningKey: 7 }, field: 'clientAssertionSigningKey', want: 'must be an RSA private key of at least 2048 bits, as an unencrypted PEM string or a KeyObject' },
    { given: 'an empty assertion audience', changes: { clientAssertionAudience: '' }, field: 'clientAssertionAudience', want: 'non-empty string' },
    { given: 'an empty key id', changes: { clientAssertionKeyId: '' }, field: 'clientAssertionKeyId', want: 'non-empty string' },
    { given: 'a zero timeout', changes: { timeoutMs: 0 }, field: 'timeoutMs', want: 'from 1 to 2147483647' },
    { given: 'a negative timeout', changes: { timeoutMs: -1 }, field: 'timeoutMs', want: 'from 1 to 2147483647' },
    { given: 'a fractional timeout', changes: { timeoutMs: 1.5 }, field: 'timeoutMs', want: 'from 1 to 2147483647' },
    { given: 'a NaN timeout', changes: { timeoutMs: Number.NaN }, field: 'timeoutMs', want: 'from 1 to 2147483647' },
    { given: 'a string timeout', changes: { timeoutMs: '100' }, field: 'timeoutMs', want: 'from 1 to 2147483647' },
    { given: 'a timeout past setTimeout', changes: { timeoutMs: 2 ** 31 }, field: 'timeoutMs', want: 'from 1 to 2147483647' },
    { given: 'a non-function fetch', changes: { fetch: 'fetch' }, field: 'fetch', want: 'must be a function' },
    { given: 'a string allowInsecureRequests', changes: { allowInsecureRequests: 'yes' }, field: 'allowInsecureRequests', want: 'must be a boolean' },
  ])('rejects $given', ({ changes, field, want }) => {
    const error = captureThrow(() => new TokenExchangeClient(configWith(changes)));

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(`config.${field}`);
    expect((error as Error).message).toContain(want);
  });

  it('rejects a config that is not an object', () => {
    const error = captureThrow(() => new TokenExchangeClient(null as unknown as TokenExchangeConfig));

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('TokenExchangeClient config must be an object.');
  });

  it('keeps no cause from an unreadable key', () => {
    const error = captureThrow(() => new TokenExchangeClient(configWith({ clientAssertionSigningKey: encryptedPem })));

    expect((error as Error).cause).toBeUndefined();
  });

  it.each([
    'http://127.0.0.1:8080/token',
    'http://127.10.20.30/token',
    'http://localhost:3000/token',
    'http://[::1]:9000/token',
    'https://auth.lfx.test/oauth/token',
  ])('accepts the endpoint %s', (tokenEndpoint) => {
    expect(() => new TokenExchangeClient(configWith({ tokenEndpoint }))).not.toThrow();
  });

  it('accepts http: on a remote host when allowed', () => {
    const config = configWith({ tokenEndpoint: 'http://auth.lfx.test/token', allowInsecureRequests: true });

    expect(() => new TokenExchangeClient(config)).not.toThrow();
  });

  it('accepts PKCS#8 and PKCS#1 keys without a secret', () => {
    for (const key of [rsa.privateKeyPkcs8Pem, rsa.privateKeyPkcs1Pem]) {
      const config = configWith({ clientSecret: undefined, clientAssertionSigningKey: key });
      expect(() => new TokenExchangeClient(config)).not.toThrow();
    }
  });
});

describe('TokenExchangeClient exchangeToken options', () => {
  const client = new TokenExchangeClient({
    ...valid,
    fetch: () => Promise.reject(new Error('an invalid option must fail before any request')),
  });

  it.each([
    { given: 'actorToken without actorTokenType', options: { actorToken: 'actor' }, want: 'actorToken and actorTokenType must be set together' },
    { given: 'actorTokenType without actorToken', options: { actorTokenType: TOKEN_TYPE_ACCESS_TOKEN }, want: 'actorToken and actorTokenType must be set together' },
    { given: 'an empty scope', options: { scope: '' }, want: 'option scope must be a non-empty string' },
    { given: 'a relative resource', options: { resource: '/projects' }, want: 'option resource must be an absolute URI' },
    { given: 'a numeric requestedTokenType', options: { requestedTokenType: 1 }, want: 'option requestedTokenType must be' },
    { given: 'a non-signal signal', options: { signal: {} }, want: 'signal must be an AbortSignal' },
  ])('rejects $given', async ({ options, want }) => {
    leakScanner.addSecret('subject-token-for-option-checks');

    const error = await captureRejection(client.exchangeToken('subject-token-for-option-checks', options as never));

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(want);
  });

  it('rejects a non-string subject token with invalid_subject_token', async () => {
    const error = await captureRejection(client.exchangeToken(undefined as unknown as string));

    expect(error).toBeInstanceOf(TokenExchangeError);
    expect(error).toMatchObject({ code: 'invalid_subject_token' });
  });
});

describe('TokenExchangeClient default timeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives up after 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = new TokenExchangeClient({ ...valid, fetch: () => new Promise<Response>(() => undefined) });
    let settled = false;

    const result = captureRejection(client.exchangeToken('subject-token-for-timeout')).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    const settledBeforeLimit = settled;
    await vi.advanceTimersByTimeAsync(1);

    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    expect(settledBeforeLimit).toBe(false);
    expect(await result).toMatchObject({ code: 'timeout' });
  });
});
