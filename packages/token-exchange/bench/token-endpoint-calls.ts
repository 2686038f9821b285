import { randomBytes } from 'node:crypto';
import createClient from 'openapi-fetch';
import { TOKEN_TYPE_ACCESS_TOKEN, TokenCache, TokenExchangeClient, tokenExchangeMiddleware } from '../src/index.js';
import { createLimitedFetch } from './limited-fetch.js';
import { startCountingTokenEndpoint, startProjectApi, type paths } from './servers.js';

export interface TokenEndpointCallsResult {
  scenario: string;
  apiRequests: number;
  tokenEndpointCalls: number;
  target: number;
}

const MAX_SOCKETS = 128;

/**
 * Sends cold API requests all at once through {@link tokenExchangeMiddleware} and counts
 * how many requests reached the token endpoint: one per distinct subject token is the target.
 */
export async function measureTokenEndpointCalls(): Promise<TokenEndpointCallsResult[]> {
  const tokenEndpoint = await startCountingTokenEndpoint();
  const api = await startProjectApi();
  const limitedFetch = createLimitedFetch(MAX_SOCKETS);

  try {
    const run = async (scenario: string, subjectTokens: readonly string[]): Promise<TokenEndpointCallsResult> => {
      tokenEndpoint.reset();
      const cache = new TokenCache({
        maxSize: 20_000,
        client: new TokenExchangeClient({
          tokenEndpoint: `${tokenEndpoint.url}/token`,
          clientId: 'benchmark-client',
          clientSecret: 'benchmark-secret',
          subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
          audience: 'https://api.lfx.test',
          fetch: limitedFetch,
        }),
      });

      const results = await Promise.all(
        subjectTokens.map((subjectToken) => {
          const client = createClient<paths>({ baseUrl: api.url, fetch: limitedFetch });
          client.use(tokenExchangeMiddleware({ cache, subjectToken: () => subjectToken }));
          return client.GET('/projects/{id}', { params: { path: { id: 'project-1' } } });
        }),
      );

      const failed = results.filter((result) => result.response.status !== 200).length;
      if (failed > 0) {
        throw new Error(`${failed} benchmark API requests failed`);
      }

      return {
        scenario,
        apiRequests: subjectTokens.length,
        tokenEndpointCalls: tokenEndpoint.requests,
        target: new Set(subjectTokens).size,
      };
    };

    const oneSubject = randomBytes(600).toString('base64url');
    const distinctSubjects = Array.from({ length: 10_000 }, (_, i) => `${randomBytes(300).toString('base64url')}.${i}`);

    return [
      await run('1,000 concurrent cold requests, one subject token', Array.from({ length: 1000 }, () => oneSubject)),
      await run('10,000 concurrent cold requests, 10,000 distinct subject tokens', distinctSubjects),
    ];
  } finally {
    await api.close();
    await tokenEndpoint.close();
  }
}
