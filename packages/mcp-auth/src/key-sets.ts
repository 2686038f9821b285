import { createRemoteJWKSet, customFetch, type FetchImplementation, type JWTVerifyGetKey } from 'jose';

import { describeFailure, discoverJwksUri } from './discovery.js';
import { McpAuthError } from './errors.js';

export interface KeySetOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  cooldownMs: number;
  cacheMaxAgeMs: number;
}

interface IssuerEntry {
  issuer: URL;
  jwksUri: URL | undefined;
  keySet: Promise<JWTVerifyGetKey> | undefined;
  /** When the discovery in `keySet` failed, in epoch milliseconds. */
  failedAtMs: number | undefined;
}

// Key lookups that fail because of the token, not because of the key set.
const TOKEN_KEY_ERRORS = new Set(['ERR_JWKS_NO_MATCHING_KEY', 'ERR_JWKS_MULTIPLE_MATCHING_KEYS']);

/**
 * One remote JWKS per allowed issuer, created on the first token from that issuer. jose's
 * remote set caches the keys for `cacheMaxAgeMs` and refetches for an unknown `kid` at most
 * once per `cooldownMs`.
 */
export class IssuerKeySets {
  readonly #entries = new Map<string, IssuerEntry>();
  readonly #options: KeySetOptions;

  constructor(issuers: ReadonlyArray<{ key: string; issuer: URL; jwksUri: URL | undefined }>, options: KeySetOptions) {
    this.#options = options;
    for (const { key, issuer, jwksUri } of issuers) {
      this.#entries.set(key, { issuer, jwksUri, keySet: undefined, failedAtMs: undefined });
    }
  }

  has(issuerKey: string): boolean {
    return this.#entries.has(issuerKey);
  }

  /**
   * Returns the key resolver for an allowed issuer.
   *
   * @throws {McpAuthError} `metadata_unavailable` when discovery fails. Calls within
   *   `cooldownMs` of the failure get the same error, and the first call after that retries.
   */
  async get(issuerKey: string): Promise<JWTVerifyGetKey> {
    const entry = this.#entries.get(issuerKey);
    if (entry === undefined) {
      throw new Error(`IssuerKeySets.get called for an issuer that is not allowed: ${JSON.stringify(issuerKey)}`);
    }

    // While an issuer's metadata is down, the failure is reused, so that a burst of tokens from
    // that issuer sends it one discovery per cooldown instead of one per token.
    if (entry.failedAtMs !== undefined && Date.now() - entry.failedAtMs >= this.#options.cooldownMs) {
      entry.keySet = undefined;
      entry.failedAtMs = undefined;
    }

    if (entry.keySet === undefined) {
      const keySet = this.#create(entry);
      entry.keySet = keySet;
      keySet.catch(() => {
        entry.failedAtMs = Date.now();
      });
    }

    return entry.keySet;
  }

  async #create(entry: IssuerEntry): Promise<JWTVerifyGetKey> {
    const { fetch: fetchImpl, timeoutMs, cooldownMs, cacheMaxAgeMs } = this.#options;
    const jwksUri = entry.jwksUri ?? (await discoverJwksUri(entry.issuer, fetchImpl, timeoutMs));
    const issuerName = JSON.stringify(entry.issuer.href);

    const fetchJwks: FetchImplementation = async (url, init) => {
      const response = await fetchImpl(url, init);
      if (response.status !== 200) {
        await response.body?.cancel();
        throw new McpAuthError(`The JWKS of issuer ${issuerName} could not be fetched: HTTP ${response.status}.`, {
          code: 'jwks_unavailable',
          status: response.status,
        });
      }
      return response;
    };

    const remote = createRemoteJWKSet(jwksUri, {
      timeoutDuration: timeoutMs,
      cooldownDuration: cooldownMs,
      cacheMaxAge: cacheMaxAgeMs,
      [customFetch]: fetchJwks,
    });

    return async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (error instanceof McpAuthError || TOKEN_KEY_ERRORS.has((error as { code?: unknown }).code as string)) {
          throw error;
        }
        throw new McpAuthError(`The JWKS of issuer ${issuerName} could not be loaded: ${describeJwksFailure(error)}.`, {
          code: 'jwks_unavailable',
          cause: error,
        });
      }
    };
  }
}

function describeJwksFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_JWKS_TIMEOUT') {
    return 'the request timed out';
  }
  if (code === 'ERR_JWKS_INVALID' || code === 'ERR_JOSE_GENERIC') {
    return 'the response is not a valid JWK Set';
  }
  return describeFailure(error);
}
