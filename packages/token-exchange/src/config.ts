import { createPrivateKey, KeyObject } from 'node:crypto';

import { DEFAULT_TIMEOUT_MS } from './constants.js';

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

export type ClientAuthentication =
  | { method: 'private_key_jwt'; privateKey: KeyObject; audience: string; keyId: string | undefined }
  | { method: 'client_secret_post'; clientSecret: string };

/** A {@link TokenExchangeConfig} after validation, with defaults applied and the key imported. */
export interface ResolvedConfig {
  tokenEndpoint: string;
  clientId: string;
  authentication: ClientAuthentication;
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
  if (typeof config !== 'object' || config === null) {
    throw new TypeError('TokenExchangeClient config must be an object.');
  }

  const tokenEndpoint = requireString(config.tokenEndpoint, 'tokenEndpoint', "the authorization server's token endpoint URL");
  const allowInsecureRequests = optionalBoolean(config.allowInsecureRequests, 'allowInsecureRequests') ?? false;
  checkTokenEndpoint(tokenEndpoint, allowInsecureRequests);

  const clientId = requireString(config.clientId, 'clientId', 'the OAuth client id registered at the authorization server');
  const subjectTokenType = requireString(
    config.subjectTokenType,
    'subjectTokenType',
    'a token type URI such as urn:ietf:params:oauth:token-type:access_token',
  );
  const audience = requireString(config.audience, 'audience', 'the identifier of the API the exchanged tokens are for');

  const fetchImplementation = config.fetch ?? globalThis.fetch;
  if (typeof fetchImplementation !== 'function') {
    throw new TypeError('config.fetch must be a fetch function. Omit it to use globalThis.fetch.');
  }

  return {
    tokenEndpoint,
    clientId,
    authentication: resolveAuthentication(config, tokenEndpoint),
    subjectTokenType,
    audience,
    fetch: fetchImplementation,
    timeoutMs: resolveTimeout(config.timeoutMs),
  };
}

function resolveAuthentication(config: TokenExchangeConfig, tokenEndpoint: string): ClientAuthentication {
  const clientSecret = optionalString(config.clientSecret, 'clientSecret');
  const audience = optionalString(config.clientAssertionAudience, 'clientAssertionAudience') ?? tokenEndpoint;
  const keyId = optionalString(config.clientAssertionKeyId, 'clientAssertionKeyId');

  if (config.clientAssertionSigningKey !== undefined) {
    return { method: 'private_key_jwt', privateKey: importSigningKey(config.clientAssertionSigningKey), audience, keyId };
  }

  if (clientSecret !== undefined) {
    return { method: 'client_secret_post', clientSecret };
  }

  throw new TypeError(
    'config.clientSecret and config.clientAssertionSigningKey are both missing: set one of them to authenticate the client.',
  );
}

/** Parses the key once so that no request pays for it and a bad key fails at start-up. */
function importSigningKey(key: string | KeyObject): KeyObject {
  let privateKey: KeyObject;
  if (key instanceof KeyObject) {
    if (key.type !== 'private') {
      throw new TypeError(`config.clientAssertionSigningKey is a ${key.type} key. Pass the RSA private key.`);
    }
    privateKey = key;
  } else if (typeof key === 'string' && key.trim() !== '') {
    if (/-----BEGIN (RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(key)) {
      throw new TypeError('config.clientAssertionSigningKey is a public key or certificate. Pass the RSA private key.');
    }
    privateKey = parsePrivateKey(key);
  } else {
    throw new TypeError('config.clientAssertionSigningKey must be a PEM string or a private KeyObject.');
  }

  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new TypeError(
      `config.clientAssertionSigningKey is an ${JSON.stringify(privateKey.asymmetricKeyType ?? 'unknown')} key. RS256 needs an RSA private key.`,
    );
  }

  const modulusLength = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (modulusLength < 2048) {
    throw new TypeError(
      `config.clientAssertionSigningKey has a ${modulusLength}-bit modulus. RS256 needs an RSA key of at least 2048 bits.`,
    );
  }

  return privateKey;
}

function parsePrivateKey(pem: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    // The OpenSSL error adds nothing that helps the caller, so it is dropped rather than risk
    // carrying key text in a cause.
    throw new TypeError(
      'config.clientAssertionSigningKey could not be read: pass an unencrypted PEM RSA private key in PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1 (BEGIN RSA PRIVATE KEY) form.',
    );
  }
}

function checkTokenEndpoint(tokenEndpoint: string, allowInsecureRequests: boolean): void {
  if (!URL.canParse(tokenEndpoint)) {
    throw new TypeError('config.tokenEndpoint is not a valid absolute URL.');
  }

  const url = new URL(tokenEndpoint);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('config.tokenEndpoint must be an https: URL.');
  }

  if (url.protocol === 'http:' && !allowInsecureRequests && !isLoopbackHost(url.hostname)) {
    throw new TypeError(
      'config.tokenEndpoint uses http: on a host other than loopback, which would send credentials in clear text. Use https: or set allowInsecureRequests: true.',
    );
  }

  if (url.username !== '' || url.password !== '') {
    throw new TypeError('config.tokenEndpoint must not contain credentials. Use clientSecret or clientAssertionSigningKey.');
  }

  // RFC 6749 section 3.2: the endpoint URI must not include a fragment.
  if (url.hash !== '') {
    throw new TypeError('config.tokenEndpoint must not contain a fragment (#...).');
  }
}

/** Returns whether `hostname` (as `URL.hostname` gives it) is in 127.0.0.0/8, `[::1]` or `localhost`. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') {
    return true;
  }

  // The WHATWG URL parser has already normalised IPv4 forms such as 0x7f.1 to dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function resolveTimeout(timeoutMs: unknown): number {
  if (timeoutMs === undefined) {
    return DEFAULT_TIMEOUT_MS;
  }

  if (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new TypeError(`config.timeoutMs must be an integer number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`);
  }

  return timeoutMs;
}

function requireString(value: unknown, name: string, expected: string): string {
  if (value === undefined || value === null || value === '') {
    throw new TypeError(`config.${name} is missing: set it to ${expected}.`);
  }

  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`config.${name} must be a non-empty string: set it to ${expected}.`);
  }

  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) {
    return undefined;
  }

  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`config.${name} must be a non-empty string when set. Omit it otherwise.`);
  }

  return value;
}

function optionalBoolean(value: unknown, name: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new TypeError(`config.${name} must be a boolean when set.`);
  }

  return value;
}
