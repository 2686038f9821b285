import { setImmediate as nextTurn } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createClients, getMCPToken, withMCPToken } from '../src/index.js';
import { LFX_API_AUDIENCE, startLfxStack, type LfxStack } from './support/lfx.js';

const CALLERS = 1_000;
// All 1,000 calls run interleaved, but at most this many have a request open at a time, because
// 1,000 simultaneous connections overflowed the loopback servers' accept queues on a busy machine.
const MAX_IN_FLIGHT = 50;
// The test took 3 to 12 s alone on a 2-core machine, depending on other load, and longer when
// turbo runs every package's tests at once.
const TIMEOUT_MS = 180_000;
const MCP_AUDIENCE = 'https://mcp.example.test/mcp';

let stack: LfxStack;

beforeAll(async () => {
  stack = await startLfxStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('withMCPToken with createClients', () => {
  it('keeps 1,000 interleaved callers apart', async () => {
    const clients = createClients({ apiDomain: stack.api.origin, tokenExchangeClient: stack.tokenExchangeClient });
    const limit = createLimiter(MAX_IN_FLIGHT);
    const subjects = Array.from({ length: CALLERS }, (_, index) => `caller-${index}`);
    const mcpTokens = await Promise.all(
      subjects.map((sub) => stack.authServer.issueSubjectToken({ sub, audience: MCP_AUDIENCE })),
    );

    const outcomes = await Promise.all(
      subjects.map((sub, index) =>
        withMCPToken(mcpTokens[index] as string, async () => {
          // Yield a varying number of turns so that the calls interleave in a scrambled order.
          for (let turn = 0; turn < (index * 7) % 11; turn += 1) {
            await nextTurn();
          }
          const { data, response } = await limit(() =>
            clients.project.GET('/projects/{uid}', { params: { path: { uid: `project-${index}` } } }),
          );
          return { sub, status: response.status, name: data?.name, uid: data?.uid, tokenAfter: getMCPToken() === mcpTokens[index] };
        }),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.status !== 200)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.name !== outcome.sub)).toEqual([]);
    expect(outcomes.filter((outcome) => !outcome.tokenAfter)).toEqual([]);
    expect(outcomes.map((outcome) => outcome.uid)).toEqual(subjects.map((_, index) => `project-${index}`));

    const served = new Map(stack.api.requests.map((request) => [request.path, request.claims]));
    expect(stack.api.requests).toHaveLength(CALLERS);
    subjects.forEach((sub, index) => {
      const claims = served.get(`/projects/project-${index}`);
      expect(claims?.sub, `claims of project-${index}`).toBe(sub);
      expect(claims?.aud, `aud of project-${index}`).toBe(LFX_API_AUDIENCE);
    });
    expect(stack.api.requests.filter((request) => mcpTokens.includes(request.authorization?.replace('Bearer ', '') ?? ''))).toEqual([]);
    expect(stack.authServer.exchanges).toBe(CALLERS);
  }, TIMEOUT_MS);
});

/** Returns a function that runs at most `max` of the tasks given to it at once, the others in arrival order. */
function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];

  return async (task) => {
    while (active >= max) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    active += 1;

    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
