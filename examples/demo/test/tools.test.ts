import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Cleanup } from '../src/cleanup.js';
import { signIn } from '../src/sign-in.js';
import { startStack, type DemoStack } from '../src/stack.js';

const APPLESEED = '5168c748-9e22-424b-900e-30b53c3227e5';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('example MCP server tools against the stand-in', () => {
  const cleanup = new Cleanup();
  let stack: DemoStack;
  let client: Client;

  beforeAll(async () => {
    stack = await startStack(() => {}, cleanup);
    ({ client } = await signIn(stack, () => {}));
    cleanup.add(() => client.close());
  });
  afterAll(() => cleanup.run());

  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;

  it('search_projects matches name, slug and description', async () => {
    const result = await call('search_projects', { query: 'ROOT' });

    expect(result.structuredContent).toEqual({
      projects: [
        {
          uid: '16940f5f-2779-4cfe-8c5b-34e98e597ac3',
          slug: 'rootstock',
          name: 'Rootstock',
          category: 'Emeritus',
          stage: 'Archived',
          isFoundation: false,
          description: 'Base container images with a minimal, audited package set. No longer maintained.',
        },
      ],
      total: 1,
    });
  });

  it('search_projects applies the limit but counts every match', async () => {
    const result = await call('search_projects', { query: 'o', limit: 2 });

    expect((result.structuredContent?.projects as unknown[]).length).toBe(2);
    expect(result.structuredContent?.total).toBe(5);
  });

  it('get_project returns the project with its ETag', async () => {
    const result = await call('get_project', { uid: APPLESEED });

    expect(result.structuredContent).toEqual({
      uid: APPLESEED,
      slug: 'appleseed',
      name: 'Appleseed',
      category: 'Graduated',
      stage: 'Active',
      isFoundation: false,
      description: 'Reproducible build runner that signs every artifact it produces.',
      parentUid: 'da7598ba-d576-4662-9024-d9fe53d1e8e2',
      public: true,
      fundingStatus: 'Supported by Parent Project',
      formationDate: '2019-09-16',
      websiteUrl: 'https://appleseed.example.org',
      repositoryUrl: 'https://code.example.org/open-orchard/appleseed',
      etag: '"1"',
    });
  });

  it('get_project_settings leaves email addresses out', async () => {
    const result = await call('get_project_settings', { uid: APPLESEED });

    expect(result.structuredContent).toMatchObject({
      uid: APPLESEED,
      missionStatement: 'Make every build reproducible and every artifact verifiable.',
      executiveDirector: { name: 'Maria Okafor', username: 'mokafor' },
      programManager: { name: 'Lena Fischer', username: 'lfischer' },
    });
    expect(JSON.stringify(result)).not.toContain('@example.org');
  });

  it('get_project reports an unknown project as a tool error', async () => {
    const result = await call('get_project', { uid: UNKNOWN });

    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text: `The LFX API has no project ${UNKNOWN}.` }],
    });
  });

  it('get_project rejects a uid that is not a UUID before any API call', async () => {
    const requestsBefore = stack.lfxApi.requests.length;

    const result = await call('get_project', { uid: 'appleseed' });

    expect(result.isError).toBe(true);
    expect(stack.lfxApi.requests.length).toBe(requestsBefore);
  });

  it('shares one exchange among all calls of one caller', () => {
    expect(stack.authServer.stats.tokenExchanges).toBe(1);
    expect(stack.mcp.tokenCache.stats.exchanges).toBe(1);
  });
});
