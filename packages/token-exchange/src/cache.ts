import { hash } from 'node:crypto';
import QuickLRU from 'quick-lru';
import type { TokenExchangeClient } from './client.js';
import { abortedError, raceSignal } from './abort.js';
import { checkOption, checkSubjectToken, isNonBlankString, isObject } from './check.js';
import { TokenExchangeError } from './errors.js';
import { GRANT_TYPE_CLIENT_CREDENTIALS } from './constants.js';
import { computeServeUntilMs } from './expiry.js';
import { isClientCredentialsToken, readExpiryMs } from './jwt.js';

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

/** A stored access token, or, without `accessToken`, the record that a subject token is a machine token. */
interface Entry {
  readonly accessToken?: string;
  /**
   * First instant, in ms since the epoch, at which the entry is no longer served. For a machine
   * token record, the subject token's `exp`, or `Infinity` when it has none.
   */
  readonly serveUntilMs: number;
}

interface Flight {
  promise: Promise<string>;
}

/** Key of the shared client credentials token. It cannot collide with a 43-character SHA-256 key. */
const MACHINE_KEY = GRANT_TYPE_CLIENT_CREDENTIALS;

/**
 * Per-subject-token cache of exchanged access tokens.
 *
 * Keys are the SHA-256 of the subject token, so no subject token is stored. Concurrent
 * misses for one key share one exchange, which runs without any caller's signal and is
 * bounded by the client's own timeout.
 */
export class TokenCache {
  readonly #client: TokenCacheClient;
  readonly #expiryBufferMs: number;
  readonly #isMachineToken: (subjectToken: string) => boolean;
  readonly #now: () => number;
  /**
   * Entries by subject token key, and the shared client credentials token under {@link MACHINE_KEY}.
   * A machine subject token's entry only records that it is one, so that a hit needs no JWT decoding.
   */
  private readonly entries: QuickLRU<string, Entry>;
  private readonly inFlight = new Map<string, Flight>();
  readonly #counts = { hits: 0, misses: 0, exchanges: 0, failures: 0, evictions: 0 };

  /** @throws {TypeError} when an option is missing or out of range; the message names it. */
  constructor(options: TokenCacheOptions) {
    checkOption(isObject(options), 'TokenCache options', 'must be an object');

    const { client, maxSize = 10_000, expiryBufferMs = 300_000, isMachineToken = isClientCredentialsToken, now = Date.now } = options;
    checkOption(
      isObject(client) && typeof client.exchangeToken === 'function' && typeof client.clientCredentials === 'function',
      '`client`',
      'must have exchangeToken() and clientCredentials()',
    );

    checkOption(Number.isSafeInteger(maxSize) && maxSize > 0, '`maxSize`', `must be a positive integer, got ${describe(maxSize)}`);

    checkOption(
      Number.isFinite(expiryBufferMs) && expiryBufferMs >= 0,
      '`expiryBufferMs`',
      `must be a finite number, 0 or more, got ${describe(expiryBufferMs)}`,
    );

    checkOption(typeof isMachineToken === 'function', '`isMachineToken`', 'must be a function');

    checkOption(typeof now === 'function', '`now`', 'must be a function');

    this.#client = client;
    this.#expiryBufferMs = expiryBufferMs;
    this.#isMachineToken = isMachineToken;
    this.#now = now;
    this.entries = new QuickLRU({
      maxSize,
      onEviction: () => {
        this.#counts.evictions += 1;
      },
    });
  }

  /** A snapshot of the counters. Reading it does not change LRU recency. */
  get stats(): TokenCacheStats {
    return { ...this.#counts };
  }

  /**
   * Returns an access token for the subject token, from the cache or from a new exchange.
   *
   * @throws {TokenExchangeError} code `invalid_subject_token` when the subject token is empty
   *   or blank (before any request), `aborted` when `signal` fires first, or the error of the
   *   failed exchange, which every caller waiting on that exchange receives.
   */
  async getToken(subjectToken: string, { signal }: GetTokenOptions = {}): Promise<string> {
    if (signal?.aborted) {
      throw abortedError(signal);
    }

    checkSubjectToken(subjectToken);
    const key = hash('sha256', subjectToken, 'base64url');
    const nowMs = this.#now();
    let entry = this.#readFresh(key, nowMs);

    if (entry === undefined) {
      const subjectExpiryMs = readExpiryMs(subjectToken);
      if (!this.#isMachineToken(subjectToken)) {
        return this.#miss(key, subjectToken, subjectExpiryMs, signal);
      }

      entry = { serveUntilMs: subjectExpiryMs ?? Infinity };
      if (nowMs < entry.serveUntilMs) {
        this.entries.set(key, entry);
      }
    }

    // The shared token is never served past a machine subject token's exp, so after it each call gets its own response.
    const accessToken =
      entry.accessToken ?? (nowMs < entry.serveUntilMs ? this.#readFresh(MACHINE_KEY, nowMs)?.accessToken : undefined);
    if (accessToken === undefined) {
      return this.#miss(MACHINE_KEY, undefined, undefined, signal);
    }

    this.#counts.hits += 1;
    return accessToken;
  }

  /**
   * Removes the subject token's entry and detaches any exchange in flight for it, so that
   * exchange's result is not stored. For a machine token this removes the shared entry.
   * Returns whether anything was removed.
   */
  delete(subjectToken: string, { expectedAccessToken }: DeleteTokenOptions = {}): boolean {
    if (!isNonBlankString(subjectToken)) {
      return false;
    }

    let key = hash('sha256', subjectToken, 'base64url');
    let entry = this.entries.peek(key);
    if (entry === undefined ? this.#isMachineToken(subjectToken) : entry.accessToken === undefined) {
      key = MACHINE_KEY;
      entry = this.entries.peek(key);
    }

    if (expectedAccessToken !== undefined) {
      return entry?.accessToken === expectedAccessToken && this.entries.delete(key);
    }

    const removedEntry = this.entries.delete(key);
    const removedFlight = this.inFlight.delete(key);
    return removedEntry || removedFlight;
  }

  /** Removes every entry and detaches every exchange in flight. The counters are kept. */
  clear(): void {
    this.entries.clear();
    this.inFlight.clear();
  }

  /** Returns the entry under `key` while it may be served, and removes an expired one. */
  #readFresh(key: string, nowMs: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && nowMs >= entry.serveUntilMs) {
      this.entries.delete(key);
      return undefined;
    }

    return entry;
  }

  /**
   * Counts a miss and joins the exchange in flight for `key`, or starts one: a token exchange of
   * `subjectToken`, or the client credentials grant when it is undefined.
   */
  #miss(key: string, subjectToken: string | undefined, subjectExpiryMs: number | undefined, signal: AbortSignal | undefined): Promise<string> {
    this.#counts.misses += 1;
    let flight = this.inFlight.get(key);
    if (flight === undefined) {
      // The flight is registered before the request starts, so a client that throws synchronously
      // still finds it in `finally` and removes it. Its promise is set once the request has started.
      const started = {} as Flight;
      this.inFlight.set(key, started);
      started.promise = this.#run(key, started, subjectToken, subjectExpiryMs);
      flight = started;
    }

    return signal === undefined ? flight.promise : raceSignal(flight.promise, signal, () => abortedError(signal));
  }

  async #run(key: string, flight: Flight, subjectToken: string | undefined, subjectExpiryMs: number | undefined): Promise<string> {
    const issuedAtMs = this.#now();
    this.#counts.exchanges += 1;

    try {
      const response = await (subjectToken === undefined
        ? this.#client.clientCredentials()
        : this.#client.exchangeToken(subjectToken));
      const accessToken = response?.access_token;
      if (typeof accessToken !== 'string' || accessToken === '') {
        throw new TokenExchangeError('TokenCache `client` returned no access_token.', { code: 'invalid_response' });
      }

      const serveUntilMs = computeServeUntilMs(
        issuedAtMs,
        response.expires_in,
        readExpiryMs(accessToken),
        subjectExpiryMs,
        this.#expiryBufferMs,
      );
      // A result that arrives after delete() or clear(), or after a newer flight started, is not stored.
      if (this.inFlight.get(key) === flight && serveUntilMs !== undefined && serveUntilMs > this.#now()) {
        // quick-lru 7 keeps a stale copy in its older generation when a key is set again, and
        // would later report that copy as an eviction, so the key is removed first.
        this.entries.delete(key);
        this.entries.set(key, { accessToken, serveUntilMs });
      }

      return accessToken;
    } catch (error) {
      this.#counts.failures += 1;
      throw error;
    } finally {
      if (this.inFlight.get(key) === flight) {
        this.inFlight.delete(key);
      }
    }
  }
}

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value;
}
