import { hash } from 'node:crypto';
import QuickLRU from 'quick-lru';
import type { TokenExchangeClient } from './client.js';
import { TokenExchangeError } from './errors.js';
import { computeServeUntilMs } from './expiry.js';
import { isClientCredentialsToken, readExpiryMs, readUnverifiedClaims } from './jwt.js';
import type { TokenExchangeResponse } from './response.js';

/**
 * The two grants the cache calls. Production code passes a {@link TokenExchangeClient}, and
 * tests can pass any object with these methods.
 */
export type TokenCacheClient = Pick<TokenExchangeClient, 'exchangeToken' | 'clientCredentials'>;

export interface TokenCacheOptions {
  /** Client that performs the token exchange and client credentials grants. */
  client: TokenCacheClient;
  /**
   * Number of subject tokens kept, a positive integer. Default 10,000. quick-lru evicts in
   * generations, so up to `2 × maxSize − 1` entries can be held between two evictions.
   */
  maxSize?: number | undefined;
  /** How long before an access token expires the cache stops serving it, in ms. Default 300,000 (5 minutes). */
  expiryBufferMs?: number | undefined;
  /**
   * Returns whether a subject token belongs to a machine caller, whose requests then all share one token
   * from the client credentials grant. The default matches a JWT whose `sub` ends in `@clients`. It runs on
   * claims that the cache does not verify, so verify the subject token before it reaches the cache.
   */
  isMachineToken?: ((subjectToken: string) => boolean) | undefined;
  /** Clock in ms since the epoch. Default `Date.now`. */
  now?: (() => number) | undefined;
}

export interface GetTokenOptions {
  /** Stops this caller's wait. An exchange that other callers share keeps running. */
  signal?: AbortSignal | undefined;
}

export interface DeleteTokenOptions {
  /**
   * Removes the entry only while it still contains this access token, so that many requests
   * rejected with the same token cause one new exchange. In-flight exchanges are kept.
   */
  expectedAccessToken?: string | undefined;
}

/** Counters since the cache was created. */
export interface TokenCacheStats {
  /** Calls served from a stored token. */
  readonly hits: number;
  /** Calls that found no servable token, including those that joined an exchange in flight. */
  readonly misses: number;
  /** Requests sent to the token endpoint, of either grant. */
  readonly exchanges: number;
  /** Exchanges that rejected. */
  readonly failures: number;
  /** Entries dropped by the LRU bound. Expiry, `delete()` and `clear()` are not counted. */
  readonly evictions: number;
}

interface TokenEntry {
  readonly kind: 'token';
  readonly accessToken: string;
  /** First instant, in ms since the epoch, at which the entry is no longer served. */
  readonly serveUntilMs: number;
}

/** Records that a subject token is a machine token, so the hit path needs no JWT decoding. */
interface MachineMarker {
  readonly kind: 'machine';
  /** The subject token's `exp` in ms, or `Number.MAX_SAFE_INTEGER` when it has none. */
  readonly serveUntilMs: number;
}

interface MachineEntry {
  readonly accessToken: string;
  readonly serveUntilMs: number;
}

interface Flight {
  promise: Promise<string>;
}

/** In-flight key of the shared client credentials token. It cannot collide with a 43-character SHA-256 key. */
const MACHINE_KEY = 'client_credentials';

/**
 * Per-subject-token cache of exchanged access tokens.
 *
 * Keys are the SHA-256 of the subject token, so no subject token is stored. Concurrent
 * misses for one key share one exchange, which runs without any caller's signal and is
 * bounded by the client's own timeout.
 */
export class TokenCache {
  private readonly client: TokenCacheClient;
  private readonly expiryBufferMs: number;
  private readonly isMachineToken: (subjectToken: string) => boolean;
  private readonly now: () => number;
  private readonly entries: QuickLRU<string, TokenEntry | MachineMarker>;
  private readonly inFlight = new Map<string, Flight>();
  private machineEntry: MachineEntry | undefined;

  private hits = 0;
  private misses = 0;
  private exchanges = 0;
  private failures = 0;
  private evictions = 0;

  /** @throws {TypeError} when an option is missing or out of range; the message names it. */
  constructor(options: TokenCacheOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('TokenCache options must be an object with at least `client`.');
    }

    const { client, maxSize = 10_000, expiryBufferMs = 300_000, isMachineToken = isClientCredentialsToken, now = Date.now } = options;
    if (
      typeof client !== 'object' ||
      client === null ||
      typeof client.exchangeToken !== 'function' ||
      typeof client.clientCredentials !== 'function'
    ) {
      throw new TypeError('`client` must have exchangeToken() and clientCredentials() methods, as TokenExchangeClient does.');
    }

    if (!Number.isSafeInteger(maxSize) || maxSize <= 0) {
      throw new TypeError(`\`maxSize\` must be a positive integer number of entries, got ${describe(maxSize)}.`);
    }

    if (typeof expiryBufferMs !== 'number' || !Number.isFinite(expiryBufferMs) || expiryBufferMs < 0) {
      throw new TypeError(`\`expiryBufferMs\` must be a finite number of milliseconds, 0 or more, got ${describe(expiryBufferMs)}.`);
    }

    if (typeof isMachineToken !== 'function') {
      throw new TypeError('`isMachineToken` must be a function (subjectToken) => boolean.');
    }

    if (typeof now !== 'function') {
      throw new TypeError('`now` must be a function that returns the time in ms since the epoch.');
    }

    this.client = client;
    this.expiryBufferMs = expiryBufferMs;
    this.isMachineToken = isMachineToken;
    this.now = now;
    this.entries = new QuickLRU({
      maxSize,
      onEviction: () => {
        this.evictions += 1;
      },
    });
  }

  /** A snapshot of the counters. Reading it does not change LRU recency. */
  get stats(): TokenCacheStats {
    return {
      hits: this.hits,
      misses: this.misses,
      exchanges: this.exchanges,
      failures: this.failures,
      evictions: this.evictions,
    };
  }

  /**
   * Returns an access token for the subject token, from the cache or from a new exchange.
   *
   * @throws {TokenExchangeError} code `invalid_subject_token` when the subject token is empty
   *   or blank (before any request), `aborted` when `signal` fires first, or the error of the
   *   failed exchange, which every caller waiting on that exchange receives.
   */
  async getToken(subjectToken: string, options: GetTokenOptions = {}): Promise<string> {
    const { signal } = options;
    if (signal?.aborted) {
      throw abortedError(signal.reason);
    }

    if (typeof subjectToken !== 'string' || !/\S/.test(subjectToken)) {
      throw new TokenExchangeError(
        'The subject token is empty or blank. Pass the access token of the caller the request is made for.',
        { code: 'invalid_subject_token' },
      );
    }

    const key = hashSubjectToken(subjectToken);
    const nowMs = this.now();
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      if (nowMs < entry.serveUntilMs) {
        if (entry.kind === 'machine') {
          return this.getMachineToken(nowMs, signal);
        }

        this.hits += 1;
        return entry.accessToken;
      }

      this.entries.delete(key);
    }

    const subjectExpiryMs = readExpiryMs(readUnverifiedClaims(subjectToken));
    if (this.isMachineToken(subjectToken)) {
      if (subjectExpiryMs !== undefined && subjectExpiryMs <= nowMs) {
        // The shared token is never served past the subject's exp, so this call gets its own response.
        this.misses += 1;
        return waitForFlight(this.joinOrStart(MACHINE_KEY, () => this.client.clientCredentials(), undefined), signal);
      }

      this.entries.set(key, { kind: 'machine', serveUntilMs: subjectExpiryMs ?? Number.MAX_SAFE_INTEGER });
      return this.getMachineToken(nowMs, signal);
    }

    this.misses += 1;
    return waitForFlight(this.joinOrStart(key, () => this.client.exchangeToken(subjectToken), subjectExpiryMs), signal);
  }

  /**
   * Removes the subject token's entry and detaches any exchange in flight for it, so that
   * exchange's result is not stored. For a machine token this removes the shared entry.
   * Returns whether anything was removed.
   */
  delete(subjectToken: string, options: DeleteTokenOptions = {}): boolean {
    if (typeof subjectToken !== 'string' || !/\S/.test(subjectToken)) {
      return false;
    }

    const { expectedAccessToken } = options;
    const key = hashSubjectToken(subjectToken);
    const entry = this.entries.peek(key);
    const isMachine = entry === undefined ? this.isMachineToken(subjectToken) : entry.kind === 'machine';

    if (isMachine) {
      return this.deleteMachineEntry(expectedAccessToken);
    }

    if (expectedAccessToken !== undefined) {
      if (entry?.kind !== 'token' || entry.accessToken !== expectedAccessToken) {
        return false;
      }

      return this.entries.delete(key);
    }

    const removedEntry = this.entries.delete(key);
    const removedFlight = this.inFlight.delete(key);
    return removedEntry || removedFlight;
  }

  /** Removes every entry and detaches every exchange in flight. The counters are kept. */
  clear(): void {
    this.entries.clear();
    this.inFlight.clear();
    this.machineEntry = undefined;
  }

  private deleteMachineEntry(expectedAccessToken: string | undefined): boolean {
    const machineEntry = this.machineEntry;
    if (expectedAccessToken !== undefined) {
      if (machineEntry?.accessToken !== expectedAccessToken) {
        return false;
      }

      this.machineEntry = undefined;
      return true;
    }

    this.machineEntry = undefined;
    const removedFlight = this.inFlight.delete(MACHINE_KEY);
    return machineEntry !== undefined || removedFlight;
  }

  private getMachineToken(nowMs: number, signal: AbortSignal | undefined): Promise<string> | string {
    const machineEntry = this.machineEntry;
    if (machineEntry !== undefined && nowMs < machineEntry.serveUntilMs) {
      this.hits += 1;
      return machineEntry.accessToken;
    }

    this.misses += 1;
    return waitForFlight(this.joinOrStart(MACHINE_KEY, () => this.client.clientCredentials(), undefined), signal);
  }

  private joinOrStart(
    key: string,
    request: () => Promise<TokenExchangeResponse>,
    subjectExpiryMs: number | undefined,
  ): Promise<string> {
    const current = this.inFlight.get(key);
    if (current !== undefined) {
      return current.promise;
    }

    // The flight is registered before the request starts, so a client that throws synchronously
    // still finds it in `finally` and removes it.
    const flight: Flight = { promise: Promise.resolve('') };
    this.inFlight.set(key, flight);
    flight.promise = this.runFlight(key, flight, request, subjectExpiryMs);
    return flight.promise;
  }

  private async runFlight(
    key: string,
    flight: Flight,
    request: () => Promise<TokenExchangeResponse>,
    subjectExpiryMs: number | undefined,
  ): Promise<string> {
    const issuedAtMs = this.now();
    this.exchanges += 1;

    try {
      const response = await request();
      const accessToken = response?.access_token;
      if (typeof accessToken !== 'string' || accessToken === '') {
        throw new TokenExchangeError('The token endpoint response has no access_token. Check the client that the cache was given.', {
          code: 'invalid_response',
        });
      }

      if (this.inFlight.get(key) === flight) {
        this.store(key, accessToken, issuedAtMs, response.expires_in, subjectExpiryMs);
      }

      return accessToken;
    } catch (error) {
      this.failures += 1;
      throw error;
    } finally {
      if (this.inFlight.get(key) === flight) {
        this.inFlight.delete(key);
      }
    }
  }

  private store(
    key: string,
    accessToken: string,
    issuedAtMs: number,
    expiresInSeconds: number | undefined,
    subjectExpiryMs: number | undefined,
  ): void {
    const serveUntilMs = computeServeUntilMs({
      issuedAtMs,
      expiresInSeconds,
      accessTokenExpiryMs: readExpiryMs(readUnverifiedClaims(accessToken)),
      subjectExpiryMs,
      expiryBufferMs: this.expiryBufferMs,
    });
    if (serveUntilMs === undefined || serveUntilMs <= this.now()) {
      return;
    }

    if (key === MACHINE_KEY) {
      this.machineEntry = { accessToken, serveUntilMs };
      return;
    }

    // quick-lru 7 keeps a stale copy in its older generation when a key is set again, and
    // would later report that copy as an eviction, so the key is removed first.
    this.entries.delete(key);
    this.entries.set(key, { kind: 'token', accessToken, serveUntilMs });
  }
}

function hashSubjectToken(subjectToken: string): string {
  return hash('sha256', subjectToken, 'base64url');
}

function waitForFlight(promise: Promise<string>, signal: AbortSignal | undefined): Promise<string> {
  if (signal === undefined) {
    return promise;
  }

  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(abortedError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (accessToken) => {
        signal.removeEventListener('abort', onAbort);
        resolve(accessToken);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortedError(reason: unknown): TokenExchangeError {
  return new TokenExchangeError('Waiting for an access token was aborted by the caller\'s signal.', {
    code: 'aborted',
    cause: reason,
  });
}

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value;
}
