// Compiled but not run: it checks that the packages' public types fit together and with the
// MCP SDK's, the way the READMEs combine them.
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { createJwtVerifier } from '@lfx/mcp-auth';
import { createProjectClient, type ProjectClient } from '@lfx/project-client';
import { TokenCache, tokenExchangeMiddleware, type TokenExchangeClient } from '@lfx/token-exchange';

export function createProjectClientFor(client: TokenExchangeClient, subjectToken: () => string | undefined): ProjectClient {
  const cache = new TokenCache({ client });
  return createProjectClient({
    baseUrl: 'https://api.lfx.dev',
    middleware: [tokenExchangeMiddleware({ cache, subjectToken })],
  });
}

export const verifier: OAuthTokenVerifier = createJwtVerifier({
  authServers: ['https://auth.example.test'],
  audience: 'https://mcp.example.test/mcp',
});
