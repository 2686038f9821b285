import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { createMcpApp, loadConfig, type Environment, type LogFields, type Logger, type McpApp } from '@lfx/example-mcp-server';

import { createAuthServer, type AuthServer, type DemoUser } from './auth-server/index.js';
import type { Cleanup } from './cleanup.js';
import { generateRsaKeyObjects } from './keys.js';
import { createDemoData, createLfxApi, loadOpenApiDocument, PROJECT_SERVICE_SPEC, type LfxApi } from './lfx-api/index.js';
import { listenOnLoopback } from './loopback.js';
import type { Write } from './report.js';

/** The signed-in person of the demo. */
export const DEMO_USER: DemoUser = { accountId: 'auth0|demo-ada', username: 'ada' };

/** Scope of the MCP server's tools, advertised in its protected resource metadata. */
export const MCP_SCOPE = 'projects:read';

/** OAuth client ids at the demo's authorization server. */
export const MCP_CLIENT_ID = 'lfx-demo-mcp-client';
export const MCP_SERVER_CLIENT_ID = 'lfx-example-mcp-server';

/**
 * The MCP client's registered redirect URI (a loopback redirect, RFC 8252 section 7.3). Nothing
 * listens there: the demo's user agent stops at the redirect and reads the code from its URL.
 */
export const REDIRECT_URI = 'http://127.0.0.1/callback';

/** The three servers of the demo, running on 127.0.0.1. */
export interface DemoStack {
  authServer: AuthServer;
  lfxApi: LfxApi;
  lfxApiOrigin: string;
  mcp: McpApp;
  mcpOrigin: string;
  /** The MCP endpoint, which is also the MCP server's resource identifier and token audience. */
  mcpUrl: URL;
  /** Server names by origin, for the narration. */
  names: ReadonlyMap<string, string>;
  /** Number of operations in the project service spec. */
  operationCount: number;
  projectCount: number;
}

export interface StackOptions {
  /**
   * Environment variables that replace the MCP server's generated settings, such as a wrong
   * `LFX_AUDIENCE` to see how a misconfigured server fails. An empty string removes a setting.
   */
  mcpEnvironment?: Environment;
}

/**
 * Starts the authorization server, the LFX API stand-in and the example MCP server, each on its
 * own loopback port, and registers their shutdown with `cleanup`.
 *
 * The MCP server is configured as in production, through `loadConfig` and environment variables.
 * Its client assertion key is generated here and written to a temporary file that only this user
 * can read.
 *
 * @throws {ConfigError} from `loadConfig` when `mcpEnvironment` makes the configuration invalid.
 */
export async function startStack(write: Write, cleanup: Cleanup, options: StackOptions = {}): Promise<DemoStack> {
  const [authSocket, apiSocket, mcpSocket] = [await listenOnLoopback(), await listenOnLoopback(), await listenOnLoopback()];
  cleanup.add(() => authSocket.close());
  cleanup.add(() => apiSocket.close());
  cleanup.add(() => mcpSocket.close());

  const mcpUrl = new URL('/mcp', mcpSocket.origin);
  const lfxAudience = apiSocket.origin;
  const names = new Map([
    [authSocket.origin, 'auth server'],
    [apiSocket.origin, 'LFX API'],
    [mcpSocket.origin, 'MCP server'],
  ]);

  const { privateKey, publicKey } = generateRsaKeyObjects();
  const keyDirectory = await mkdtemp(join(tmpdir(), 'lfx-demo-'));
  cleanup.add(() => rm(keyDirectory, { recursive: true, force: true }));
  const keyFile = join(keyDirectory, 'mcp-server-client-key.pem');
  await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });

  const authServer = await createAuthServer({
    issuer: authSocket.origin,
    users: [DEMO_USER],
    mcpClient: { clientId: MCP_CLIENT_ID, redirectUri: REDIRECT_URI },
    exchangeClient: {
      clientId: MCP_SERVER_CLIENT_ID,
      publicJwk: { ...(publicKey.export({ format: 'jwk' }) as JWK), alg: 'RS256', use: 'sig' },
    },
    mcpResource: mcpUrl.href,
    mcpScopes: [MCP_SCOPE],
    lfxAudience,
    onTokenExchange: (exchange) =>
      write(`    auth server  exchanged the caller's token for ${exchange.clientId}: LFX token ${exchange.tokenFingerprint}, aud ${exchange.audience}`),
  });
  authSocket.server.on('request', authServer.listener);

  const document = loadOpenApiDocument(PROJECT_SERVICE_SPEC);
  const data = createDemoData();
  const lfxApi = createLfxApi({
    document,
    data,
    issuer: authServer.issuer,
    jwksUri: authServer.jwksUri,
    audience: lfxAudience,
    onRequest: (record) => {
      const caller = record.subject === undefined ? 'token refused' : `sub ${record.subject}, client ${record.clientId ?? 'unknown'}`;
      write(`    LFX API      ${record.method} ${record.path} → ${record.status}  (token ${record.tokenFingerprint ?? 'none'}, ${caller})`);
    },
  });
  apiSocket.server.on('request', lfxApi.listener);

  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    MCP_PUBLIC_URL: mcpUrl.href,
    MCP_AUTH_SERVERS: authServer.issuer,
    MCP_SCOPES: MCP_SCOPE,
    LFX_API_URL: apiSocket.origin,
    LFX_TOKEN_ENDPOINT: authServer.tokenEndpoint,
    LFX_CLIENT_ID: MCP_SERVER_CLIENT_ID,
    LFX_CLIENT_ASSERTION_KEY_FILE: keyFile,
    LFX_AUDIENCE: lfxAudience,
    ...options.mcpEnvironment,
  });
  const mcp = createMcpApp(config, { log: narratingLogger(write) });
  mcpSocket.server.on('request', mcp.app);

  const operationCount = Object.values(document.paths).reduce((count, item) => count + Object.keys(item).length, 0);
  return {
    authServer,
    lfxApi,
    lfxApiOrigin: apiSocket.origin,
    mcp,
    mcpOrigin: mcpSocket.origin,
    mcpUrl,
    names,
    operationCount,
    projectCount: data.length,
  };
}

/** Returns a logger that writes the MCP server's log events as lines of the demo's account. */
function narratingLogger(write: Write): Logger {
  const format = (fields: LogFields = {}) =>
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');

  return {
    info(message, fields) {
      if (message === 'tool call') {
        write(`    MCP server   verified the caller's token (sub ${String(fields?.subject)}) and runs ${String(fields?.tool)} as that caller`);
        return;
      }
      write(`    MCP server   ${message} ${format(fields)}`);
    },
    error(message, fields) {
      write(`    MCP server   error: ${message} ${format(fields)}`);
    },
  };
}
