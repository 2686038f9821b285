import { SignJWT } from 'jose';

import { fingerprint } from './fingerprint.js';
import { generateRsaKeyObjects } from './keys.js';
import { expect, type Write } from './report.js';
import { DEMO_USER, type DemoStack } from './stack.js';

const STEP = 'refusals';

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl-like', version: '0' } },
});

/**
 * Shows that the MCP server refuses a request without a token and one with a forged token, each
 * with 401 and the `resource_metadata` pointer, and that the LFX API refuses the MCP token itself.
 * Returns the number of refused requests.
 */
export async function checkRefusals(stack: DemoStack, mcpAccessToken: string, write: Write): Promise<number> {
  const expectedPointer = `resource_metadata="${stack.mcp.resourceMetadataUrl}"`;

  const anonymous = await postToMcp(stack, undefined);
  write(`  MCP client   POST /mcp without a token → ${anonymous.status}`);
  write(`               WWW-Authenticate: ${anonymous.challenge}`);
  expect(anonymous.status === 401, STEP, `a request without a token got HTTP ${anonymous.status} instead of 401`);
  expect(anonymous.challenge.includes(expectedPointer), STEP, 'the 401 for a request without a token lacks the resource_metadata pointer');

  const forged = await forgeToken(stack);
  const forgedResponse = await postToMcp(stack, forged);
  write(`  MCP client   POST /mcp with forged token ${fingerprint(forged)} (right claims, a key the auth server never published) → ${forgedResponse.status}`);
  write(`               WWW-Authenticate: ${forgedResponse.challenge}`);
  expect(forgedResponse.status === 401, STEP, `a forged token got HTTP ${forgedResponse.status} instead of 401`);
  expect(forgedResponse.challenge.includes(expectedPointer), STEP, 'the 401 for a forged token lacks the resource_metadata pointer');

  // Written before the request, because the LFX API stand-in prints its own line with the 401
  // while it handles the request, and the cause must come first.
  write(`  MCP client   GET /projects on the LFX API with its MCP token ${fingerprint(mcpAccessToken)}  (the token's audience is the MCP server)`);
  const misused = await fetch(new URL('/projects?v=1', stack.lfxApiOrigin), { headers: { authorization: `Bearer ${mcpAccessToken}` } });
  await misused.body?.cancel();
  expect(misused.status === 401, STEP, `the LFX API accepted the MCP token with HTTP ${misused.status}`);

  return 3;
}

async function postToMcp(stack: DemoStack, token: string | undefined): Promise<{ status: number; challenge: string }> {
  const response = await fetch(stack.mcpUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: INITIALIZE,
  });
  await response.body?.cancel();
  return { status: response.status, challenge: response.headers.get('www-authenticate') ?? '(none)' };
}

/** Signs a token with the right issuer, audience and subject, but with a key of its own. */
async function forgeToken(stack: DemoStack): Promise<string> {
  const { privateKey } = generateRsaKeyObjects();
  return new SignJWT({ scope: 'projects:read', client_id: 'lfx-demo-mcp-client' })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'forged-key' })
    .setIssuer(stack.authServer.issuer)
    .setAudience(stack.mcpUrl.href)
    .setSubject(DEMO_USER.accountId)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}
