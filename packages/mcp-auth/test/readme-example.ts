import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express from 'express';
import { z } from 'zod';

import {
  createClients,
  createJwtVerifier,
  extractMCPToken,
  protectedResourceMetadataHandler,
  TOKEN_TYPE_ACCESS_TOKEN,
  TokenExchangeClient,
  withMCPToken,
  type LfxClients,
} from '../src/index.js';

export interface McpAppConfig {
  /** Public URL of the MCP endpoint, such as https://mcp.example.org/mcp. Its tokens carry it as `aud`. */
  resourceUrl: string;
  /** Issuer that signs the MCP tokens and performs the token exchange. */
  issuer: string;
  tokenEndpoint: string;
  /** This MCP server's OAuth client at the issuer. */
  clientId: string;
  clientSecret: string;
  /** `aud` of the LFX API tokens that the exchange returns. */
  lfxApiAudience: string;
  /** The LFX API host, such as api.lfx.dev. */
  apiDomain: string;
}

export function createMcpApp(config: McpAppConfig): express.Express {
  // Built once and shared by every request: the exchanged-token cache lives inside.
  const clients = createClients({
    apiDomain: config.apiDomain,
    tokenExchangeClient: new TokenExchangeClient({
      tokenEndpoint: config.tokenEndpoint,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
      audience: config.lfxApiAudience,
    }),
  });
  const verifier = createJwtVerifier({ authServers: [config.issuer], audience: config.resourceUrl });

  const app = express();
  app.use(protectedResourceMetadataHandler({ resourceUrl: config.resourceUrl, authorizationServers: [config.issuer] }));
  app.post(
    new URL(config.resourceUrl).pathname,
    express.json(),
    requireBearerAuth({
      verifier,
      resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(new URL(config.resourceUrl)),
    }),
    async (request, response) => {
      // Stateless: one McpServer and transport per HTTP request.
      const server = buildServer(clients);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      response.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(request, response, request.body);
    },
  );

  return app;
}

function buildServer(clients: LfxClients): McpServer {
  const server = new McpServer({ name: 'lfx-example', version: '1.0.0' });

  server.registerTool(
    'get_project',
    { description: 'Reads an LFX project as the signed-in caller.', inputSchema: { uid: z.string() } },
    async ({ uid }, extra) =>
      withMCPToken(extractMCPToken(extra.authInfo), async () => {
        const { data, response } = await clients.project.GET('/projects/{uid}', { params: { path: { uid } } });
        if (data === undefined) {
          return { isError: true, content: [{ type: 'text', text: `The project service responded with HTTP ${response.status}.` }] };
        }
        return { content: [{ type: 'text', text: JSON.stringify(data) }] };
      }),
  );

  return server;
}
