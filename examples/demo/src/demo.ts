import type { Cleanup } from './cleanup.js';
import { checkRefusals } from './refusals.js';
import { expect, step, type Write } from './report.js';
import { signIn } from './sign-in.js';
import { startStack } from './stack.js';
import { callTools } from './tool-calls.js';

/** Counters of a successful run, read from the components themselves. */
export interface DemoResult {
  toolCalls: number;
  /** Token exchanges that the authorization server performed. */
  tokenExchanges: number;
  /** Tool calls that the MCP server's token cache served without an exchange. */
  cacheHits: number;
  refusals: number;
}

/**
 * Runs the demo: starts the servers, signs the demo user in through the MCP SDK's OAuth flow,
 * calls each tool, and checks the refusals. Every server it starts is registered with `cleanup`.
 *
 * @throws {DemoStepError} naming the step that failed.
 */
export async function runDemo(write: Write, cleanup: Cleanup): Promise<DemoResult> {
  write('1. Start the servers on 127.0.0.1 (ports chosen by the OS)');
  const stack = await step('start the servers', () => startStack(write, cleanup));
  write(`  auth server  ${stack.authServer.issuer}  oidc-provider: authorization code + PKCE, RFC 8693 token exchange`);
  write(`  LFX API      ${stack.lfxApiOrigin}  stand-in: ${stack.operationCount} operations of specs/project-service.yaml, ${stack.projectCount} projects`);
  write(`  MCP server   ${stack.mcpUrl.href}  example server, configured from environment variables`);

  write('');
  write('2. Sign in: the MCP client follows the 401 to the protected resource metadata, then runs the OAuth flow');
  const session = await step('sign in', () => signIn(stack, write));

  write('');
  write('3. Call the tools as the signed-in user');
  const calls = await step('tool calls', () => callTools(stack, session.client, write));

  write('');
  write('4. Requests without a valid token are refused');
  const refusals = await step('refusals', () => checkRefusals(stack, session.accessToken, write));
  await session.client.close();

  const { tokenExchanges } = stack.authServer.stats;
  const cache = stack.mcp.tokenCache.stats;
  expect(tokenExchanges === cache.exchanges, 'summary', `the auth server counted ${tokenExchanges} exchanges but the token cache ${cache.exchanges}`);
  expect(new Set(calls.lfxTokenFingerprints).size === 1, 'summary', 'the LFX API received more than one exchanged token');

  write('');
  write(`  token cache  hits ${cache.hits}, misses ${cache.misses}, exchanges ${cache.exchanges}, failures ${cache.failures}`);
  return { toolCalls: calls.toolCalls, tokenExchanges, cacheHits: cache.hits, refusals };
}

/** Formats the final line, such as `demo ok: 4 tool calls, 1 token exchange, 3 cache hits`. */
export function summaryLine(result: DemoResult): string {
  const count = (value: number, noun: string) => `${value} ${noun}${value === 1 ? '' : 's'}`;
  return `demo ok: ${count(result.toolCalls, 'tool call')}, ${count(result.tokenExchanges, 'token exchange')}, ${count(result.cacheHits, 'cache hit')}`;
}
