import { createServer, type Server } from 'node:http';

import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express from 'express';
import { z } from 'zod';

import { extractMCPToken, protectedResourceMetadataHandler, withMCPToken, type LfxClients } from '../../src/index.js';
import { close, listen } from './http.js';

export interface McpTestServer {
  origin: string;
  /** The MCP endpoint, `<origin>/mcp`, which is also the audience of its tokens. */
  resourceUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts a stateless MCP server on loopback: express, `requireBearerAuth` with the verifier
 * that `createVerifier` builds for the server's own URL, the protected resource metadata, and
 * one tool, `get_project`, that reads a project through `clients` as the caller.
 */
export async function startMcpServer(options: {
  authorizationServers: string[];
  createVerifier: (resourceUrl: string) => OAuthTokenVerifier;
  clients: LfxClients;
}): Promise<McpTestServer> {
  const app = express();
  const server: Server = createServer(app);
  const origin = await listen(server);
  const resourceUrl = `${origin}/mcp`;

  app.use(protectedResourceMetadataHandler({ resourceUrl, authorizationServers: options.authorizationServers }));
  app.post(
    '/mcp',
    express.json(),
    requireBearerAuth({
      verifier: options.createVerifier(resourceUrl),
      resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(new URL(resourceUrl)),
    }),
    async (request, response) => {
      const mcp = buildMcpServer(options.clients);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      response.on('close', () => {
        void transport.close();
        void mcp.close();
      });
      await mcp.connect(transport);
      await transport.handleRequest(request, response, request.body);
    },
  );

  return { origin, resourceUrl, stop: () => close(server) };
}

function buildMcpServer(clients: LfxClients): McpServer {
  const mcp = new McpServer({ name: 'lfx-test', version: '0.0.0' });

  mcp.registerTool(
    'get_project',
    { description: 'Reads one project as the caller.', inputSchema: { uid: z.string() } },
    async ({ uid }, extra) =>
      withMCPToken(extractMCPToken(extra.authInfo), async () => {
        const { data, response } = await clients.project.GET('/projects/{uid}', { params: { path: { uid } } });
        if (data === undefined) {
          return { isError: true, content: [{ type: 'text', text: `The project service responded with HTTP ${response.status}.` }] };
        }
        return { content: [{ type: 'text', text: JSON.stringify(data) }] };
      }),
  );

  return mcp;
}
