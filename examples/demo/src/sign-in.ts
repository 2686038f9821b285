import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { decodeJwt } from 'jose';

import { createNarratingFetch } from './client/narrating-fetch.js';
import { DemoOAuthProvider } from './client/oauth-provider.js';
import { authorizeAsUser } from './client/user-agent.js';
import { fingerprint } from './fingerprint.js';
import { expect, type Write } from './report.js';
import { DEMO_USER, MCP_CLIENT_ID, REDIRECT_URI, type DemoStack } from './stack.js';

const STEP = 'sign in';

/** An MCP client session signed in as the demo user. */
export interface SignedInClient {
  client: Client;
  /** The MCP access token, for the refusal checks; the demo prints only its fingerprint. */
  accessToken: string;
}

/**
 * Connects the MCP SDK's client to the MCP server and lets the SDK's OAuth flow obtain the demo
 * user's token. The server's 401 points to its protected resource metadata, which names the
 * authorization server. The SDK then runs the authorization code flow with PKCE there, and the
 * demo's user agent plays the browser: it signs in and grants consent over HTTP.
 */
export async function signIn(stack: DemoStack, write: Write): Promise<SignedInClient> {
  const provider = new DemoOAuthProvider({ clientId: MCP_CLIENT_ID, redirectUrl: REDIRECT_URI });
  const narration = createNarratingFetch(write, stack.names);
  const transportOptions = { authProvider: provider, fetch: narration.fetch };

  const firstAttempt = new Client({ name: 'lfx-demo-client', version: '0.0.0' });
  const unauthorized = await firstAttempt
    .connect(new StreamableHTTPClientTransport(stack.mcpUrl, transportOptions))
    .then(() => undefined, (error: unknown) => error);
  expect(unauthorized instanceof UnauthorizedError, STEP, 'the MCP server accepted a client that had no token');
  await firstAttempt.close();

  const authorizationUrl = provider.takeAuthorizationUrl();
  expect(authorizationUrl !== undefined, STEP, 'the MCP SDK did not start the authorization code flow');
  write(
    `  user agent   opens the authorization URL: code flow, PKCE ${authorizationUrl.searchParams.get('code_challenge_method')}, scope ${authorizationUrl.searchParams.get('scope')}, resource ${authorizationUrl.searchParams.get('resource')}`,
  );

  const redirect = await authorizeAsUser(authorizationUrl, {
    redirectUri: REDIRECT_URI,
    username: DEMO_USER.username,
    onStep: (line) => write(`  user agent   ${line}`),
  });
  expect(provider.isExpectedState(redirect.state), STEP, 'the redirect carried a state that this client did not send');
  write('  user agent   is redirected to the client with an authorization code');

  const transport = new StreamableHTTPClientTransport(stack.mcpUrl, transportOptions);
  await transport.finishAuth(redirect.code);
  const accessToken = provider.tokens()?.access_token;
  expect(accessToken !== undefined, STEP, 'the token request returned no access token');

  const client = new Client({ name: 'lfx-demo-client', version: '0.0.0' });
  await client.connect(transport);
  narration.setEnabled(false);

  const claims = decodeJwt(accessToken);
  write(
    `  MCP client   connected to ${client.getServerVersion()?.name ?? 'the MCP server'} as sub ${String(claims.sub)} with token ${fingerprint(accessToken)} (aud ${String(claims.aud)})`,
  );
  return { client, accessToken };
}
