import { generateKeyObjects } from '@lfx/testing';
import { SignJWT } from 'jose';
import createClient, { type Middleware } from 'openapi-fetch';
import { TokenCache, tokenExchangeMiddleware } from '../src/index.js';
import { startServerProcess, type paths } from './servers.js';
import { median, quantile, type RatioSummary } from './stats.js';

export interface MiddlewareOverheadOptions {
  rounds: number;
  requestsPerRound: number;
  warmupRequests: number;
}

/** One client's median cost of a request, in microseconds. */
export interface RequestCost {
  wallUs: number;
  /** CPU time of the benchmark process (user and system), which the child-process API does not add to. */
  cpuUs: number;
}

export interface MiddlewareOverheadResult {
  rounds: number;
  requestsPerRound: number;
  staticHeader: RequestCost;
  trivialMiddleware: RequestCost;
  tokenExchangeMiddleware: RequestCost;
  /** Ratios of the token exchange middleware to the static header, by wall-clock and by CPU time. */
  wallRatioToStatic: RatioSummary;
  cpuRatioToStatic: RatioSummary;
  /** Ratios of the token exchange middleware to a middleware that sets a constant header. */
  wallRatioToTrivialMiddleware: RatioSummary;
  cpuRatioToTrivialMiddleware: RatioSummary;
}

interface RoundCost {
  wallMs: number;
  cpuUs: number;
}

type ProjectClient = ReturnType<typeof createClient<paths>>;

/**
 * Compares a cache hit through {@link tokenExchangeMiddleware} with a request whose
 * `Authorization` header is fixed, on the same loopback API in a child process. The
 * clients alternate in every round, in an order that flips each round, so drift in the
 * machine's speed affects all of them alike.
 */
export async function measureMiddlewareOverhead(options: MiddlewareOverheadOptions): Promise<MiddlewareOverheadResult> {
  const api = await startServerProcess('project-api');
  try {
    const subjectToken = await signRealisticSubjectToken();
    const accessToken = `${subjectToken.slice(0, 600)}-exchanged`;
    const cache = new TokenCache({
      client: {
        exchangeToken: async () => ({ access_token: accessToken, expires_in: 3600, token_type: 'Bearer' }),
        clientCredentials: async () => ({ access_token: accessToken, expires_in: 3600, token_type: 'Bearer' }),
      },
    });
    await cache.getToken(subjectToken);

    const staticClient = createClient<paths>({ baseUrl: api.url, headers: { Authorization: `Bearer ${accessToken}` } });
    const trivialClient = createClient<paths>({ baseUrl: api.url });
    const constantHeader: Middleware = {
      onRequest({ request }) {
        request.headers.set('Authorization', `Bearer ${accessToken}`);
      },
    };
    trivialClient.use(constantHeader);
    const middlewareClient = createClient<paths>({ baseUrl: api.url });
    middlewareClient.use(tokenExchangeMiddleware({ cache, subjectToken: () => subjectToken }));

    const clients = [staticClient, trivialClient, middlewareClient];
    for (const client of clients) {
      await runRequests(client, options.warmupRequests);
    }

    const rounds: RoundCost[][] = [[], [], []];
    for (let round = 0; round < options.rounds; round += 1) {
      const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
      for (const index of order) {
        rounds[index]?.push(await runRequests(clients[index] as ProjectClient, options.requestsPerRound));
      }
    }

    if (cache.stats.misses !== 1) {
      throw new Error(`expected every benchmarked request to be a cache hit, but the cache counted ${cache.stats.misses} misses`);
    }

    const [staticRounds, trivialRounds, middlewareRounds] = rounds as [RoundCost[], RoundCost[], RoundCost[]];
    const cost = (costs: RoundCost[]): RequestCost => ({
      wallUs: (median(costs.map((c) => c.wallMs)) * 1000) / options.requestsPerRound,
      cpuUs: median(costs.map((c) => c.cpuUs)) / options.requestsPerRound,
    });

    return {
      rounds: options.rounds,
      requestsPerRound: options.requestsPerRound,
      staticHeader: cost(staticRounds),
      trivialMiddleware: cost(trivialRounds),
      tokenExchangeMiddleware: cost(middlewareRounds),
      wallRatioToStatic: summarizeRatios(middlewareRounds, staticRounds, (c) => c.wallMs),
      cpuRatioToStatic: summarizeRatios(middlewareRounds, staticRounds, (c) => c.cpuUs),
      wallRatioToTrivialMiddleware: summarizeRatios(middlewareRounds, trivialRounds, (c) => c.wallMs),
      cpuRatioToTrivialMiddleware: summarizeRatios(middlewareRounds, trivialRounds, (c) => c.cpuUs),
    };
  } finally {
    await api.close();
  }
}

function summarizeRatios(measured: RoundCost[], baseline: RoundCost[], pick: (cost: RoundCost) => number): RatioSummary {
  const ratios = measured.map((cost, i) => pick(cost) / pick(baseline[i] as RoundCost));
  return { median: median(ratios), p10: quantile(ratios, 0.1), p90: quantile(ratios, 0.9) };
}

/** Sends `count` sequential GET requests and returns the elapsed wall-clock and CPU time. */
async function runRequests(client: ProjectClient, count: number): Promise<RoundCost> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const { response } = await client.GET('/projects/{id}', { params: { path: { id: 'project-1' } } });
    if (response.status !== 200) {
      throw new Error(`benchmark API returned ${response.status}`);
    }
  }

  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuUs: cpu.user + cpu.system };
}

/** Signs an RS256 JWT of the size an identity provider issues, so hashing it costs what it would in production. */
async function signRealisticSubjectToken(): Promise<string> {
  const { privateKey } = generateKeyObjects({ type: 'rsa', modulusLength: 2048 });
  return new SignJWT({
    scope: 'openid profile email access:api',
    azp: 'mcp-client-0123456789abcdef',
    permissions: ['read:projects', 'write:projects', 'read:members'],
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'key-2026-01' })
    .setIssuer('https://auth.example.test/')
    .setSubject('auth0|0123456789abcdef01234567')
    .setAudience(['https://mcp.example.test', 'https://auth.example.test/userinfo'])
    .setIssuedAt()
    .setExpirationTime('1h')
    .setJti('8f14e45f-ceea-467f-a8f2-9a5c1d2e3b4f')
    .sign(privateKey);
}
