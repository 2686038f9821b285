import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';

import { Cleanup } from '../src/cleanup.js';
import { signIn } from '../src/sign-in.js';
import { startStack } from '../src/stack.js';

const mcpServerMain = fileURLToPath(new URL('../../mcp-server/src/main.ts', import.meta.url));

function runMcpServer(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', mcpServerMain], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('MCP server with a bad configuration', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('names every missing setting and exits 78', async () => {
    const run = await runMcpServer({ LFX_CLIENT_SECRET: 'demo-secret-value-7f3a' });

    expect(run.code).toBe(78);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'The MCP server configuration is invalid:',
        '  - MCP_PUBLIC_URL is missing: set it to the public URL of the MCP endpoint, such as https://mcp.example.org/mcp.',
        '  - MCP_AUTH_SERVERS is missing: set it to the issuer URLs of the authorization servers whose tokens the server accepts, separated by commas or spaces.',
        '  - LFX_API_URL is missing: set it to the base URL of the LFX API, such as https://api.lfx.dev.',
        '  - LFX_TOKEN_ENDPOINT is missing: set it to the token endpoint URL of the LFX authorization server.',
        '  - LFX_CLIENT_ID is missing: set it to the OAuth client id of this MCP server at the LFX authorization server.',
        '  - LFX_AUDIENCE is missing: set it to the audience of the LFX API tokens, as the LFX authorization server names it.',
        '',
      ].join('\n'),
    );
  });

  it('never prints the client secret', async () => {
    const run = await runMcpServer({ LFX_CLIENT_SECRET: 'demo-secret-value-7f3a', PORT: 'eighty' });

    expect(run.code).toBe(78);
    expect(run.stderr).toContain('PORT must be an integer from 0 to 65535.');
    expect(run.stdout + run.stderr).not.toContain('demo-secret-value-7f3a');
  });

  it('returns a tool error when the LFX audience is wrong', async () => {
    const stack = await startStack(() => {}, cleanup, {
      mcpEnvironment: { LFX_AUDIENCE: 'https://wrong-audience.example.org' },
    });
    const { client } = await signIn(stack, () => {});
    cleanup.add(() => client.close());

    const result = (await client.callTool({ name: 'search_projects', arguments: { query: 'build' } })) as CallToolResult;

    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      {
        type: 'text',
        text: 'Could not get an LFX API token for this caller: the token exchange failed with "invalid_target".',
      },
    ]);
    expect(stack.authServer.stats).toEqual({ authorizationCodeGrants: 1, tokenExchanges: 0, rejectedGrants: 1 });
    expect(stack.lfxApi.requests).toEqual([]);
  });
});
