import { TokenCache, tokenExchangeMiddleware, type TokenCacheClient, type TokenExchangeResponse } from '@lfx/token-exchange';
import type { Middleware } from 'openapi-fetch';

/** The subject token of the signed-in caller the tests act for. */
export const SUBJECT_TOKEN = 'subject-token-of-ada';

/** The access token the scripted exchange returns for {@link SUBJECT_TOKEN}. */
export const ACCESS_TOKEN = 'lfx-access-token-for-ada';

/** A token endpoint stand-in: it returns a fixed access token and counts the exchanges. */
export class ScriptedTokenClient implements TokenCacheClient {
  exchanges = 0;

  async exchangeToken(subjectToken: string): Promise<TokenExchangeResponse> {
    this.exchanges += 1;
    if (subjectToken !== SUBJECT_TOKEN) {
      throw new Error('unexpected subject token');
    }
    return { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 };
  }

  async clientCredentials(): Promise<TokenExchangeResponse> {
    throw new Error('the project client tests never use the client credentials grant');
  }
}

/** Creates the real token exchange middleware, backed by a {@link ScriptedTokenClient}. */
export function createAuthMiddleware(client = new ScriptedTokenClient()): Middleware {
  const cache = new TokenCache({ client });
  return tokenExchangeMiddleware({ cache, subjectToken: () => SUBJECT_TOKEN });
}
