import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';

import { toAuthInfo } from './claims.js';
import { McpAuthError } from './errors.js';
import { IssuerKeySets } from './key-sets.js';
import { parseServerUrl, trimTrailingSlash } from './url.js';

/** An authorization server whose tokens the verifier accepts. */
export interface AuthServer {
  /** The issuer identifier, as the tokens' `iss` claim carries it; one trailing slash does not matter. */
  issuer: string;
  /**
   * URL of the issuer's JWKS. When absent, it is read once from the issuer's
   * `/.well-known/openid-configuration`, or from its RFC 8414 `/.well-known/oauth-authorization-server`
   * metadata.
   */
  jwksUri?: string;
}

export interface JwtVerifierOptions {
  /** The allowed issuers: an issuer URL, or an {@link AuthServer} to give its `jwksUri`. */
  authServers: ReadonlyArray<string | AuthServer>;
  /** The `aud` value that tokens for this MCP server carry; a token matches when its `aud` contains any of them. */
  audience: string | readonly string[];
  /** Allowed clock skew for `exp` and `nbf`, in seconds. Default 30. */
  clockToleranceSec?: number;
  /** Accepted JWS algorithms. Default: the asymmetric ones (RS, PS, ES and EdDSA). HMAC and `none` are never accepted. */
  algorithms?: readonly string[];
  /** The `fetch` used for JWKS and metadata requests. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Time limit of each JWKS or metadata request, in milliseconds. Default 5,000. */
  timeoutMs?: number;
  /**
   * Minimum time between two JWKS fetches triggered by an unknown `kid`, and between two
   * discovery attempts for an issuer whose discovery failed, in milliseconds. Default 30,000.
   */
  jwksCooldownMs?: number;
  /** How long fetched keys are used before the JWKS is fetched again, in milliseconds. Default 600,000. */
  jwksCacheMaxAgeMs?: number;
  /** Current time in milliseconds since the epoch, for the `exp` and `nbf` checks. Default `Date.now`. */
  now?: () => number;
}

export const DEFAULT_CLOCK_TOLERANCE_SEC = 30;
export const DEFAULT_JWKS_TIMEOUT_MS = 5_000;
export const DEFAULT_JWKS_COOLDOWN_MS = 30_000;
export const DEFAULT_JWKS_CACHE_MAX_AGE_MS = 600_000;

const ASYMMETRIC_ALGORITHMS = [
  'RS256', 'RS384', 'RS512',
  'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512',
  'EdDSA', 'Ed25519',
] as const;
const ASYMMETRIC = new Set<string>(ASYMMETRIC_ALGORITHMS);

/**
 * Creates the `OAuthTokenVerifier` for the MCP SDK's `requireBearerAuth`: it accepts a JWT
 * access token signed by one of `authServers` for `audience`, and returns its `AuthInfo`.
 *
 * Rejections throw the SDK's `InvalidTokenError`, to which `requireBearerAuth` responds with 401.
 * A JWKS or metadata document that cannot be loaded throws {@link McpAuthError}, which
 * `requireBearerAuth` responds with 500, because the caller's token is not at fault.
 *
 * @throws {TypeError} naming the option, when an option is invalid.
 */
export function createJwtVerifier(options: JwtVerifierOptions): OAuthTokenVerifier {
  const settings = readOptions(options);
  const keySets = new IssuerKeySets(settings.issuers, settings.keySetOptions);

  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      const issuerKey = checkHeaderAndIssuer(token, settings.algorithms, keySets);
      const getKey = await keySets.get(issuerKey);

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, getKey, {
          algorithms: [...settings.algorithms],
          audience: [...settings.audiences],
          clockTolerance: settings.clockToleranceSec,
          currentDate: new Date(settings.now()),
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        throw toInvalidTokenError(error);
      }

      return toAuthInfo(token, payload, resourceFor(payload, settings.audiences));
    },
  };
}

/**
 * Checks what can be checked without a key, and returns the key of the token's issuer. Doing
 * this first means a token from an unknown issuer never makes the verifier fetch anything.
 */
function checkHeaderAndIssuer(token: string, algorithms: ReadonlySet<string>, keySets: IssuerKeySets): string {
  let alg: unknown;
  let iss: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
    iss = decodeJwt(token).iss;
  } catch {
    throw new InvalidTokenError('The bearer token is not a valid JWT');
  }

  if (typeof alg !== 'string' || !algorithms.has(alg)) {
    throw new InvalidTokenError('The token is signed with an algorithm that is not accepted');
  }
  if (typeof iss !== 'string' || iss === '') {
    throw new InvalidTokenError('The token has no iss claim');
  }

  const issuerKey = trimTrailingSlash(iss);
  if (!keySets.has(issuerKey)) {
    throw new InvalidTokenError('The token issuer is not an allowed authorization server');
  }

  return issuerKey;
}

// Messages are fixed strings: requireBearerAuth copies them unescaped into the quoted
// error_description of WWW-Authenticate, so nothing taken from the token may enter them.
function toInvalidTokenError(error: unknown): unknown {
  if (error instanceof McpAuthError || !(error instanceof joseErrors.JOSEError)) {
    return error;
  }

  if (error instanceof joseErrors.JWTExpired) {
    return new InvalidTokenError('The token has expired');
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new InvalidTokenError(claimMessage(error.claim, error.reason));
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return new InvalidTokenError('The token is signed with a key that its issuer does not publish');
  }
  if (error instanceof joseErrors.JWKSMultipleMatchingKeys) {
    return new InvalidTokenError('The token has no kid header and its issuer publishes several matching keys');
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('The token signature is invalid');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) {
    return new InvalidTokenError('The token is signed with an algorithm that is not accepted');
  }
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) {
    return new InvalidTokenError('The bearer token is not a valid JWT');
  }

  return error;
}

function claimMessage(claim: string, reason: string): string {
  if (reason === 'missing') {
    return claim === 'exp' || claim === 'sub' ? `The token has no ${claim} claim` : 'The token is missing a required claim';
  }
  switch (claim) {
    case 'aud':
      return 'The token audience does not include this server';
    case 'nbf':
      return 'The token is not valid yet';
    default:
      return 'The token has an invalid time claim';
  }
}

// requireBearerAuth can compare AuthInfo.resource with its expectedResource, so report the
// configured audience that matched when it is an http(s) URL.
function resourceFor(payload: JWTPayload, audiences: readonly string[]): URL | undefined {
  const tokenAudiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  const matched = audiences.find((audience) => tokenAudiences.includes(audience));

  if (matched === undefined || !URL.canParse(matched)) {
    return undefined;
  }

  const url = new URL(matched);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
}

interface Settings {
  issuers: Array<{ key: string; issuer: URL; jwksUri: URL | undefined }>;
  audiences: string[];
  algorithms: ReadonlySet<string>;
  clockToleranceSec: number;
  now: () => number;
  keySetOptions: ConstructorParameters<typeof IssuerKeySets>[1];
}

function readOptions(options: JwtVerifierOptions): Settings {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createJwtVerifier requires an options object.');
  }

  return {
    issuers: readAuthServers(options.authServers),
    audiences: readAudiences(options.audience),
    algorithms: readAlgorithms(options.algorithms),
    clockToleranceSec: readNonNegative(options.clockToleranceSec, DEFAULT_CLOCK_TOLERANCE_SEC, 'clockToleranceSec'),
    now: readFunction(options.now, Date.now, 'now'),
    keySetOptions: {
      fetch: readFunction(options.fetch, (input, init) => globalThis.fetch(input, init), 'fetch'),
      timeoutMs: readPositiveInteger(options.timeoutMs, DEFAULT_JWKS_TIMEOUT_MS, 'timeoutMs'),
      cooldownMs: readNonNegative(options.jwksCooldownMs, DEFAULT_JWKS_COOLDOWN_MS, 'jwksCooldownMs'),
      cacheMaxAgeMs: readNonNegative(options.jwksCacheMaxAgeMs, DEFAULT_JWKS_CACHE_MAX_AGE_MS, 'jwksCacheMaxAgeMs'),
    },
  };
}

function readAuthServers(value: unknown): Settings['issuers'] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError('authServers must be a non-empty array of issuer URLs or { issuer, jwksUri? } objects.');
  }

  const issuers: Settings['issuers'] = [];
  value.forEach((entry: unknown, index) => {
    const option = `authServers[${index}]`;
    const server = typeof entry === 'string' ? { issuer: entry } : entry;
    if (typeof server !== 'object' || server === null) {
      throw new TypeError(`${option} must be an issuer URL or an object { issuer, jwksUri? }.`);
    }

    const { issuer, jwksUri } = server as Record<string, unknown>;
    const issuerUrl = parseServerUrl(issuer, typeof entry === 'string' ? option : `${option}.issuer`);
    const key = trimTrailingSlash(issuerUrl.href);
    if (issuers.some((known) => known.key === key)) {
      throw new TypeError(`${option} repeats the issuer ${JSON.stringify(key)}.`);
    }

    issuers.push({
      key,
      issuer: issuerUrl,
      jwksUri: jwksUri === undefined ? undefined : parseServerUrl(jwksUri, `${option}.jwksUri`),
    });
  });

  return issuers;
}

function readAudiences(value: unknown): string[] {
  const audiences = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(audiences) ||
    audiences.length === 0 ||
    !audiences.every((audience) => typeof audience === 'string' && audience !== '')
  ) {
    throw new TypeError('audience must be a non-empty string or a non-empty array of non-empty strings.');
  }

  return [...audiences];
}

function readAlgorithms(value: unknown): ReadonlySet<string> {
  if (value === undefined) {
    return ASYMMETRIC;
  }

  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`algorithms must be a non-empty array of: ${ASYMMETRIC_ALGORITHMS.join(', ')}.`);
  }
  for (const alg of value) {
    if (!ASYMMETRIC.has(alg)) {
      throw new TypeError(
        `algorithms contains an algorithm that is not accepted (HMAC and none never are). Use any of: ${ASYMMETRIC_ALGORITHMS.join(', ')}.`,
      );
    }
  }

  return new Set(value as string[]);
}

function readNonNegative(value: unknown, fallback: number, option: string): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${option} must be a finite number of 0 or more.`);
  }
  return value;
}

function readPositiveInteger(value: unknown, fallback: number, option: string): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new TypeError(`${option} must be a positive integer.`);
  }
  return value;
}

function readFunction<F extends (...args: never[]) => unknown>(value: unknown, fallback: F, option: string): F {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'function') {
    throw new TypeError(`${option} must be a function.`);
  }
  return value as F;
}
