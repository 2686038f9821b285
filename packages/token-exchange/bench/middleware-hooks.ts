import type { Middleware, MiddlewareCallbackParams } from 'openapi-fetch';
import { TokenCache, tokenExchangeMiddleware } from '../src/index.js';
import { median } from './stats.js';

export interface MiddlewareHooksOptions {
  rounds: number;
  requestsPerRound: number;
}

export interface MiddlewareHooksResult {
  rounds: number;
  requestsPerRound: number;
  /** Median time per request, in microseconds, to build the Request and run the hooks. */
  staticHeaderUs: number;
  trivialMiddlewareUs: number;
  tokenExchangeMiddlewareUs: number;
}

const URL_TEMPLATE = 'http://127.0.0.1:9/projects/project-1';

/**
 * Times what the middleware adds to a request without any network: building the `Request`
 * and running `onRequest` and `onResponse` with a cache hit. Without sockets and servers this
 * is less sensitive to other load on the machine than the end-to-end comparison.
 */
export async function measureMiddlewareHooks(options: MiddlewareHooksOptions): Promise<MiddlewareHooksResult> {
  const subjectToken = `${'s'.repeat(800)}.subject`;
  const accessToken = `${'a'.repeat(600)}.access`;
  const cache = new TokenCache({
    client: {
      exchangeToken: async () => ({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600 }),
      clientCredentials: async () => ({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600 }),
    },
  });
  await cache.getToken(subjectToken);

  const ours = tokenExchangeMiddleware({ cache, subjectToken: () => subjectToken });
  const trivial: Middleware = {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${accessToken}`);
    },
  };
  const okResponse = new Response(null, { status: 200 });

  const staticHeader = async (): Promise<void> => {
    new Request(URL_TEMPLATE, { headers: { Authorization: `Bearer ${accessToken}` } });
  };
  const throughMiddleware = (middleware: Middleware) => async (): Promise<void> => {
    const request = new Request(URL_TEMPLATE);
    const params = { request, schemaPath: '/projects/{id}', params: {}, id: 'benchmark', options: {} } as unknown as MiddlewareCallbackParams;
    await middleware.onRequest?.(params);
    await middleware.onResponse?.({ ...params, response: okResponse });
  };

  const variants = [staticHeader, throughMiddleware(trivial), throughMiddleware(ours)];
  const timings: number[][] = [[], [], []];
  for (const variant of variants) {
    await runRound(variant, options.requestsPerRound);
  }

  for (let round = 0; round < options.rounds; round += 1) {
    const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const index of order) {
      timings[index]?.push(await runRound(variants[index] as () => Promise<void>, options.requestsPerRound));
    }
  }

  const perRequestUs = (roundsMs: number[] | undefined): number => (median(roundsMs ?? []) * 1000) / options.requestsPerRound;
  return {
    rounds: options.rounds,
    requestsPerRound: options.requestsPerRound,
    staticHeaderUs: perRequestUs(timings[0]),
    trivialMiddlewareUs: perRequestUs(timings[1]),
    tokenExchangeMiddlewareUs: perRequestUs(timings[2]),
  };
}

async function runRound(run: () => Promise<void>, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    await run();
  }

  return performance.now() - started;
}
