import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

import { expect, formatTable, truncate, type Write } from './report.js';
import type { DemoStack } from './stack.js';

const STEP = 'tool calls';

/** The demo's tool calls, in order. The last one repeats an earlier call to show the cache. */
export interface ToolCallSummary {
  toolCalls: number;
  /** Fingerprints of the tokens the LFX API received, one per tool call. */
  lfxTokenFingerprints: string[];
}

interface Row {
  tool: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
  lfxCall: string;
  token: string;
}

/** Lists the tools and calls each of them as the signed-in user, then prints the results as a table. */
export async function callTools(stack: DemoStack, client: Client, write: Write): Promise<ToolCallSummary> {
  const { tools } = await client.listTools();
  write(`  MCP client   tools/list → ${tools.map((tool) => tool.name).join(', ')}`);
  const expected = ['get_project', 'get_project_settings', 'search_projects'];
  expect(
    JSON.stringify(tools.map((tool) => tool.name).sort()) === JSON.stringify(expected),
    STEP,
    `the MCP server lists ${tools.map((tool) => tool.name).join(', ')} instead of ${expected.join(', ')}`,
  );

  const rows: Row[] = [];
  const call = async (tool: string, args: Record<string, unknown>): Promise<Record<string, unknown>> => {
    write('');
    write(`  MCP client   tools/call ${tool} ${JSON.stringify(args)}`);
    const before = stack.mcp.tokenCache.stats;
    const requestsBefore = stack.lfxApi.requests.length;

    const result = (await client.callTool({ name: tool, arguments: args })) as CallToolResult;
    const text = result.content.find((part) => part.type === 'text')?.text ?? '';
    expect(result.isError !== true, STEP, `${tool} returned an error: ${text}`);
    expect(result.structuredContent !== undefined, STEP, `${tool} returned no structured content`);

    const after = stack.mcp.tokenCache.stats;
    const lfxRequests = stack.lfxApi.requests.slice(requestsBefore);
    expect(lfxRequests.length === 1, STEP, `${tool} made ${lfxRequests.length} LFX API requests instead of 1`);
    const [lfxRequest] = lfxRequests as [(typeof lfxRequests)[number]];

    const cacheHit = after.hits === before.hits + 1 && after.exchanges === before.exchanges;
    const exchanged = after.exchanges === before.exchanges + 1;
    write(`    token cache  ${cacheHit ? 'hit: no token exchange needed' : exchanged ? 'miss: exchanged the caller token once' : 'unchanged'}`);
    rows.push({
      tool,
      args,
      result: result.structuredContent,
      lfxCall: `${lfxRequest.method} ${shortenUids(lfxRequest.path)} ${lfxRequest.status}`,
      token: `${cacheHit ? 'cache hit' : 'exchanged'} ${lfxRequest.tokenFingerprint ?? ''}`,
    });
    return result.structuredContent;
  };

  const search = await call('search_projects', { query: 'build' });
  const projects = search.projects as { uid: string; slug: string }[];
  const appleseed = projects.find((project) => project.slug === 'appleseed');
  expect(appleseed !== undefined, STEP, 'search_projects did not find the Appleseed project');

  await call('get_project', { uid: appleseed.uid });
  await call('get_project_settings', { uid: appleseed.uid });
  await call('get_project', { uid: appleseed.uid });

  write('');
  const table = formatTable(
    ['#', 'tool', 'arguments', 'result', 'LFX API request', 'LFX token'],
    rows.map((row, index) => [String(index + 1), row.tool, formatArgs(row.args), summarize(row.tool, row.result), row.lfxCall, row.token]),
  );
  table.forEach((line) => write(`  ${line}`));

  return {
    toolCalls: rows.length,
    lfxTokenFingerprints: rows.map((row) => row.token.split(' ').at(-1) ?? ''),
  };
}

function summarize(tool: string, result: Record<string, unknown>): string {
  switch (tool) {
    case 'search_projects': {
      const projects = result.projects as { name: string }[];
      return truncate(`${projects.length} found: ${projects.map((project) => project.name).join(', ')}`, 40);
    }
    case 'get_project':
      return truncate(`${String(result.name)}, ${String(result.category)}, ${String(result.stage)}`, 40);
    case 'get_project_settings': {
      const director = (result.executiveDirector as { name?: string } | undefined)?.name ?? 'none';
      const manager = (result.programManager as { name?: string } | undefined)?.name ?? 'none';
      return truncate(`director ${director}, manager ${manager}`, 48);
    }
    default:
      return truncate(JSON.stringify(result), 40);
  }
}

function formatArgs(args: Record<string, unknown>): string {
  return Object.entries(args)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? shortenUids(value) : JSON.stringify(value)}`)
    .join(' ');
}

/** Shortens each UUID to its first 8 digits, so the table fits a terminal. */
function shortenUids(text: string): string {
  return text.replace(/([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '$1…');
}
