import { AsyncLocalStorage } from 'node:async_hooks';
import createClient from 'openapi-fetch';
import { TOKEN_TYPE_ACCESS_TOKEN, TokenCache, TokenExchangeClient, tokenExchangeMiddleware } from '../src/index.js';

// The API's paths type, which openapi-typescript generates in a real project. @lfx/project-client exports the LFX one.
interface paths {
  '/projects/{uid}': {
    get: {
      parameters: { path: { uid: string } };
      responses: { 200: { content: { 'application/json': { uid: string; name: string } } } };
    };
  };
}

const exchangeClient = new TokenExchangeClient({
  tokenEndpoint: process.env.LFX_TOKEN_ENDPOINT ?? '',
  clientId: process.env.LFX_CLIENT_ID ?? '',
  clientAssertionSigningKey: process.env.LFX_CLIENT_PRIVATE_KEY,
  subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
  audience: process.env.LFX_API_AUDIENCE ?? '',
});

// One cache for the whole process. It keeps one LFX token per caller until shortly before it expires.
const cache = new TokenCache({ client: exchangeClient });

// The MCP access token of the caller whose tool call is running.
const callerToken = new AsyncLocalStorage<string>();

const lfx = createClient<paths>({ baseUrl: process.env.LFX_API_URL ?? '' });
lfx.use(tokenExchangeMiddleware({ cache, subjectToken: () => callerToken.getStore() }));

/** Reads a project's name as the person who sent `mcpAccessToken`. */
export async function getProjectName(mcpAccessToken: string, uid: string): Promise<string> {
  return callerToken.run(mcpAccessToken, async () => {
    const { data, response } = await lfx.GET('/projects/{uid}', { params: { path: { uid } } });
    if (data === undefined) {
      throw new Error(`The LFX API returned HTTP ${response.status} for project ${uid}.`);
    }

    return data.name;
  });
}
