import type { KeyObject } from 'node:crypto';

import { importSigningKey } from './assertion.js';
import { checkOption, checkString, isObject } from './check.js';
import { DEFAULT_TIMEOUT_MS, TOKEN_TYPE_ACCESS_TOKEN } from './constants.js';

/** Options of {@link TokenExchangeClient}, read and checked once by its constructor. */
export interface TokenExchangeConfig {
  /** Token endpoint URL. `https:`, or `http:` on a loopback host (127.0.0.0/8, `[::1]`, `localhost`). */
  tokenEndpoint: string;
  /** OAuth client id, sent as `client_id` and used as `iss` and `sub` of client assertions. */
  clientId: string;
  /** Client secret, sent as `client_secret` in the form body (`client_secret_post`) unless a signing key is set. */
  clientSecret?: string | undefined;
  /**
   * RSA private key that signs RS256 client assertions (`private_key_jwt`, RFC 7523): a PEM
   * string, PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`), or a private
   * `KeyObject`. At least 2048 bits. When set, it is used instead of `clientSecret`.
   */
  clientAssertionSigningKey?: string | KeyObject | undefined;
  /** `aud` of client assertions. Default: `tokenEndpoint`. Some servers expect their issuer identifier. */
  clientAssertionAudience?: string | undefined;
  /** `kid` header of client assertions, for servers that select the client's key by id. Default: no `kid`. */
  clientAssertionKeyId?: string | undefined;
  /** `subject_token_type` sent with every exchange, such as {@link TOKEN_TYPE_ACCESS_TOKEN}. */
  subjectTokenType: string;
  /** `audience` of both grants: the API that the issued token is for. */
  audience: string;
  /** `fetch` implementation. Default: `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** Time limit of one token request in milliseconds, response body included. Default: 30,000. */
  timeoutMs?: number | undefined;
  /** Allows an `http:` token endpoint on a host other than loopback. Default: `false`. */
  allowInsecureRequests?: boolean | undefined;
}

/** A {@link TokenExchangeConfig} after validation, with defaults applied and the key imported. */
export interface ResolvedConfig {
  tokenEndpoint: string;
  clientId: string;
  /** Key that signs client assertions (`private_key_jwt`). Without it, `clientSecret` is sent (`client_secret_post`). */
  privateKey: KeyObject | undefined;
  clientSecret: string | undefined;
  /** `aud` of client assertions. */
  assertionAudience: string;
  /** `kid` header of client assertions. */
  keyId: string | undefined;
  subjectTokenType: string;
  audience: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** `setTimeout` fires at once for delays above this, so larger timeouts are rejected. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Validates a {@link TokenExchangeConfig}, applies its defaults and imports the signing key.
 *
 * @throws TypeError naming the first invalid option. Messages never contain the secret or the key.
 */
export function resolveConfig(config: TokenExchangeConfig): ResolvedConfig {
  checkOption(isObject(config), 'TokenExchangeClient config', 'must be an object');

  const read = (name: keyof TokenExchangeConfig, expected?: string): string | undefined =>
    checkString(config[name], `config.${name}`, expected);

  const tokenEndpoint = read('tokenEndpoint', 'the token endpoint URL') as string;
  const { allowInsecureRequests = false } = config;
  checkOption(typeof allowInsecureRequests === 'boolean', 'config.allowInsecureRequests', 'must be a boolean');
  checkTokenEndpoint(tokenEndpoint, allowInsecureRequests);

  const clientId = read('clientId', 'the OAuth client id') as string;
  const subjectTokenType = read('subjectTokenType', `a token type such as ${TOKEN_TYPE_ACCESS_TOKEN}`) as string;
  const audience = read('audience', "the API's identifier") as string;

  const fetch = config.fetch ?? globalThis.fetch;
  checkOption(typeof fetch === 'function', 'config.fetch', 'must be a function');

  const { timeoutMs = DEFAULT_TIMEOUT_MS } = config;
  checkOption(
    Number.isInteger(timeoutMs) && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS,
    'config.timeoutMs',
    `must be an integer from 1 to ${MAX_TIMEOUT_MS}`,
  );

  const clientSecret = read('clientSecret');
  const assertionAudience = read('clientAssertionAudience') ?? tokenEndpoint;
  const keyId = read('clientAssertionKeyId');
  const key = config.clientAssertionSigningKey;
  checkOption(
    key !== undefined || clientSecret !== undefined,
    'config.clientSecret and config.clientAssertionSigningKey',
    'are both missing: set one',
  );

  return {
    tokenEndpoint,
    clientId,
    privateKey: key === undefined ? undefined : importSigningKey(key),
    clientSecret,
    assertionAudience,
    keyId,
    subjectTokenType,
    audience,
    fetch,
    timeoutMs,
  };
}

function checkTokenEndpoint(tokenEndpoint: string, allowInsecureRequests: boolean): void {
  const url = URL.parse(tokenEndpoint);

  // http: sends the credentials in clear text, so it is accepted only on a loopback host unless
  // allowInsecureRequests is set. The WHATWG URL parser has already normalised IPv4 forms such as
  // 0x7f.1 to dotted decimal, so this pattern covers 127.0.0.0/8, [::1] and localhost.
  const isLoopback = /^(localhost|\[::1\]|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.test(url?.hostname ?? '');
  checkOption(
    url?.protocol === 'https:' || (url?.protocol === 'http:' && (allowInsecureRequests || isLoopback)),
    'config.tokenEndpoint',
    'must be an https: URL, or http: with allowInsecureRequests: true',
  );

  // Credentials belong in clientSecret or the signing key, and RFC 6749 section 3.2 forbids a fragment.
  checkOption(
    url.username === '' && url.password === '' && url.hash === '',
    'config.tokenEndpoint',
    'must not contain credentials or a fragment',
  );
}
