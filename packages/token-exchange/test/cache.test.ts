import { createHash } from 'node:crypto';
import { UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenCache, type TokenCacheClient, type TokenCacheOptions, type TokenExchangeResponse } from '../src/index.js';
import { TokenExchangeError } from '../src/errors.js';

const START_MS = 1_750_000_000_000;
const BUFFER_MS = 300_000;

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function defer<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

class ManualClock {
  constructor(public ms = START_MS) {}

  readonly now = (): number => this.ms;

  advance(ms: number): void {
    this.ms += ms;
  }
}

interface ExchangeCall {
  subjectToken: string;
  options: { signal?: AbortSignal } | undefined;
}

/**
 * A client whose responses the test decides. By default every call resolves at once with
 * a token that names the subject and the call number.
 */
class ScriptedClient implements TokenCacheClient {
  readonly exchangeCalls: ExchangeCall[] = [];
  clientCredentialsCalls = 0;
  respond: (subjectToken: string | undefined, callNumber: number) => Promise<TokenExchangeResponse> = async (
    subjectToken,
    callNumber,
  ) => ({ access_token: `${subjectToken ?? 'machine'}#${callNumber}`, token_type: 'Bearer', expires_in: 3600 });

  private callCount = 0;

  exchangeToken(subjectToken: string, options?: { signal?: AbortSignal }): Promise<TokenExchangeResponse> {
    this.exchangeCalls.push({ subjectToken, options });
    this.callCount += 1;
    return this.respond(subjectToken, this.callCount);
  }

  clientCredentials(): Promise<TokenExchangeResponse> {
    this.clientCredentialsCalls += 1;
    this.callCount += 1;
    return this.respond(undefined, this.callCount);
  }
}

function createCache(overrides: Partial<TokenCacheOptions> = {}): { cache: TokenCache; client: ScriptedClient; clock: ManualClock } {
  const client = new ScriptedClient();
  const clock = new ManualClock();
  const cache = new TokenCache({ client, now: clock.now, ...overrides });
  return { cache, client, clock };
}

/** Encodes an unsigned JWT, which the cache decodes without verifying. */
function jwt(claims: Record<string, unknown>): string {
  return new UnsecuredJWT(claims).encode();
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/**
 * Collects every string reachable from the cache, including Map keys and values and
 * quick-lru entries. The client is skipped because the scripted client records its calls.
 */
function collectCacheStrings(cache: TokenCache): string[] {
  const { client: _client, ...root } = cache as unknown as Record<string, unknown>;
  const strings: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      strings.push(value);
      return;
    }

    if (typeof value !== 'object' || value === null || seen.has(value) || value instanceof Promise) {
      return;
    }

    seen.add(value);
    if (value instanceof Map) {
      for (const [key, item] of value.entries()) {
        visit(key);
        visit(item);
      }
    }

    for (const item of Object.values(value)) {
      visit(item);
    }
  };
  visit(root);
  return strings;
}

/** Deterministic PRNG (mulberry32) so a failing randomized run can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('TokenCache options', () => {
  const client = new ScriptedClient();

  it.each([
    { name: 'maxSize 0', options: { maxSize: 0 }, message: /`maxSize` must be a positive integer/ },
    { name: 'maxSize -1', options: { maxSize: -1 }, message: /`maxSize` must be a positive integer/ },
    { name: 'maxSize 1.5', options: { maxSize: 1.5 }, message: /`maxSize` must be a positive integer/ },
    { name: 'maxSize NaN', options: { maxSize: Number.NaN }, message: /`maxSize` must be a positive integer/ },
    { name: 'maxSize Infinity', options: { maxSize: Number.POSITIVE_INFINITY }, message: /`maxSize` must be a positive integer/ },
    { name: 'maxSize string', options: { maxSize: '10' }, message: /`maxSize` must be a positive integer.*got string/ },
    { name: 'expiryBufferMs -1', options: { expiryBufferMs: -1 }, message: /`expiryBufferMs` must be a finite number/ },
    { name: 'expiryBufferMs NaN', options: { expiryBufferMs: Number.NaN }, message: /`expiryBufferMs` must be a finite number/ },
    {
      name: 'expiryBufferMs Infinity',
      options: { expiryBufferMs: Number.POSITIVE_INFINITY },
      message: /`expiryBufferMs` must be a finite number/,
    },
    { name: 'isMachineToken not a function', options: { isMachineToken: true }, message: /`isMachineToken` must be a function/ },
    { name: 'now not a function', options: { now: 5 }, message: /`now` must be a function/ },
  ])('rejects $name', ({ options, message }) => {
    expect(() => new TokenCache({ client, ...(options as Partial<TokenCacheOptions>) })).toThrow(TypeError);
    expect(() => new TokenCache({ client, ...(options as Partial<TokenCacheOptions>) })).toThrow(message);
  });

  it('rejects a client without clientCredentials', () => {
    const partial = { exchangeToken: client.exchangeToken.bind(client) } as unknown as TokenCacheClient;
    expect(() => new TokenCache({ client: partial })).toThrow(/`client` must have exchangeToken\(\) and clientCredentials\(\)/);
  });

  it('rejects missing options', () => {
    expect(() => new TokenCache(undefined as unknown as TokenCacheOptions)).toThrow(TypeError);
  });

  it('accepts a zero buffer and maxSize 1', () => {
    expect(() => new TokenCache({ client, expiryBufferMs: 0, maxSize: 1 })).not.toThrow();
  });
});

describe('TokenCache.getToken', () => {
  it.each(['', ' ', '\t\n'])('rejects blank subject token %j before any request', async (subjectToken) => {
    const { cache, client } = createCache();

    const error = await cache.getToken(subjectToken).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TokenExchangeError);
    expect((error as TokenExchangeError).code).toBe('invalid_subject_token');
    expect(client.exchangeCalls).toHaveLength(0);
    expect(cache.stats.misses).toBe(0);
  });

  it('returns the exchanged token and then the cached one', async () => {
    const { cache, client } = createCache();

    expect(await cache.getToken('subject-a')).toBe('subject-a#1');
    expect(await cache.getToken('subject-a')).toBe('subject-a#1');

    expect(client.exchangeCalls.map((call) => call.subjectToken)).toEqual(['subject-a']);
    expect(cache.stats).toEqual({ hits: 1, misses: 1, exchanges: 1, failures: 0, evictions: 0 });
  });

  it('keeps entries of different subjects apart', async () => {
    const { cache } = createCache();

    expect(await cache.getToken('subject-a')).toBe('subject-a#1');
    expect(await cache.getToken('subject-b')).toBe('subject-b#2');
    expect(await cache.getToken('subject-a')).toBe('subject-a#1');
    expect(await cache.getToken('subject-b')).toBe('subject-b#2');
  });

  it('rejects an invalid client response without storing it', async () => {
    const { cache, client } = createCache();
    client.respond = async () => ({ access_token: '', token_type: 'Bearer' });

    const error = await cache.getToken('subject-a').catch((caught: unknown) => caught);

    expect((error as TokenExchangeError).code).toBe('invalid_response');
    expect(cache.stats.failures).toBe(1);
  });
});

describe('TokenCache expiry', () => {
  it('serves a token until expires_in minus the buffer', async () => {
    const { cache, client, clock } = createCache();
    await cache.getToken('subject-a');

    clock.ms = START_MS + 3_600_000 - BUFFER_MS - 1;
    expect(await cache.getToken('subject-a')).toBe('subject-a#1');
    expect(client.exchangeCalls).toHaveLength(1);

    clock.ms = START_MS + 3_600_000 - BUFFER_MS;
    expect(await cache.getToken('subject-a')).toBe('subject-a#2');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('honours a custom buffer', async () => {
    const { cache, client, clock } = createCache({ expiryBufferMs: 60_000 });
    await cache.getToken('subject-a');

    clock.ms = START_MS + 3_600_000 - 60_000 - 1;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(1);

    clock.ms = START_MS + 3_600_000 - 60_000;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('serves the full lifetime with a zero buffer', async () => {
    const { cache, client, clock } = createCache({ expiryBufferMs: 0 });
    await cache.getToken('subject-a');

    clock.ms = START_MS + 3_600_000 - 1;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(1);

    clock.ms = START_MS + 3_600_000;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it.each([
    { expiresIn: 240, servedMs: 120_000 },
    { expiresIn: 300, servedMs: 150_000 },
    { expiresIn: 1, servedMs: 500 },
  ])('serves expires_in $expiresIn s for half its lifetime', async ({ expiresIn, servedMs }) => {
    const { cache, client, clock } = createCache();
    client.respond = async (subjectToken, callNumber) => ({ access_token: `${subjectToken}#${callNumber}`, token_type: 'Bearer', expires_in: expiresIn });
    await cache.getToken('subject-a');

    clock.ms = START_MS + servedMs - 1;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(1);

    clock.ms = START_MS + servedMs;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('serves the 1 s above the buffer', async () => {
    const { cache, client, clock } = createCache();
    client.respond = async (subjectToken, callNumber) => ({ access_token: `${subjectToken}#${callNumber}`, token_type: 'Bearer', expires_in: 301 });
    await cache.getToken('subject-a');

    clock.ms = START_MS + 999;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(1);

    clock.ms = START_MS + 1000;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('counts the lifetime from the request start', async () => {
    const { cache, client, clock } = createCache();
    client.respond = async (subjectToken, callNumber) => {
      clock.advance(10_000);
      return { access_token: `${subjectToken}#${callNumber}`, token_type: 'Bearer', expires_in: 3600 };
    };
    await cache.getToken('subject-a');

    clock.ms = START_MS + 3_600_000 - BUFFER_MS - 1;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(1);

    clock.ms = START_MS + 3_600_000 - BUFFER_MS;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('never serves past the subject token exp', async () => {
    const { cache, client, clock } = createCache();
    const subjectExpiryMs = START_MS + 600_000;
    const subject = jwt({ sub: 'user-1', exp: subjectExpiryMs / 1000 });
    await cache.getToken(subject);

    clock.ms = subjectExpiryMs - 1;
    await cache.getToken(subject);
    expect(client.exchangeCalls).toHaveLength(1);

    clock.ms = subjectExpiryMs;
    await cache.getToken(subject);
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('ignores a subject exp later than the token expiry', async () => {
    const { cache, client, clock } = createCache();
    const subject = jwt({ sub: 'user-1', exp: (START_MS + 86_400_000) / 1000 });
    await cache.getToken(subject);

    clock.ms = START_MS + 3_600_000 - BUFFER_MS - 1;
    await cache.getToken(subject);
    expect(client.exchangeCalls).toHaveLength(1);

    clock.ms = START_MS + 3_600_000 - BUFFER_MS;
    await cache.getToken(subject);
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('uses the access token exp without expires_in', async () => {
    const { cache, client, clock } = createCache();
    const accessTokenExpiryMs = START_MS + 1_800_000;
    client.respond = async () => ({ access_token: jwt({ sub: 'user-1', exp: accessTokenExpiryMs / 1000 }), token_type: 'Bearer' });
    const first = await cache.getToken('subject-a');

    clock.ms = accessTokenExpiryMs - BUFFER_MS - 1;
    expect(await cache.getToken('subject-a')).toBe(first);
    expect(client.exchangeCalls).toHaveLength(1);

    clock.ms = accessTokenExpiryMs - BUFFER_MS;
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('does not cache a token without any expiry', async () => {
    const { cache, client } = createCache();
    client.respond = async (subjectToken, callNumber) => ({ access_token: `${subjectToken}#${callNumber}`, token_type: 'Bearer' });

    expect(await cache.getToken('subject-a')).toBe('subject-a#1');
    expect(await cache.getToken('subject-a')).toBe('subject-a#2');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('does not cache an access token whose exp has passed', async () => {
    const { cache, client } = createCache();
    client.respond = async () => ({ access_token: jwt({ exp: (START_MS - 1000) / 1000 }), token_type: 'Bearer' });

    await cache.getToken('subject-a');
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('does not cache expires_in %s', async (expiresIn) => {
    const { cache, client } = createCache();
    client.respond = async (subjectToken, callNumber) => ({ access_token: `${subjectToken}#${callNumber}`, token_type: 'Bearer', expires_in: expiresIn });

    await cache.getToken('subject-a');
    await cache.getToken('subject-a');
    expect(client.exchangeCalls).toHaveLength(2);
  });
});

describe('TokenCache LRU bound', () => {
  it('evicts the older generation when the newer one fills', async () => {
    const { cache, client } = createCache({ maxSize: 2 });
    for (const subject of ['a', 'b', 'c', 'd']) {
      await cache.getToken(subject);
    }

    expect(cache.stats.evictions).toBe(2);

    expect(await cache.getToken('c')).toBe('c#3');
    expect(await cache.getToken('d')).toBe('d#4');
    expect(client.exchangeCalls).toHaveLength(4);

    expect(await cache.getToken('a')).toBe('a#5');
    expect(client.exchangeCalls).toHaveLength(5);
  });

  it('keeps a recently read entry', async () => {
    const { cache, client } = createCache({ maxSize: 2 });
    await cache.getToken('a');
    await cache.getToken('b');
    await cache.getToken('a');
    await cache.getToken('c');

    expect(cache.stats.evictions).toBe(1);
    expect(await cache.getToken('a')).toBe('a#1');
    expect(client.exchangeCalls).toHaveLength(3);

    expect(await cache.getToken('b')).toBe('b#4');
  });

  it('reads stats without changing recency', async () => {
    const { cache } = createCache({ maxSize: 2 });
    await cache.getToken('a');
    await cache.getToken('b');
    for (let i = 0; i < 10; i += 1) {
      expect(cache.stats.hits).toBe(0);
    }

    await cache.getToken('c');
    await cache.getToken('d');

    expect(cache.stats.evictions).toBe(2);
  });

  it('does not count a refreshed key as evicted', async () => {
    const { cache, clock } = createCache({ maxSize: 2 });
    await cache.getToken('a');
    await cache.getToken('b');
    clock.advance(3_600_000);
    await cache.getToken('a');
    await cache.getToken('c');

    expect(cache.stats.evictions).toBe(1);
  });

  it('holds fewer than twice maxSize entries', async () => {
    const { cache } = createCache({ maxSize: 100 });
    const entries = (cache as unknown as { entries: Map<string, unknown> }).entries;

    for (let i = 0; i < 1000; i += 1) {
      await cache.getToken(`subject-${i}`);
      expect([...entries.keys()].length).toBeLessThan(200);
    }

    expect([...entries.keys()].length).toBe(100);
    expect(cache.stats.evictions).toBe(900);
  });
});

describe('TokenCache single-flight', () => {
  it('shares one exchange among 1,000 concurrent cold calls', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    client.respond = () => pending.promise;

    const calls = Array.from({ length: 1000 }, () => cache.getToken('subject-a'));
    pending.resolve({ access_token: 'shared', token_type: 'Bearer', expires_in: 3600 });
    const tokens = await Promise.all(calls);

    expect(client.exchangeCalls).toHaveLength(1);
    expect(new Set(tokens)).toEqual(new Set(['shared']));
    expect(cache.stats).toEqual({ hits: 0, misses: 1000, exchanges: 1, failures: 0, evictions: 0 });
  });

  it('rejects every waiter with the same error', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    client.respond = () => pending.promise;
    const failure = new TokenExchangeError('token endpoint failed', { code: 'invalid_grant', status: 400 });

    const calls = [cache.getToken('subject-a'), cache.getToken('subject-a'), cache.getToken('subject-a', { signal: new AbortController().signal })];
    pending.reject(failure);
    const results = await Promise.allSettled(calls);

    expect(results.map((result) => (result.status === 'rejected' ? result.reason : 'fulfilled'))).toEqual([failure, failure, failure]);
    expect(results.every((result) => result.status === 'rejected' && result.reason === failure)).toBe(true);
    expect(client.exchangeCalls).toHaveLength(1);
    expect(cache.stats.failures).toBe(1);
  });

  it('retries after a failed exchange', async () => {
    const { cache, client } = createCache();
    client.respond = async () => {
      throw new TokenExchangeError('token endpoint failed', { code: 'invalid_grant', status: 400 });
    };
    await expect(cache.getToken('subject-a')).rejects.toThrow('token endpoint failed');

    client.respond = async () => ({ access_token: 'second', token_type: 'Bearer', expires_in: 3600 });

    expect(await cache.getToken('subject-a')).toBe('second');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('retries after a client that throws synchronously', async () => {
    const { cache, client } = createCache();
    client.respond = () => {
      throw new Error('client bug');
    };
    await expect(cache.getToken('subject-a')).rejects.toThrow('client bug');

    client.respond = async () => ({ access_token: 'second', token_type: 'Bearer', expires_in: 3600 });

    expect(await cache.getToken('subject-a')).toBe('second');
    expect(cache.stats.failures).toBe(1);
  });

  it('runs the shared exchange without a caller signal', async () => {
    const { cache, client } = createCache();
    const controller = new AbortController();

    await cache.getToken('subject-a', { signal: controller.signal });

    expect(client.exchangeCalls[0]?.options).toBeUndefined();
  });

  it('rejects only the caller whose signal aborts', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    client.respond = () => pending.promise;
    const controller = new AbortController();

    const aborting = cache.getToken('subject-a', { signal: controller.signal });
    const waiting = cache.getToken('subject-a');
    controller.abort(new Error('caller went away'));
    const abortError = await aborting.catch((caught: unknown) => caught);

    expect(abortError).toBeInstanceOf(TokenExchangeError);
    expect((abortError as TokenExchangeError).code).toBe('aborted');
    expect((abortError as TokenExchangeError).cause).toEqual(new Error('caller went away'));

    pending.resolve({ access_token: 'shared', token_type: 'Bearer', expires_in: 3600 });
    expect(await waiting).toBe('shared');
    expect(await cache.getToken('subject-a')).toBe('shared');
    expect(client.exchangeCalls).toHaveLength(1);
  });

  it('reports a caller timeout signal as timeout', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    client.respond = () => pending.promise;
    const controller = new AbortController();

    const waiting = cache.getToken('subject-a', { signal: controller.signal });
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    const error = await waiting.catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TokenExchangeError);
    expect((error as TokenExchangeError).code).toBe('timeout');
    expect((error as TokenExchangeError).message).toBe("Token request timed out by the caller's signal.");
    pending.resolve({ access_token: 'shared', token_type: 'Bearer', expires_in: 3600 });
  });

  it('stores the result after every waiter aborted', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    client.respond = () => pending.promise;
    const controller = new AbortController();

    const aborting = cache.getToken('subject-a', { signal: controller.signal });
    controller.abort();
    await expect(aborting).rejects.toMatchObject({ code: 'aborted' });
    pending.resolve({ access_token: 'shared', token_type: 'Bearer', expires_in: 3600 });
    await pending.promise;

    expect(await cache.getToken('subject-a')).toBe('shared');
    expect(client.exchangeCalls).toHaveLength(1);
  });

  it('rejects an aborted signal before any request', async () => {
    const { cache, client } = createCache();

    const error = await cache.getToken('subject-a', { signal: AbortSignal.abort() }).catch((caught: unknown) => caught);

    expect((error as TokenExchangeError).code).toBe('aborted');
    expect(client.exchangeCalls).toHaveLength(0);
  });

  it('drops a late result after delete', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    client.respond = () => pending.promise;

    const inFlight = cache.getToken('subject-a');
    expect(cache.delete('subject-a')).toBe(true);
    pending.resolve({ access_token: 'late', token_type: 'Bearer', expires_in: 3600 });

    expect(await inFlight).toBe('late');
    client.respond = async () => ({ access_token: 'fresh', token_type: 'Bearer', expires_in: 3600 });
    expect(await cache.getToken('subject-a')).toBe('fresh');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('drops a late result after clear', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    client.respond = () => pending.promise;

    const inFlight = cache.getToken('subject-a');
    cache.clear();
    pending.resolve({ access_token: 'late', token_type: 'Bearer', expires_in: 3600 });

    expect(await inFlight).toBe('late');
    client.respond = async () => ({ access_token: 'fresh', token_type: 'Bearer', expires_in: 3600 });
    expect(await cache.getToken('subject-a')).toBe('fresh');
  });

  it('never overwrites a newer entry with a late result', async () => {
    const { cache, client } = createCache();
    const older = defer<TokenExchangeResponse>();
    const newer = defer<TokenExchangeResponse>();
    const responses = [older.promise, newer.promise];
    client.respond = () => responses.shift() as Promise<TokenExchangeResponse>;

    const first = cache.getToken('subject-a');
    cache.delete('subject-a');
    const second = cache.getToken('subject-a');
    newer.resolve({ access_token: 'newer', token_type: 'Bearer', expires_in: 3600 });
    expect(await second).toBe('newer');
    older.resolve({ access_token: 'older', token_type: 'Bearer', expires_in: 3600 });
    expect(await first).toBe('older');

    expect(await cache.getToken('subject-a')).toBe('newer');
    expect(client.exchangeCalls).toHaveLength(2);
  });
});

describe('TokenCache.delete', () => {
  it('removes the entry', async () => {
    const { cache, client } = createCache();
    await cache.getToken('subject-a');

    expect(cache.delete('subject-a')).toBe(true);
    expect(await cache.getToken('subject-a')).toBe('subject-a#2');
    expect(client.exchangeCalls).toHaveLength(2);
  });

  it('returns false for an unknown subject', () => {
    const { cache } = createCache();

    expect(cache.delete('subject-a')).toBe(false);
    expect(cache.delete('')).toBe(false);
  });

  it('keeps an entry that holds another access token', async () => {
    const { cache } = createCache();
    await cache.getToken('subject-a');

    expect(cache.delete('subject-a', { expectedAccessToken: 'subject-a#0' })).toBe(false);
    expect(await cache.getToken('subject-a')).toBe('subject-a#1');
  });

  it('removes an entry that holds the expected access token', async () => {
    const { cache } = createCache();
    await cache.getToken('subject-a');

    expect(cache.delete('subject-a', { expectedAccessToken: 'subject-a#1' })).toBe(true);
    expect(await cache.getToken('subject-a')).toBe('subject-a#2');
  });

  it('keeps the exchange in flight when an access token is expected', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    client.respond = () => pending.promise;

    const inFlight = cache.getToken('subject-a');
    cache.delete('subject-a', { expectedAccessToken: 'stale' });
    pending.resolve({ access_token: 'shared', token_type: 'Bearer', expires_in: 3600 });

    expect(await inFlight).toBe('shared');
    expect(await cache.getToken('subject-a')).toBe('shared');
    expect(client.exchangeCalls).toHaveLength(1);
  });
});

describe('TokenCache machine tokens', () => {
  const machineA = jwt({ sub: 'client-a@clients', exp: (START_MS + 86_400_000) / 1000 });
  const machineB = jwt({ sub: 'client-b@clients', exp: (START_MS + 86_400_000) / 1000 });
  const person = jwt({ sub: 'auth0|person', exp: (START_MS + 86_400_000) / 1000 });

  it('shares one client credentials token', async () => {
    const { cache, client } = createCache();

    expect(await cache.getToken(machineA)).toBe('machine#1');
    expect(await cache.getToken(machineB)).toBe('machine#1');
    expect(await cache.getToken(machineA)).toBe('machine#1');

    expect(client.clientCredentialsCalls).toBe(1);
    expect(client.exchangeCalls).toHaveLength(0);
    expect(cache.stats).toEqual({ hits: 2, misses: 1, exchanges: 1, failures: 0, evictions: 0 });
  });

  it('exchanges a person token', async () => {
    const { cache, client } = createCache();

    await cache.getToken(person);

    expect(client.exchangeCalls).toHaveLength(1);
    expect(client.clientCredentialsCalls).toBe(0);
  });

  it('shares one request among concurrent machine callers', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    client.respond = () => pending.promise;

    const calls = [cache.getToken(machineA), cache.getToken(machineB), cache.getToken(machineA)];
    pending.resolve({ access_token: 'machine', token_type: 'Bearer', expires_in: 3600 });

    expect(await Promise.all(calls)).toEqual(['machine', 'machine', 'machine']);
    expect(client.clientCredentialsCalls).toBe(1);
  });

  it('refreshes the shared token after it expires', async () => {
    const { cache, client, clock } = createCache();
    await cache.getToken(machineA);

    clock.ms = START_MS + 3_600_000 - BUFFER_MS;

    expect(await cache.getToken(machineB)).toBe('machine#2');
    expect(await cache.getToken(machineA)).toBe('machine#2');
    expect(client.clientCredentialsCalls).toBe(2);
  });

  it('deletes the shared entry for any machine subject', async () => {
    const { cache, client } = createCache();
    await cache.getToken(machineA);
    await cache.getToken(machineB);

    expect(cache.delete(machineA)).toBe(true);

    expect(await cache.getToken(machineB)).toBe('machine#2');
    expect(client.clientCredentialsCalls).toBe(2);
  });

  it('does not serve the shared token past the subject exp', async () => {
    const { cache, client, clock } = createCache();
    const shortLived = jwt({ sub: 'client-c@clients', exp: (START_MS + 60_000) / 1000 });
    await cache.getToken(shortLived);

    clock.ms = START_MS + 60_000;
    await cache.getToken(shortLived);

    expect(client.clientCredentialsCalls).toBe(2);
  });

  it('uses a custom isMachineToken rule', async () => {
    const { cache, client } = createCache({ isMachineToken: (subjectToken) => subjectToken.startsWith('svc-') });

    await cache.getToken('svc-1');
    await cache.getToken('svc-2');
    await cache.getToken(machineA);

    expect(client.clientCredentialsCalls).toBe(1);
    expect(client.exchangeCalls.map((call) => call.subjectToken)).toEqual([machineA]);
  });
});

describe('TokenCache hardening', () => {
  it('keys entries by the SHA-256 of the subject token', async () => {
    const { cache, client } = createCache();
    const pending = defer<TokenExchangeResponse>();
    const subjects = ['subject-a', jwt({ sub: 'user-1', exp: (START_MS + 86_400_000) / 1000 })];
    client.respond = async () => ({ access_token: 'issued-first', token_type: 'Bearer', expires_in: 3600 });
    await cache.getToken(subjects[0] as string);
    client.respond = () => pending.promise;
    const inFlight = cache.getToken(subjects[1] as string);

    const internals = cache as unknown as { entries: Map<string, unknown>; inFlight: Map<string, unknown> };
    expect([...internals.entries.keys()]).toEqual([sha256(subjects[0] as string)]);
    expect([...internals.inFlight.keys()]).toEqual([sha256(subjects[1] as string)]);

    const strings = collectCacheStrings(cache);
    for (const subject of subjects) {
      expect(strings.some((value) => value.includes(subject))).toBe(false);
    }

    pending.resolve({ access_token: 'issued', token_type: 'Bearer', expires_in: 3600 });
    await inFlight;
    const stringsAfter = collectCacheStrings(cache);
    for (const subject of subjects) {
      expect(stringsAfter.some((value) => value.includes(subject))).toBe(false);
    }

    expect(stringsAfter).toContain(sha256(subjects[1] as string));
  });

  it('names no token in the invalid subject error', async () => {
    const { cache } = createCache();

    const error = (await cache.getToken('   ').catch((caught: unknown) => caught)) as TokenExchangeError;

    expect(error.message).toBe("The subject token is blank: pass the caller's access token.");
  });

  it('never returns one subject entry for another', async () => {
    const random = mulberry32(0x5eed);
    const { cache, client, clock } = createCache({ maxSize: 16 });
    const subjects = Array.from({ length: 64 }, (_, i) => `subject-${i}-${Math.floor(random() * 1e9)}`);
    const pending: Array<{ subjectToken: string; deferred: Deferred<TokenExchangeResponse> }> = [];
    client.respond = (subjectToken) => {
      const deferred = defer<TokenExchangeResponse>();
      pending.push({ subjectToken: subjectToken as string, deferred });
      return deferred.promise;
    };

    const outcomes: Array<Promise<void>> = [];
    let checked = 0;
    for (let step = 0; step < 5000; step += 1) {
      const roll = random();
      const subject = subjects[Math.floor(random() * subjects.length)] as string;
      if (roll < 0.6) {
        outcomes.push(
          cache.getToken(subject).then(
            (token) => {
              expect(token.startsWith(`issued-for:${subject}:`)).toBe(true);
              checked += 1;
            },
            () => undefined,
          ),
        );
      } else if (roll < 0.9 && pending.length > 0) {
        const index = Math.floor(random() * pending.length);
        const [next] = pending.splice(index, 1);
        if (next !== undefined) {
          if (random() < 0.1) {
            next.deferred.reject(new TokenExchangeError('scripted failure', { code: 'invalid_grant' }));
          } else {
            next.deferred.resolve({ access_token: `issued-for:${next.subjectToken}:${step}`, token_type: 'Bearer', expires_in: 1 + Math.floor(random() * 900) });
          }
        }
      } else if (roll < 0.94) {
        cache.delete(subject);
      } else if (roll < 0.942) {
        cache.clear();
      } else {
        clock.advance(Math.floor(random() * 60_000));
      }

      if (step % 50 === 0) {
        await Promise.resolve();
      }
    }

    for (const { subjectToken, deferred } of pending.splice(0)) {
      deferred.resolve({ access_token: `issued-for:${subjectToken}:final`, token_type: 'Bearer', expires_in: 3600 });
    }

    await Promise.all(outcomes);
    expect(checked).toBeGreaterThan(2000);
    expect(cache.stats.hits).toBeGreaterThan(0);
    expect(cache.stats.evictions).toBeGreaterThan(0);
  });
});
