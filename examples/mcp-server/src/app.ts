import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createClients, createJwtVerifier, protectedResourceMetadataHandler, type LfxClients } from '@lfx/mcp-auth';
import { TokenCache, TokenExchangeClient } from '@lfx/token-exchange';

import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';
import { registerProjectTools } from './tools.js';

/** Name and version that the server reports to MCP clients in `initialize`. */
export const SERVER_INFO = { name: 'lfx-projects-example', version: '0.0.0' };

export interface McpAppOptions {
  log: Logger;
  /** `fetch` for the token endpoint, the JWKS and the LFX API. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** The MCP server's HTTP application and the state it shares across requests. */
export interface McpApp {
  /** The express application: a `node:http` request listener. */
  app: ReturnType<typeof createMcpExpressApp>;
  /** The exchanged-token cache shared by every request, for its `stats`. */
  tokenCache: TokenCache;
  /** URL of the protected resource metadata, as `WWW-Authenticate` advertises it. */
  resourceMetadataUrl: string;
}

/**
 * Builds the MCP server application from a checked configuration.
 *
 * The token-exchange client, the token cache, the LFX clients and the JWT verifier are created
 * once, here, and shared by all requests. Each MCP request gets its own `McpServer` and stateless
 * transport, so any instance behind a load balancer can serve any request.
 *
 * Routes: the RFC 9728 protected resource metadata at `/.well-known/oauth-protected-resource`
 * (and the form with the endpoint's path appended), and the MCP endpoint at the path of
 * `config.publicUrl`, behind `requireBearerAuth`.
 *
 * @throws {TypeError} from the token-exchange client, the verifier or the metadata handler when
 *   a setting is invalid.
 */
export function createMcpApp(config: ServerConfig, options: McpAppOptions): McpApp {
  const { log } = options;

  const tokenExchangeClient = new TokenExchangeClient({ ...config.tokenExchange, fetch: options.fetch });
  const tokenCache = new TokenCache({ client: tokenExchangeClient });
  const clients = createClients({ apiDomain: config.lfxApiUrl, cache: tokenCache, fetch: options.fetch });
  const verifier = createJwtVerifier({ authServers: config.authServers, audience: config.audience, fetch: options.fetch });
  const resourceMetadataUrl = getOAuthProtectedResourceMetadataUrl(config.publicUrl);

  // Requests must name the public host, which blocks DNS rebinding against a server on loopback.
  const app = createMcpExpressApp({ host: config.host, allowedHosts: [config.publicUrl.hostname] });
  app.use(
    protectedResourceMetadataHandler({
      resourceUrl: config.publicUrl,
      authorizationServers: config.authServers,
      ...(config.scopes.length > 0 ? { scopesSupported: config.scopes } : {}),
      resourceName: 'LFX projects (example MCP server)',
    }),
  );

  const endpoint = config.publicUrl.pathname;
  const authenticate = requireBearerAuth({ verifier, resourceMetadataUrl });
  app.post(endpoint, authenticate, (request: Request, response: Response) => {
    handleMcpRequest(clients, log, request, response).catch((error: unknown) => {
      log.error('MCP request failed', { error: error instanceof Error ? error.name : typeof error });
      if (!response.headersSent) {
        response.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null });
      }
    });
  });
  app.all(endpoint, authenticate, (_request: Request, response: Response) => {
    // A stateless server has no session to resume (GET) or end (DELETE).
    response.set('Allow', 'POST').status(405).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed' }, id: null });
  });

  return { app, tokenCache, resourceMetadataUrl };
}

async function handleMcpRequest(clients: LfxClients, log: Logger, request: Request, response: Response): Promise<void> {
  const server = new McpServer(SERVER_INFO);
  registerProjectTools(server, clients, log);

  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  response.on('close', () => {
    void transport.close();
    void server.close();
  });

  await server.connect(transport);
  await transport.handleRequest(request, response, request.body);
}

/** A running MCP server. */
export interface RunningServer {
  /** Listening URL, such as `http://127.0.0.1:8080`. */
  url: string;
  server: Server;
  tokenCache: TokenCache;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/** Builds the application and listens on `config.host` and `config.port`. */
export async function startMcpServer(config: ServerConfig, options: McpAppOptions): Promise<RunningServer> {
  const { app, tokenCache } = createMcpApp(config, options);
  const server = createServer(app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    server,
    tokenCache,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
