import { startAuthServer, TOKEN_TYPE_ACCESS_TOKEN, type AuthServer } from '@lfx/testing';
import { TokenExchangeClient } from '@lfx/token-exchange';

import { ProjectApi } from './project-api.js';

/** The `aud` of LFX API tokens that the loopback authorization server issues by exchange. */
export const LFX_API_AUDIENCE = 'https://api.lfx.example.test';

export const MCP_CLIENT_ID = 'lfx-mcp-server';
export const MCP_CLIENT_SECRET = 'loopback-test-secret';

/** The loopback authorization server and project API, and a token-exchange client for them. */
export interface LfxStack {
  authServer: AuthServer;
  api: ProjectApi;
  tokenExchangeClient: TokenExchangeClient;
  stop(): Promise<void>;
}

export async function startLfxStack(): Promise<LfxStack> {
  const authServer = await startAuthServer({
    clients: [{ clientId: MCP_CLIENT_ID, clientSecret: MCP_CLIENT_SECRET }],
    audiences: [LFX_API_AUDIENCE],
  });
  const api = new ProjectApi({ issuer: authServer, audience: LFX_API_AUDIENCE });
  await api.start();

  const tokenExchangeClient = new TokenExchangeClient({
    tokenEndpoint: authServer.tokenEndpoint,
    clientId: MCP_CLIENT_ID,
    clientSecret: MCP_CLIENT_SECRET,
    subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
    audience: LFX_API_AUDIENCE,
  });

  return {
    authServer,
    api,
    tokenExchangeClient,
    async stop() {
      await api.stop();
      await authServer.close();
    },
  };
}
